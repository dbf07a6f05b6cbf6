"""Bundles for a target outside the organisation (a partner NGO, a lawyer) leave out the
restricted fields and the local-only records, unless the user includes restricted fields;
such a bundle, merged back into the organisation, never blanks or hides a field (#8)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from click.testing import CliRunner
from test_sync_helpers import content, make_org

from fieldkit.cli import cli
from fieldkit.profile import Profile
from fieldkit.sync import org as O
from fieldkit.sync.bundle import decrypt_layers
from fieldkit.sync.engine import sync
from fieldkit.sync.exchange import (
    export_changes,
    export_snapshot,
    import_bytes,
    open_bundle,
    protect,
)
from fieldkit.sync.targets import Target, save_target, target_from_location

# What a restricted contact and a restricted outreach entry hold that must not leave.
SECRETS = ("98100 55555", "survivor.aid@example.org", "12 Hidden Lane", "safehouse key")
LOCAL = "Only On This Laptop"
PHOTO = b"\x89PNG restricted face"


@pytest.fixture
def org(tmp_path):
    hq, (delhi, partner) = make_org(tmp_path, "delhi", "partner")
    yield tmp_path, hq, delhi, partner
    for p in (hq, delhi, partner):
        p.close()


def fill(delhi: Profile) -> str:
    """A restricted contact (with a photo and an outreach note), a normal one, a local-only
    one; returns the restricted contact's id."""
    rid = delhi.contacts.add(
        {
            "name": "Survivor Aid Worker",
            "kind": "ngo",
            "organization": "Safe Steps",
            "phone": "+91 98100 55555",
            "email": "survivor.aid@example.org",
            "address": "12 Hidden Lane",
            "sensitivity": "restricted",
        }
    )
    delhi.contacts.update(rid, {"city": "Delhi"})
    delhi.outreach.add(
        {
            "contact_id": rid,
            "channel": "meeting",
            "date": "2026-11-02",
            "outcome": "Agreed to meet again",
            "notes": "safehouse key is with the warden",
            "sensitivity": "restricted",
        }
    )
    delhi.attach_bytes(PHOTO, "face.png", rid)
    delhi.contacts.add({"name": "Childline", "kind": "hotline", "phone": "1098"})
    delhi.contacts.add({"name": LOCAL, "phone": "+91 99999 00000", "sensitivity": "local-only"})
    return rid


def plain(data: bytes, passphrase: str | None = None) -> bytes:
    """Every entry of a bundle, decrypted and decompressed: what anyone holding it can read."""
    data = decrypt_layers(data, passphrase=passphrase, identity=None)
    archive = zipfile.ZipFile(io.BytesIO(data))
    return b"\n".join(archive.read(name) for name in archive.namelist())


def holds(raw: bytes, text: str) -> bool:
    return text.encode() in raw


def test_a_bundle_for_outside_holds_no_restricted_value(org):
    _tmp, _hq, delhi, partner = org
    rid = fill(delhi)
    inside = plain(export_changes(delhi))
    assert all(holds(inside, s) for s in SECRETS) and PHOTO in inside  # the search works
    assert not holds(inside, LOCAL)

    passphrase = "long river stone"
    sealed = protect(delhi, export_changes(delhi, outside=True), to_hq=False, passphrase=passphrase)
    outside = plain(sealed, passphrase)
    assert not any(holds(outside, s) for s in SECRETS)
    assert PHOTO not in outside and not holds(outside, "face.png") and not holds(outside, LOCAL)
    assert holds(outside, "Survivor Aid Worker") and holds(outside, "Childline")

    bundle, _revocations = open_bundle(partner, sealed, passphrase=passphrase)  # read back
    assert bundle.manifest["outside"] is True
    mine = [c for c in bundle.changes if c[3] == rid]
    assert mine and all("phone" not in c[5] and "email" not in c[5] for c in mine)
    assert {c[5].get("name") for c in mine} >= {"Survivor Aid Worker"}
    # The two changes sent without some of their fields: the contact's and the note's creation.
    me = delhi.device_id
    assert {tuple(k) for k in bundle.manifest["partial"]} == {(me, 1), (me, 3)}

    full = plain(export_changes(delhi, outside=True, include_restricted=True))
    assert all(holds(full, s) for s in SECRETS) and PHOTO in full
    assert not holds(full, LOCAL)  # local-only never leaves the device


