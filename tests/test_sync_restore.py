"""Sync after a device restores an older backup: no sequence number is used twice, the
changes made after the restore reach everyone, and the device gets back its own changes
that it lost with the restore and that others hold."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from test_sync_helpers import content, make_org

from fieldkit.cli import cli
from fieldkit.profile import Profile
from fieldkit.sync.bundle import peek_manifest
from fieldkit.sync.conflicts import list_conflicts
from fieldkit.sync.engine import sync
from fieldkit.sync.exchange import export_changes, import_bytes
from fieldkit.sync.files import rebuild_outbox, sync_dir
from fieldkit.sync.merge import seen_vector
from fieldkit.sync.targets import target_from_location


@pytest.fixture
def org(tmp_path):
    hq, devices = make_org(tmp_path, "delhi", "patna")
    yield (hq, *devices)
    for p in (hq, *devices):
        p.close()


@pytest.fixture
def share(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    return target_from_location(str(folder))


def names(profile: Profile) -> set[str]:
    return {c["name"] for c in profile.contacts.list()}


def own_numbers(profile: Profile) -> list[int]:
    rows = profile.store.conn.execute(
        "SELECT dseq FROM changes WHERE device = ? ORDER BY dseq", [profile.device_id]
    )
    return [r[0] for r in rows]


def synced_then_restored(delhi: Profile, hq: Profile, share) -> list[str]:
    """Delhi makes ten contacts (a backup after five), syncs them to headquarters through
    ``share``, then restores the backup: it holds five, headquarters ten."""
    ids = [delhi.contacts.add({"name": f"Officer {n}"}) for n in range(5)]
    older = delhi.backup("manual")
    ids += [delhi.contacts.add({"name": f"Officer {n}"}) for n in range(5, 10)]
    sync(delhi, share)
    sync(hq, share)
    assert hq.contacts.count() == 10
    delhi.restore(older)
    assert delhi.contacts.count() == 5
    return ids


def test_changes_made_after_restoring_an_older_backup_reach_headquarters(org, share):
    hq, delhi, patna = org
    ids = synced_then_restored(delhi, hq, share)
    delhi.contacts.update(ids[0], {"phone": "+91 11 2345 6789"})
    new = delhi.contacts.add({"name": "Shelter after the restore"})
    # Numbered after every change the device made before the restore, not again from 6.
    assert own_numbers(delhi)[-2:] == [11, 12]
    sync(delhi, share)
    sync(hq, share)

    assert hq.contacts.get(new)["name"] == "Shelter after the restore"
    assert hq.contacts.get(ids[0])["phone"] == "+91 11 2345 6789"
    # The device got back the five contacts it lost, and holds what headquarters holds.
    assert (
        names(delhi)
        == names(hq)
        == {*(f"Officer {n}" for n in range(10)), "Shelter after the restore"}
    )
    assert content(delhi) == content(hq)
    # A device that only syncs after the restore ends with the same records.
    sync(patna, share)
    assert content(patna) == content(hq)
    # Nothing left to exchange: another round changes nothing anywhere.
    before = [content(p) for p in (hq, delhi, patna)]
    for p in (delhi, hq, patna):
        assert sync(p, share).changes == 0
    assert [content(p) for p in (hq, delhi, patna)] == before


def test_the_counter_stays_past_the_old_numbers_when_the_profile_is_opened_again(org, share):
    hq, delhi, _patna = org
    synced_then_restored(delhi, hq, share)
    path = delhi.path
    delhi.close()
    with Profile.open(path) as again:
        assert again.store.dseq == 10
        again.contacts.add({"name": "Next"})
        assert own_numbers(again)[-1] == 11
    delhi.__init__(path, Profile.open(path).store)


def test_its_own_bundle_relayed_back_is_applied_only_for_what_it_lost(org, share):
    hq, delhi, _patna = org
    ids = [delhi.contacts.add({"name": f"Officer {n}"}) for n in range(3)]
    older = delhi.backup("manual")
    delhi.contacts.update(ids[0], {"phone": "100"})
    delhi.contacts.add({"name": "Made before the restore"})
    whole = export_changes(delhi)  # 1..5, as headquarters got it
    import_bytes(hq, whole)
    delhi.restore(older)
    assert "Made before the restore" not in names(delhi)
    delhi.contacts.update(ids[1], {"phone": "200"})

    back = import_bytes(delhi, whole)
    assert not back.already and back.merge.applied == 2  # the two it lost; 1..3 it holds
    assert "Made before the restore" in names(delhi)
    assert delhi.contacts.get(ids[0])["phone"] == "100"
    assert import_bytes(delhi, export_changes(delhi, 1, 5)).already  # now held again
    import_bytes(hq, export_changes(delhi))
    assert content(delhi) == content(hq)


def test_its_own_changes_come_back_from_the_target_when_the_outbox_is_gone(org, share):
    hq, delhi, _patna = org
    synced_then_restored(delhi, hq, share)
    shutil.rmtree(sync_dir(delhi, "outbox"))
    delhi.contacts.add({"name": "After"})
    report = sync(delhi, share)
    assert (report.applied, report.changes) == (1, 5)
    # Its own file is not kept to be passed on: it is on the target already.
    assert list(sync_dir(delhi, "relay").iterdir()) == []
    sync(hq, share)
    assert content(delhi) == content(hq) and hq.contacts.count() == 11


def test_a_gap_of_changes_that_never_left_the_device(org, share):
    """Changes 9 and 10 were never exported and are gone with the restore: the next bundle
    covers 9..11 with only change 11, and every device counts 9 and 10 as held."""
    hq, delhi, patna = org
    for n in range(5):
        delhi.contacts.add({"name": f"Officer {n}"})
    older = delhi.backup("manual")
    for n in range(5, 8):
        delhi.contacts.add({"name": f"Officer {n}"})
    sync(delhi, share)  # 1..8 leave the device
    delhi.contacts.add({"name": "Never sent 1"})
    delhi.contacts.add({"name": "Never sent 2"})
    delhi.restore(older)
    delhi.contacts.add({"name": "After"})
    sync(delhi, share)
    sent = sorted(sync_dir(delhi, "outbox").iterdir())
    assert [p.name for p in sent] == [
        f"{delhi.device_id}-{a:010d}-{b:010d}.fkb" for a, b in ((1, 8), (9, 11))
    ]
    # Its file can be cut again: it holds every change of 9..11 that exists.
    assert peek_manifest(rebuild_outbox(delhi, sent[1]))["counts"]["changes"] == 1
    sync(hq, share)
    sync(patna, share)
    for p in (hq, delhi, patna):
        assert names(p) == {*(f"Officer {n}" for n in range(8)), "After"}
        assert seen_vector(p.store)[delhi.device_id] == 11
    assert content(hq) == content(delhi) == content(patna)


def test_a_bundle_with_lost_numbers_does_not_count_them_as_held(org, share):
    """After the restore Delhi's whole export (1..11) lacks 6..10, which headquarters holds
    from an earlier export: a device that gets the new file first does not count 6..10 as
    held, and applies them when they come."""
    hq, delhi, patna = org
    for n in range(5):
        delhi.contacts.add({"name": f"Officer {n}"})
    older = delhi.backup("manual")
    for n in range(5, 10):
        delhi.contacts.add({"name": f"Officer {n}"})
    earlier = export_changes(delhi)  # 1..10, by hand, to headquarters
    import_bytes(hq, earlier)
    delhi.restore(older)
    delhi.contacts.add({"name": "After"})
    later = export_changes(delhi)
    manifest = peek_manifest(later)
    assert (manifest["first"], manifest["last"], manifest["missing"]) == (1, 11, [[6, 10]])
    import_bytes(patna, later)
    assert seen_vector(patna.store)[delhi.device_id] == 5
    assert import_bytes(patna, earlier).merge.applied == 5
    assert seen_vector(patna.store)[delhi.device_id] == 11
    import_bytes(hq, later)
    assert seen_vector(hq.store)[delhi.device_id] == 11
    assert content(patna) == content(hq)
    # Delhi itself gets them back from the earlier file and then lists none as missing.
    assert import_bytes(delhi, earlier).merge.applied == 5
    assert "missing" not in peek_manifest(export_changes(delhi))
    assert content(delhi) == content(hq)


def test_an_edit_after_the_restore_is_a_conflict_with_what_the_backup_had_not_seen(org):
    """Before the restore Delhi had seen Patna's phone number; the restored Delhi has not. Its
    new phone number and Patna's are concurrent: headquarters keeps the losing one as a
    conflict instead of dropping it."""
    hq, delhi, patna = org
    cid = delhi.contacts.add({"name": "Inspector Rao", "phone": "111"})
    import_bytes(patna, export_changes(delhi))
    older = delhi.backup("manual")
    patna.contacts.update(cid, {"phone": "222"})
    from_patna = export_changes(patna)
    import_bytes(delhi, from_patna)
    delhi.contacts.add({"name": "Made having seen Patna's number"})
    import_bytes(hq, export_changes(delhi))
    delhi.restore(older)
    delhi.contacts.update(cid, {"phone": "333"})
    import_bytes(hq, export_changes(delhi))
    import_bytes(hq, from_patna)
    [conflict] = list_conflicts(hq)
    assert conflict["field"] == "phone"
    assert {conflict["kept_value"], conflict["lost_value"]} == {"222", "333"}


def test_undoing_a_restore_keeps_numbering_forward(org, share):
    hq, delhi, _patna = org
    synced_then_restored(delhi, hq, share)
    delhi.contacts.add({"name": "Between"})
    sync(delhi, share)  # 11 leaves the device
    safety = next(p for p in delhi.backups() if p.name.endswith("-before-restore.sqlite"))
    delhi.restore(safety)  # back to 1..10, without 11
    delhi.contacts.add({"name": "After the undo"})
    assert own_numbers(delhi)[-1] == 12
    sync(delhi, share)
    sync(hq, share)
    assert "Between" in names(delhi)
    assert content(delhi) == content(hq) and hq.contacts.count() == 12


def test_restore_on_the_command_line_then_sync(tmp_path, org, share):
    hq, delhi, _patna = org
    path = delhi.path
    delhi.close()
    runner = CliRunner()

    def fk(*args: str) -> str:
        result = runner.invoke(cli, ["--profile", str(path), *args])
        assert result.exit_code == 0, result.output
        return result.output

    fk("contacts", "add", "--name", "Asha Rao")
    fk("backup")
    with Profile.open(path) as opened:
        [older] = opened.backups()
    fk("contacts", "add", "--name", "Meena Das")
    fk("sync", share.location)
    sync(hq, share)
    fk("restore", older.name, "--yes")
    fk("contacts", "add", "--name", "Added after the restore")
    assert "Files sent: 1" in fk("sync", share.location)
    sync(hq, share)
    assert names(hq) == {"Asha Rao", "Meena Das", "Added after the restore"}
    delhi.__init__(path, Profile.open(path).store)
    assert content(delhi) == content(hq)


def test_own_changes_sent_encrypted_to_headquarters_come_back_from_the_outbox(org, tmp_path):
    """The device cannot open its own files on a target encrypted to headquarters' key: the
    changes it lost come back from its outbox, which the restore left as it was."""
    hq, delhi, _patna = org
    (tmp_path / "stick").mkdir()
    stick = target_from_location(str(tmp_path / "stick"))
    stick.options["encrypt_to_hq"] = True
    delhi.contacts.add({"name": "Asha Rao"})
    older = delhi.backup("manual")
    delhi.contacts.add({"name": "Meena Das"})
    sync(delhi, stick)
    sync(hq, stick)
    delhi.restore(older)
    delhi.contacts.add({"name": "After"})
    report = sync(delhi, stick)
    assert (report.applied, report.changes, report.uploaded) == (1, 1, 1)
    sync(hq, stick)
    assert names(delhi) == names(hq) == {"Asha Rao", "Meena Das", "After"}
    assert content(delhi) == content(hq)
