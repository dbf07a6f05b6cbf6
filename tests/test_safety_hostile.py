"""Hostile files: the bundle, CSV and vCard readers under fuzzing and a corpus of crafted files.

Every file is either read or refused with a FieldKitError (a message for people,
never a traceback); memory stays bounded; a refused file leaves the store
byte-for-byte as it was.
"""

from __future__ import annotations

import hashlib
import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.errors import FieldKitError
from fieldkit.interop.apply import apply_plan
from fieldkit.interop.plan import build_plan
from fieldkit.profile import Profile
from fieldkit.sync import org as O
from fieldkit.sync.bundle import peek_manifest, read_unverified, write_bundle
from fieldkit.sync.errors import SyncError
from fieldkit.sync.exchange import export_changes, import_bytes

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MEMORY_LIMIT = 64 * 1024 * 1024
SQLISH = "Robert'); DROP TABLE contacts; --"


def files_hash(folder: Path) -> str:
    """The store's bytes, its write-ahead log included."""
    h = hashlib.sha256()
    for name in ("fieldkit.db", "fieldkit.db-wal"):
        path = folder / name
        h.update(path.read_bytes() if path.exists() else b"-")
    return h.hexdigest()


def peak_memory(func) -> tuple[int, BaseException | None]:
    tracemalloc.start()
    error = None
    try:
        func()
    except BaseException as exc:  # noqa: BLE001 - returned to the caller to check
        error = exc
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, error


# --- bundles --------------------------------------------------------------------


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    root = tmp_path_factory.mktemp("org")
    hq = Profile.create(root / "hq", organization="Test NGO", device_name="hq")
    O.create_org(hq, "Test NGO")
    delhi = Profile.create(root / "delhi", organization="Test NGO", device_name="delhi")
    O.join(delhi, O.issue_enrolment(hq, "delhi"))
    cid = delhi.contacts.add({"name": "Inspector Rao", "phone": "+91 11 2345 6789"})
    delhi.attach_bytes(b"\x89PNG logo", "logo.png", cid)
    data = export_changes(delhi)
    yield hq, delhi, data
    hq.close()
    delhi.close()


def refused_unchanged(hq: Profile, data: bytes) -> str:
    before = files_hash(hq.path)
    total = hq.store.conn.total_changes
    with pytest.raises(SyncError) as info:
        import_bytes(hq, data)
    assert hq.store.conn.total_changes == total
    assert files_hash(hq.path) == before
    assert "Traceback" not in str(info.value) and str(info.value)
    return str(info.value)


def resign(delhi: Profile, data: bytes, *, manifest=None, changes=None, attachments=None) -> bytes:
    """A bundle signed by an enrolled device (a stolen laptop, a buggy version): trusted bytes."""
    from fieldkit.sync.bundle import decode_changes

    raw, _sig, zf = read_unverified(data)
    m = peek_manifest(data)
    if changes is None:
        changes = [c[:6] for c in decode_changes(zf.read("changes.jsonl"), m)]
    if attachments is None:
        attachments = {sha: zf.read(f"attachments/{sha}") for sha in m["attachments"]}
    base = {k: v for k, v in m.items() if k not in ("payload_sha256", "counts", "attachments")}
    return write_bundle({**base, **(manifest or {})}, changes, O.device_key(delhi), attachments)


@FUZZ
@given(st.data())
def test_fuzzed_bundles_are_refused_or_applied_never_crash(org, data):
    hq, _delhi, bundle = org
    mutated = bytearray(bundle)
    for _ in range(data.draw(st.integers(1, 8))):
        how = data.draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
        if not mutated:
            break
        at = data.draw(st.integers(0, len(mutated) - 1))
        if how == "flip":
            mutated[at] ^= 1 << data.draw(st.integers(0, 7))
        elif how == "cut":
            del mutated[at:]
        elif how == "insert":
            mutated[at:at] = data.draw(st.binary(min_size=1, max_size=64))
        else:
            mutated[at : at + 16] = bytes(16)
    before = files_hash(hq.path)
    try:
        import_bytes(hq, bytes(mutated))
    except FieldKitError as exc:
        assert str(exc)
        assert files_hash(hq.path) == before


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes_are_not_a_bundle(org, blob):
    hq, _delhi, _bundle = org
    refused_unchanged(hq, blob)