def test_a_record_made_local_only_later_does_not_leave_at_all(org):
    _tmp, _hq, delhi, _partner = org
    cid = delhi.contacts.add({"name": "Witness Kumar", "phone": "+91 90000 12345"})
    delhi.contacts.update(cid, {"sensitivity": "local-only"})
    assert holds(plain(export_changes(delhi)), "Witness Kumar")  # its first change was shared
    outside = export_changes(delhi, outside=True, include_restricted=True)
    assert outside is None  # nothing else to send


def test_a_redacted_bundle_never_blanks_restricted_fields_at_hq(tmp_path, org):
    _tmp, hq, delhi, partner = org
    rid = fill(delhi)
    redacted, full = export_changes(delhi, outside=True), export_changes(delhi)

    import_bytes(hq, redacted)  # the lawyer's copy came back first
    seen = hq.contacts.get(rid)
    assert seen["name"] == "Survivor Aid Worker" and seen["city"] == "Delhi"
    assert seen["phone"] is None and seen["email"] is None
    import_bytes(hq, full)
    assert hq.contacts.get(rid)["phone"] == "+91 98100 55555"
    assert hq.contacts.get(rid)["address"] == "12 Hidden Lane"
    assert hq.attachment_bytes(hq.attachments.list({"owner_id": rid})[0]["id"]) == PHOTO
    import_bytes(hq, redacted)  # again, after the full one: changes nothing
    import_bytes(partner, full)
    import_bytes(partner, redacted)  # the other order
    assert content(hq) == content(partner)

    # A snapshot cut while headquarters held only the redacted copy passes that on.
    later = Profile.create(tmp_path / "later", organization="Test NGO", device_name="later")
    O.join(later, O.issue_enrolment(hq, "later"))
    fresh_hq = Profile.create(tmp_path / "hq2", organization="Test NGO", device_name="hq2")
    O.join(fresh_hq, O.issue_enrolment(hq, "hq2", role=O.HQ))
    import_bytes(fresh_hq, redacted)
    import_bytes(later, export_snapshot(fresh_hq))
    assert later.contacts.get(rid)["phone"] is None
    import_bytes(later, full)
    assert later.contacts.get(rid)["phone"] == "+91 98100 55555"
    assert content(later)["contacts"] == content(hq)["contacts"]
    for p in (later, fresh_hq):
        p.close()


def test_a_damaged_partial_list_is_refused(org):
    from test_sync_refusals import rebuild, refused_unchanged

    _tmp, hq, delhi, _partner = org
    fill(delhi)
    data = export_changes(delhi, outside=True)
    for bad in ("all", [["x"]], [[1, 2]], [["d", True]]):
        forged = rebuild(data, key=O.device_key(delhi), partial=bad)
        message = refused_unchanged(hq, forged, "manifest is damaged")
        assert "Nothing was changed" in message


def test_an_outside_target_gets_only_this_devices_changes_redacted(org):
    tmp, hq, delhi, partner = org
    rid = fill(delhi)
    for name in ("usb", "lawyer"):
        (tmp / name).mkdir()
    partner.contacts.add({"name": "Partner's own contact"})
    sync(partner, target_from_location(str(tmp / "usb")))
    save_target(delhi, Target("usb", "folder", str(tmp / "usb")))
    lawyer = Target("lawyer", "folder", str(tmp / "lawyer"), options={"outside": True})
    save_target(delhi, lawyer)
    sync(delhi, Target("usb", "folder", str(tmp / "usb")))  # delhi now relays partner's file
    report = sync(delhi, lawyer)
    assert report.uploaded == 1
    files = sorted((tmp / "lawyer").rglob("*.fkb"))
    assert [f.name.endswith("-outside.fkb") for f in files] == [True]
    sent = plain(files[0].read_bytes())
    assert not any(holds(sent, s) for s in SECRETS) and not holds(sent, "Partner's own")
    assert sync(delhi, lawyer).uploaded == 0  # nothing new: nothing sent twice

    # Headquarters reads the lawyer's folder first, then the organisation's stick.
    sync(hq, target_from_location(str(tmp / "lawyer")))
    assert hq.contacts.get(rid)["phone"] is None
    sync(hq, target_from_location(str(tmp / "usb")))
    assert hq.contacts.get(rid)["phone"] == "+91 98100 55555"
    # ...and relays the redacted file inside the organisation, where it is harmless.
    sync(partner, target_from_location(str(tmp / "usb")))
    assert partner.contacts.get(rid)["email"] == "survivor.aid@example.org"


