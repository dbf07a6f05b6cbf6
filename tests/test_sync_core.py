"""Sync between real profiles: merge rules, idempotence, privacy, snapshots, resumption."""

from __future__ import annotations

import json

import pytest
from test_sync_helpers import content, make_org

from fieldkit.sync import merge as merge_mod
from fieldkit.sync.bundle import peek_manifest
from fieldkit.sync.conflicts import KEPT, LOST, keep, list_conflicts
from fieldkit.sync.errors import SyncError
from fieldkit.sync.exchange import export_changes, export_snapshot, import_bytes, protect
from fieldkit.sync.org import join


@pytest.fixture
def org(tmp_path):
    hq, devices = make_org(tmp_path, "delhi", "patna")
    yield hq, *devices
    for p in (hq, *devices):
        p.close()


def test_changes_made_before_joining_sync_as_the_device_own(tmp_path, org):
    hq, delhi, _patna = org
    from fieldkit.profile import Profile
    from fieldkit.sync.org import issue_enrolment

    late = Profile.create(tmp_path / "late", device_name="late")
    cid = late.contacts.add({"name": "Shelter Home", "phone": "+91 11 2345 6789"})
    join(late, issue_enrolment(hq, "late"))
    import_bytes(hq, export_changes(late))
    assert hq.contacts.get(cid)["name"] == "Shelter Home"
    with pytest.raises(SyncError, match="already belongs"):
        join(late, issue_enrolment(hq, "again"))
    late.close()


def test_different_fields_both_survive_same_field_is_a_conflict(org):
    hq, delhi, patna = org
    cid = delhi.contacts.add({"name": "Inspector Rao", "phone": "111", "city": "Delhi"})
    import_bytes(patna, export_changes(delhi))
    delhi.contacts.update(cid, {"phone": "222", "title": "Inspector"})
    patna.contacts.update(cid, {"phone": "333", "city": "Patna"})
    from_delhi, from_patna = export_changes(delhi), export_changes(patna)
    import_bytes(patna, from_delhi)
    import_bytes(delhi, from_patna)
    a = delhi.contacts.get(cid)
    assert (a["title"], a["city"]) == ("Inspector", "Patna")
    assert content(delhi) == content(patna)
    for profile in (delhi, patna):
        [conflict] = list_conflicts(profile)
        assert conflict["field"] == "phone"
        assert {conflict["kept_value"], conflict["lost_value"]} == {"222", "333"}
        assert conflict["kept_value"] == a["phone"]


def test_an_overwrite_the_sender_knew_about_is_not_a_conflict(org):
    hq, delhi, patna = org
    cid = delhi.contacts.add({"name": "Hotline", "phone": "1098"})
    import_bytes(patna, export_changes(delhi))
    patna.contacts.update(cid, {"phone": "1099"})
    import_bytes(delhi, export_changes(patna))
    assert delhi.contacts.get(cid)["phone"] == "1099"
    assert list_conflicts(delhi) == [] and list_conflicts(patna) == []


def test_keeping_the_other_value_brings_it_back_everywhere(org):
    hq, delhi, patna = org
    cid = delhi.contacts.add({"name": "Lawyer", "email": "a@example.org"})
    import_bytes(patna, export_changes(delhi))
    delhi.contacts.update(cid, {"email": "delhi@example.org"})
    patna.contacts.update(cid, {"email": "patna@example.org"})
    import_bytes(patna, export_changes(delhi))
    import_bytes(delhi, export_changes(patna))
    [conflict] = list_conflicts(delhi)
    lost = conflict["lost_value"]
    keep(delhi, conflict["id"][:8], LOST)
    assert delhi.contacts.get(cid)["email"] == lost
    assert list_conflicts(delhi) == []
    import_bytes(patna, export_changes(delhi))
    assert patna.contacts.get(cid)["email"] == lost
    [other] = list_conflicts(patna)
    keep(patna, other["id"], KEPT)
    assert list_conflicts(patna) == [] and patna.contacts.get(cid)["email"] == lost


def test_delete_is_a_tombstone_that_travels_and_restore_wins_later(org):
    hq, delhi, patna = org
    cid = delhi.contacts.add({"name": "Old shelter"})
    import_bytes(patna, export_changes(delhi))
    patna.contacts.delete(cid)
    import_bytes(delhi, export_changes(patna))
    assert delhi.contacts.count() == 0
    assert delhi.contacts.get(cid, include_deleted=True)["deleted"] == 1
    delhi.contacts.restore(cid)
    import_bytes(patna, export_changes(delhi))
    assert patna.contacts.get(cid)["name"] == "Old shelter"


