"""Redaction, the audit log's contents, and a full disk under Records.add_many."""

from __future__ import annotations

import pytest

from fieldkit import audit
from fieldkit.data import entities as E
from fieldkit.data.redact import redact, redact_all, restricted_fields
from fieldkit.errors import StoreError


def _contact(**extra):
    return {
        "name": "Meena Das",
        "kind": "shelter",
        "organization": "Safe Shelter",
        "phone": "+91 98100 11111",
        "email": "meena@example.org",
        "address": "12 Hidden Lane",
        "notes": "survivor support",
        "country": "IN",
        **extra,
    }


def test_restricted_record_loses_personal_fields(profile):
    cid = profile.contacts.add(_contact(sensitivity="restricted"))
    record = profile.contacts.get(cid)
    out = redact(E.CONTACTS, record)
    for name in ("phone", "phone_e164", "email", "address", "notes"):
        assert name not in out
    assert out["name"] == "Meena Das" and out["organization"] == "Safe Shelter"
    assert redact(E.CONTACTS, record, include_restricted=True) == record
    assert set(restricted_fields(E.CONTACTS)) >= {"phone", "email", "address", "notes"}


def test_normal_and_local_only_records(profile):
    normal = profile.contacts.get(profile.contacts.add(_contact()))
    assert redact(E.CONTACTS, normal) == normal
    profile.contacts.add(_contact(name="Hidden", sensitivity="local-only"))
    profile.contacts.add(_contact(name="Guarded", sensitivity="restricted"))
    shared = list(redact_all(E.CONTACTS, profile.contacts.list()))
    assert [r["name"] for r in shared] == ["Guarded", "Meena Das"]
    assert "phone" not in shared[0] and shared[1]["phone"] == "+91 98100 11111"


def test_audit_refuses_record_contents(profile):
    audit.record(profile.store, "import", entity="contacts", rows=120, format="csv")
    with pytest.raises(ValueError):
        audit.record(profile.store, "export", note="Meena Das, +91 98100 11111")
    with pytest.raises(ValueError):
        audit.record(profile.store, "gossip")
    [entry] = audit.entries(profile.store)
    assert entry["details"] == {"entity": "contacts", "rows": 120, "format": "csv"}
    assert entry["device"] == profile.device_id


def test_restore_keeps_later_audit_entries(profile):
    profile.backup("manual")
    audit.record(profile.store, "export", entity="contacts", rows=3)
    profile.restore()
    actions = [e["action"] for e in audit.entries(profile.store)]
    assert actions == ["restore", "export"]


def test_full_disk_during_a_large_import(profile):
    profile.contacts.add({"name": "Already here"})
    conn = profile.store.conn
    before = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 5}")
    rows = [{"name": f"Person {i}", "notes": "n" * 200} for i in range(3000)]
    with pytest.raises(StoreError, match="The disk is full: nothing was saved"):
        profile.contacts.add_many(rows)
    assert profile.contacts.count() == 1
    assert conn.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert profile.search("Person") == []
    # Space comes back: the same import now completes, numbering its changes without a gap.
    conn.execute("PRAGMA max_page_count = 1073741823")
    profile.contacts.add_many(rows)
    assert profile.contacts.count() == 3001
    dseqs = [r[0] for r in conn.execute("SELECT dseq FROM changes ORDER BY dseq")]
    assert dseqs == list(range(1, len(dseqs) + 1))


def test_imports_exports_and_syncs_are_audited(tmp_path):
    import io

    from fieldkit.interop.apply import apply_plan
    from fieldkit.interop.export import export_contacts
    from fieldkit.interop.plan import build_plan
    from fieldkit.profile import Profile
    from fieldkit.sync import org as O
    from fieldkit.sync.exchange import export_changes, import_bytes

    hq = Profile.create(tmp_path / "hq", organization="NGO", device_name="hq")
    O.create_org(hq, "NGO")
    office = Profile.create(tmp_path / "office", organization="NGO", device_name="office")
    O.join(office, O.issue_enrolment(hq, "office"))
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("Name,Phone\nMeena Das,+91 98100 11111\nRavi,+91 98100 22222\n")
    apply_plan(office, build_plan(office, csv_file))
    export_contacts(office, "csv", io.StringIO())
    import_bytes(hq, export_changes(office))
    out = [(e["action"], e["details"]) for e in reversed(audit.entries(office.store))]
    assert out[0][0] == "import"
    assert out[0][1]["entity"] == "contacts" and out[0][1]["created"] == 2
    assert out[1][0] == "export" and out[1][1]["rows"] == 2
    assert out[2] == ("sync", {"direction": "out", "kind": "changes", "changes": 2})
    [received] = audit.entries(hq.store)
    assert received["details"]["direction"] == "in" and received["details"]["changes"] == 2
    text = repr(audit.entries(office.store)) + repr(audit.entries(hq.store))
    assert "Meena" not in text and "98100" not in text
    hq.close()
    office.close()


def test_letters_leave_out_a_restricted_targets_address(profile):
    import io

    from pypdf import PdfReader

    from fieldkit.leaflets import render_letters

    campaign = profile.campaigns.add({"title": "Pass the bill", "summary": "Please vote yes."})
    official = profile.contacts.add(
        {
            "name": "Deputy Secretary Rao",
            "kind": "official",
            "address": "14 Quiet Lane, Safehouse Colony",
            "sensitivity": "restricted",
        }
    )
    profile.add_target(campaign, official)

    def text(**options) -> str:
        pdf = render_letters(profile, campaign, **options).pdf
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)

    assert "Deputy Secretary Rao" in text()
    assert "Quiet Lane" not in text()
    assert "Quiet Lane" in text(include_restricted=True)


def test_full_disk_in_an_encrypted_profile(tmp_path):
    from fieldkit.profile import Profile

    with Profile.create(tmp_path / "enc", passphrase="correct horse battery") as p:
        conn = p.store.conn
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        with pytest.raises(StoreError, match="The disk is full: nothing was saved"):
            p.contacts.add_many({"name": f"P {i}", "notes": "n" * 300} for i in range(2000))
        assert p.contacts.count() == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