def test_the_command_line_marks_a_target_outside(org, monkeypatch):
    tmp, _hq, delhi, _partner = org
    monkeypatch.chdir(tmp)
    fill(delhi)
    (tmp / "lawyer").mkdir()
    path = str(delhi.path)
    delhi.close()
    runner = CliRunner()

    def fk(*args: str, ok: bool = True):
        result = runner.invoke(cli, ["--profile", path, *args])
        assert (result.exit_code == 0) is ok, result.output
        assert "Traceback" not in result.output
        return result

    refused = fk("export", "x.fkb", "--include-restricted", ok=False)
    assert "add --outside" in refused.output and not (tmp / "x.fkb").exists()
    out = fk("export", "lawyer.fkb", "--outside").output
    assert "restricted fields and local-only records were left out" in out
    assert not any(holds(plain((tmp / "lawyer.fkb").read_bytes()), s) for s in SECRETS)
    fk("export", "lawyer-full.fkb", "--outside", "--include-restricted")
    assert all(holds(plain((tmp / "lawyer-full.fkb").read_bytes()), s) for s in SECRETS)

    out = fk("sync", str(tmp / "lawyer"), "--outside", "--save", "lawyer").output
    assert "were left out" in out
    (sent,) = (tmp / "lawyer").rglob("*.fkb")
    assert sent.name.endswith("-outside.fkb")
    assert not any(holds(plain(sent.read_bytes()), s) for s in SECRETS)
    listed = json.loads(fk("sync", "--list", "--json").output)
    assert [(t["name"], t["outside"]) for t in listed] == [("lawyer", True)]
    assert "yes" in fk("sync", "--list").output
    delhi.__init__(delhi.path, Profile.open(delhi.path).store)  # the fixture closes it


@pytest.mark.gui
def test_the_sync_page_adds_an_outside_target_with_a_warning(qtbot, org):
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QDialogButtonBox

    from fieldkit.ui.sync_page import SyncPage

    tmp, _hq, delhi, _partner = org
    fill(delhi)
    page = SyncPage(delhi)
    qtbot.addWidget(page)
    try:
        for name, include in (("lawyer", False), ("trusted", True)):
            (tmp / name).mkdir()
            dialog = page.add_target()
            dialog.name.setText(name)
            dialog.location.setText(str(tmp / name))
            assert not dialog.include_restricted.isEnabled()
            dialog.outside.click()
            assert dialog.include_restricted.isEnabled() and dialog.warning.isHidden()
            if include:
                dialog.include_restricted.click()
                assert not dialog.warning.isHidden()
                assert "will leave the organisation" in dialog.warning.text()
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        wheres = [page.table.item(row, 1).text() for row in range(page.table.rowCount())]
        assert wheres[0].endswith("(outside the organisation)")
        assert wheres[1].endswith("(outside the organisation, restricted fields included)")
        for name in ("lawyer", "trusted"):
            with qtbot.waitSignal(page.sync_finished, timeout=15_000) as finished:
                page.sync_target(name)
            assert finished.args[1].uploaded == 1, page.status.text()
        (lawyer,) = (tmp / "lawyer").rglob("*.fkb")
        (trusted,) = (tmp / "trusted").rglob("*.fkb")
        assert not any(holds(plain(lawyer.read_bytes()), s) for s in SECRETS)
        assert all(holds(plain(trusted.read_bytes()), s) for s in SECRETS)
        assert not holds(plain(trusted.read_bytes()), LOCAL)
    finally:
        page.watcher.stop()
        QThreadPool.globalInstance().waitForDone(10_000)