def test_zip_bomb_manifest_is_refused_in_bounded_memory(org):
    hq, _delhi, bundle = org
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open("manifest.json", "w", force_zip64=True) as fh:
            chunk = b" " * (1 << 20)
            for _ in range(256):  # 256 MB of spaces, about 250 KB compressed
                fh.write(chunk)
        zf.writestr("manifest.sig", "x")
    data = out.getvalue()
    assert len(data) < 2_000_000
    peak, error = peak_memory(lambda: import_bytes(hq, data))
    assert isinstance(error, SyncError), error
    assert peak < MEMORY_LIMIT, f"peak {peak / 2**20:.0f} MB"


def test_attachment_path_traversal_is_refused(org, tmp_path):
    hq, delhi, bundle = org
    evil = "../../../../" + str(tmp_path / "evil").lstrip("/")
    crafted = resign(delhi, bundle, attachments={evil: b"owned"})
    message = refused_unchanged(hq, crafted)
    assert "damaged" in message
    assert not (tmp_path / "evil").exists()
    assert not any(p.name == "evil" for p in hq.path.rglob("*"))


def test_duplicate_entries_are_refused(org):
    hq, _delhi, bundle = org
    src = zipfile.ZipFile(io.BytesIO(bundle))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in src.infolist():
            zf.writestr(info.filename, src.read(info.filename))
        with pytest.warns(UserWarning, match="Duplicate"):
            zf.writestr("changes.jsonl", b'["x",1,"contacts","y",1,{"name":"Injected"}]\n')
    refused_unchanged(hq, out.getvalue())


@pytest.mark.parametrize(
    "change",
    [
        ("users", {"name": "x"}),  # unknown table
        ("contacts", {"password": "x"}),  # unknown field
        ("contacts; DROP TABLE contacts", {"name": "x"}),  # SQL in a table name
        ("contacts", {"name] = 1; --": "x"}),  # SQL in a field name
    ],
)
def test_unknown_tables_and_fields_are_refused(org, change):
    hq, delhi, bundle = org
    table, values = change
    m = peek_manifest(bundle)
    crafted = resign(delhi, bundle, changes=[(m["device"], m["first"], table, "row-1", 1, values)])
    crafted = resign(
        delhi,
        crafted,
        manifest={"last": m["first"]},
        changes=[(m["device"], m["first"], table, "row-1", 1, values)],
    )
    message = refused_unchanged(hq, crafted)
    assert "does not know" in message or "damaged" in message


# --- CSV and vCard ------------------------------------------------------------------


@pytest.fixture
def office(tmp_path):
    p = Profile.create(tmp_path / "office", organization="Office", device_name="d", country="IN")
    p.contacts.add({"name": "Already here"})
    yield p
    p.close()


def _read_only(profile: Profile, path: Path):
    """build_plan must refuse with a message or read; either way it writes nothing."""
    before = files_hash(profile.path)
    try:
        plan = build_plan(profile, path)
    except FieldKitError as exc:
        assert str(exc)
        plan = None
    assert files_hash(profile.path) == before
    return plan


@FUZZ
@given(blob=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".vcf", ".txt"]))
def test_fuzzed_import_files(office, tmp_path, blob, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(blob)
    _read_only(office, path)


_cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)


@FUZZ
@given(rows=st.lists(st.tuples(_cells, _cells, _cells), min_size=1, max_size=20))
def test_fuzzed_csv_cells_import_verbatim_or_are_rejected(office, tmp_path, rows):
    import csv

    path = tmp_path / "cells.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Name", "Phone", "Notes"])
        writer.writerows(rows)
    plan = _read_only(office, path)
    if plan is None:
        return
    before = office.contacts.count()
    try:
        result = apply_plan(office, plan)
    except FieldKitError:
        assert office.contacts.count() == before
        return
    assert office.contacts.count() == before + result.created


