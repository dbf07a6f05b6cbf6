"""Backups as the app lists them, and what a restore keeps for those watching the store."""

from __future__ import annotations

import datetime as _dt

from fieldkit.i18n import set_language
from fieldkit.profile import Profile


def test_backup_details_say_when_why_and_how_big(profile):
    start = _dt.datetime.now(_dt.UTC)
    profile.contacts.add({"name": "Asha Rao"})
    profile.backup()
    profile.backup("before-import")
    newest, oldest = profile.backup_details()
    assert (newest.reason, oldest.reason) == ("before-import", "manual")
    assert newest.path == profile.backups()[0]
    assert newest.size == newest.path.stat().st_size > 0
    # Made in UTC (the file name's stamp), so it can be shown in this computer's zone.
    assert newest.made.tzinfo is _dt.UTC
    assert start - _dt.timedelta(seconds=1) <= oldest.made <= newest.made
    assert newest.made <= _dt.datetime.now(_dt.UTC)
    assert (newest.reason_label, oldest.reason_label) == ("Before an import", "Made by hand")
    set_language("fr")
    assert oldest.reason_label != "Made by hand"


def test_backup_details_of_a_profile_without_backups(profile):
    assert profile.backup_details() == []


def test_change_listeners_still_hear_after_a_restore(profile):
    """The app's lists listen to the writing store; a restore reopens it in place."""
    heard: list[set[str]] = []
    profile.store.on_change(heard.append)
    kept = profile.contacts.add({"name": "Before"})
    older = profile.backup()
    profile.contacts.add({"name": "Added after the backup"})
    heard.clear()

    profile.restore(older)
    # Told that the content changed, every list of records included.
    assert {"contacts", "campaigns", "materials", "laws", "outreach"} <= set().union(*heard)
    assert [c["name"] for c in profile.contacts.list()] == ["Before"]

    heard.clear()
    profile.contacts.update(kept, {"name": "After the restore"})
    assert heard == [{"contacts"}]


def test_a_restore_reopens_an_encrypted_profile_with_its_passphrase(tmp_path):
    phrase = "correct horse battery staple"
    with Profile.create(tmp_path / "enc", passphrase=phrase) as profile:
        profile.contacts.add({"name": "Shelter"})
        older = profile.backup()
        profile.contacts.add({"name": "Later"})
        profile.restore(older)
        assert [c["name"] for c in profile.contacts.list()] == ["Shelter"]
        assert profile.store.passphrase == phrase
        profile.contacts.add({"name": "Written after the restore"})
    with Profile.open(tmp_path / "enc", passphrase=phrase) as again:
        assert again.contacts.count() == 2