def test_applying_a_bundle_twice_changes_nothing(tmp_path, org):
    hq, delhi, _patna = org
    delhi.contacts.add({"name": "A"})
    delhi.campaigns.add({"title": "Stop trafficking", "asks": ["Pass the bill"]})
    data = export_changes(delhi)
    first = import_bytes(hq, data)
    assert first.merge.applied == 2
    before = (content(hq), hq.stats()["changes"])
    again = import_bytes(hq, data)
    assert again.already and again.merge.applied == 0
    # The same changes in a new bundle (another cut of the same range) are skipped too.
    second_cut = export_changes(delhi)
    assert import_bytes(hq, second_cut).merge.skipped == 2
    assert (content(hq), hq.stats()["changes"]) == before


def test_local_only_records_never_enter_a_bundle(org):
    hq, delhi, _patna = org
    secret = delhi.contacts.add({"name": "Survivor X", "sensitivity": "local-only"})
    delhi.outreach.add({"contact_id": secret, "channel": "call", "date": "2024-05-01"})
    photo = delhi.attach_bytes(b"\xff\xd8 photo of survivor X", "x.jpg", secret)
    public = delhi.contacts.add({"name": "District Magistrate"})
    data = export_changes(delhi)
    manifest = peek_manifest(data)
    assert manifest["counts"]["changes"] == 1 and not manifest["attachments"]
    assert b"Survivor X" not in data and secret.encode() not in data
    assert photo.encode() not in data and b"photo of survivor" not in data
    import_bytes(hq, data)
    assert [c["id"] for c in hq.contacts.list()] == [public]
    assert hq.outreach.count() == 0 and hq.attachments.count() == 0


def test_attachments_travel_by_hash(org):
    hq, delhi, _patna = org
    aid = delhi.attach_bytes(b"%PDF-1.4 logo", "logo.pdf")
    import_bytes(hq, export_changes(delhi))
    assert hq.attachment_bytes(aid) == b"%PDF-1.4 logo"


def test_snapshot_bootstraps_a_new_device(tmp_path, org):
    hq, delhi, patna = org
    cid = delhi.contacts.add({"name": "Anti-trafficking unit", "phone": "100"})
    for n in range(3):
        delhi.contacts.update(cid, {"phone": f"10{n + 1}"})
    patna.laws.add({"title": "Palermo Protocol", "jurisdiction": "intl", "kind": "treaty"})
    import_bytes(hq, export_changes(delhi))
    import_bytes(hq, export_changes(patna))
    snapshot = export_snapshot(hq)
    assert peek_manifest(snapshot)["counts"]["changes"] < hq.stats()["changes"]
    from fieldkit.profile import Profile
    from fieldkit.sync.org import issue_enrolment

    fresh = Profile.create(tmp_path / "fresh", device_name="fresh")
    join(fresh, issue_enrolment(hq, "fresh"))
    import_bytes(fresh, snapshot)
    assert content(fresh) == content(hq)
    # Later bundles with the history the snapshot left out change no record.
    assert import_bytes(fresh, export_changes(delhi)).merge.rows == 0
    assert content(fresh) == content(hq)
    # And a later edit still merges on top.
    delhi.contacts.update(cid, {"phone": "999"})
    import_bytes(fresh, export_changes(delhi))
    assert fresh.contacts.get(cid)["phone"] == "999"
    fresh.close()


def test_only_headquarters_sends_snapshots(org):
    hq, delhi, patna = org
    delhi.contacts.add({"name": "A"})
    with pytest.raises(SyncError, match="Only headquarters"):
        import_bytes(patna, export_snapshot(delhi))


def test_encrypted_to_headquarters_only_opens_there(org):
    hq, delhi, patna = org
    delhi.contacts.add({"name": "Encrypted contact"})
    data = protect(delhi, export_changes(delhi), to_hq=True, passphrase=None)
    assert data.startswith(b"age-encryption.org/v1") and b"Encrypted contact" not in data
    with pytest.raises(SyncError, match="headquarters"):
        import_bytes(patna, data)
    assert import_bytes(hq, data).merge.applied == 1