def _corpus(tmp_path: Path) -> dict[str, bytes]:
    header = b"Name,Phone,Notes\r\n"
    return {
        "truncated.vcf": b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half a ca",
        "bitflip.vcf": b"BEGIN:VCARD\r\nVERSION:3.0\r\nF\xceN:Asha\r\nEND:VCARD\r\n",
        "invalid-utf8.csv": header + b"Asha \xff\xfe\xc3(,+91 98100 00000,x\r\n",
        "nul-bytes.csv": header + b"As\x00ha,1,2\r\n" * 10,
        "only-header.csv": header,
        "empty.csv": b"",
        "oversized-cell.csv": header + b'"' + b"x" * 300_000 + b'",1,2\r\n',
        "unclosed-quote.csv": header + b'"Asha,1,2\r\nRavi,3,4\r\n',
        "sql.csv": header + SQLISH.encode() + b',+91 98100 00001,"\'; DELETE FROM changes; --"\r\n',
        "binary.csv": bytes(range(256)) * 20,
        "zip-as-csv.csv": _zip_bytes(),
        "deep-vcard.vcf": b"BEGIN:VCARD\r\n" * 5000 + b"END:VCARD\r\n",
    }


def _zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Name,Phone.csv", b"0" * 1_000_000)
    return out.getvalue()


def test_crafted_import_files(office, tmp_path):
    outcomes = {}
    for name, content in _corpus(tmp_path).items():
        path = tmp_path / name
        path.write_bytes(content)
        peak, error = peak_memory(lambda path=path: _read_only(office, path))
        assert error is None, f"{name}: {error!r}"
        assert peak < MEMORY_LIMIT, f"{name}: peak {peak / 2**20:.0f} MB"
        outcomes[name] = "read" if build_plan_or_none(office, path) else "refused"
    assert outcomes["empty.csv"] == outcomes["only-header.csv"] == "refused"
    assert outcomes["binary.csv"] == outcomes["zip-as-csv.csv"] == "refused"


def build_plan_or_none(profile: Profile, path: Path):
    try:
        return build_plan(profile, path)
    except FieldKitError:
        return None


def test_sql_looking_strings_are_stored_as_text(office, tmp_path):
    path = tmp_path / "sql.csv"
    path.write_bytes(_corpus(tmp_path)["sql.csv"])
    apply_plan(office, build_plan(office, path))
    names = [c["name"] for c in office.contacts.list()]
    assert SQLISH in names
    assert office.search("DROP")[0].title == SQLISH


def test_oversized_file_is_refused_before_reading(office, tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as fh:
        fh.write(b"Name,Phone\r\n")
        fh.truncate(40 * 1024 * 1024)  # sparse: 40 MB without writing them
    peak, error = peak_memory(lambda: build_plan(office, path))
    assert isinstance(error, FieldKitError) and "Split it" in str(error)
    assert peak < 1024 * 1024


def test_vcard_with_a_huge_photo_in_bounded_memory(office, tmp_path):
    path = tmp_path / "huge-photo.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:"
        + b"A" * 3_000_000
        + b"\r\nEND:VCARD\r\n"
    )
    peak, error = peak_memory(lambda: _read_only(office, path))
    assert error is None
    assert peak < MEMORY_LIMIT, f"peak {peak / 2**20:.0f} MB"


def test_oversized_field_from_an_enrolled_device_is_refused(org):
    hq, delhi, bundle = org
    m = peek_manifest(bundle)
    huge = {"name": "y" * 1_000_000}
    crafted = resign(
        delhi,
        bundle,
        manifest={"last": m["first"]},
        changes=[(m["device"], m["first"], "contacts", "row_huge", 1, huge)],
    )
    assert "longer than FieldKit accepts" in refused_unchanged(hq, crafted)