def test_relayed_bundle_keeps_its_original_signature(tmp_path, org):
    """Patna's bundle reaches headquarters through Delhi's folder, still signed by Patna."""
    from fieldkit.sync.engine import sync
    from fieldkit.sync.targets import target_from_location

    hq, delhi, patna = org
    cid = patna.contacts.add({"name": "Relayed"})
    stick, share = tmp_path / "stick", tmp_path / "share"
    stick.mkdir()
    share.mkdir()
    sync(patna, target_from_location(str(stick)))
    sync(delhi, target_from_location(str(stick)))
    report = sync(delhi, target_from_location(str(share)))
    assert report.uploaded == 1
    relayed = list((share / "fieldkit-sync" / delhi.device_id).iterdir())
    assert len(relayed) == 1
    original = next((stick / "fieldkit-sync" / patna.device_id).iterdir()).read_bytes()
    assert relayed[0].read_bytes() == original
    assert peek_manifest(original)["device"] == patna.device_id
    result = import_bytes(hq, relayed[0].read_bytes())
    assert result.device == patna.device_id and hq.contacts.get(cid)["name"] == "Relayed"


def test_an_interrupted_import_leaves_the_store_as_it_was_and_rerunning_finishes(
    tmp_path, org, monkeypatch
):
    from fieldkit.sync.engine import sync
    from fieldkit.sync.targets import target_from_location

    hq, delhi, _patna = org
    for n in range(50):
        delhi.contacts.add({"name": f"Contact {n}"})
    target = target_from_location(str(tmp_path / "usb"))
    (tmp_path / "usb").mkdir()
    sync(delhi, target)
    before = content(hq)
    real_merge = merge_mod.put_remote

    def crash(store, changes, rows):
        real_merge(store, changes, rows)
        raise KeyboardInterrupt  # killed after the rows were written, before commit

    monkeypatch.setattr(merge_mod, "put_remote", crash)
    with pytest.raises(KeyboardInterrupt):
        sync(hq, target)
    assert content(hq) == before
    assert hq.store.conn.execute("SELECT count(*) FROM sync_bundles").fetchone()[0] == 0
    # The file was fetched (a stage that is kept); re-running applies it without fetching again.
    monkeypatch.setattr(merge_mod, "put_remote", real_merge)
    report = sync(hq, target)
    assert (report.fetched, report.applied, report.changes) == (0, 1, 50)
    assert hq.contacts.count() == 50
    assert sync(hq, target).applied == 0


def test_merge_records_counts_in_manifest(org):
    hq, delhi, _patna = org
    delhi.contacts.add({"name": "A"})
    delhi.laws.add({"title": "Act", "jurisdiction": "IN", "kind": "statute"})
    manifest = peek_manifest(export_changes(delhi))
    assert manifest["counts"] == {"changes": 2, "tables": {"contacts": 1, "laws": 1}}
    assert manifest["first"] == 1 and manifest["last"] == delhi.store.dseq
    assert json.dumps(manifest["seen"])


def test_own_bundles_relayed_back_are_ignored(tmp_path, org):
    from fieldkit.sync.engine import sync
    from fieldkit.sync.targets import target_from_location

    hq, delhi, patna = org
    delhi.contacts.add({"name": "Round trip"})
    assert import_bytes(delhi, export_changes(delhi)).already
    stick, share = tmp_path / "stick", tmp_path / "share"
    stick.mkdir()
    share.mkdir()
    sync(delhi, target_from_location(str(stick)))
    sync(patna, target_from_location(str(stick)))
    assert sync(patna, target_from_location(str(share))).uploaded == 1  # relays Delhi's bundle
    report = sync(delhi, target_from_location(str(share)))
    assert (report.fetched, report.applied, report.refused) == (0, 0, [])


def test_bulk_import_keeps_search_and_tags_in_step(org):
    hq, delhi, _patna = org
    delhi.contacts.add_many(
        [{"name": f"Officer Number{n}", "tags": ["police"]} for n in range(600)]
    )
    import_bytes(hq, export_changes(delhi))
    assert [h.title for h in hq.search("Number599")] == ["Officer Number599"]
    assert hq.contacts.count({"tag": "police"}) == 600
    hq.contacts.add({"name": "Number600 added later", "tags": ["police"]})
    assert hq.contacts.count({"tag": "police"}) == 601
