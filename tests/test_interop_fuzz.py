"""Contact import under hostile input (#7): every file is read or refused with one clear
FieldKit error, never another exception, and a refused or cancelled import leaves the
store (and the attachments folder) as it was.

The property tests share one profile per test and check their invariants against counts
taken just before each example.
"""

from __future__ import annotations

import base64
import codecs
import errno
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from vcards import png

from fieldkit.cli import cli
from fieldkit.errors import FieldKitError
from fieldkit.interop.apply import apply_plan
from fieldkit.interop.errors import ImportCancelled, ImportWriteError
from fieldkit.interop.plan import CREATE, REJECT, build_plan
from fieldkit.profile import Profile

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


PNG = png(0)


@pytest.fixture
def office(tmp_path):
    p = Profile.create(tmp_path / "office", organization="Office", device_name="d", country="IN")
    p.contacts.add({"name": "Already Here", "phone": "+91 11 2338 0000", "email": "a@example.org"})
    yield p
    p.close()


def state(profile: Profile) -> tuple[int, int, int, frozenset[str]]:
    """Contacts, change records, attachments, and the files in the attachments folder."""
    conn = profile.store.conn
    changes = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    folder = profile.attachments_dir
    files = (
        frozenset(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
        if folder.exists()
        else frozenset()
    )
    return profile.contacts.count(), changes, profile.attachments.count(), files


def check_import(profile: Profile, path: Path) -> str:
    """Preview and import ``path``; assert the invariants. Returns what happened."""
    before = state(profile)
    try:
        plan = build_plan(profile, path)
    except FieldKitError as exc:
        assert str(exc).strip(), type(exc)
        assert state(profile) == before
        return "refused"
    assert state(profile) == before  # the preview writes nothing
    for row in plan.rows:
        assert row.line >= 1
        if row.action == REJECT:
            assert row.reason.strip()
    plan.summary()
    creates = plan.counts()[CREATE]
    try:
        result = apply_plan(profile, plan)
    except FieldKitError as exc:
        assert str(exc).strip(), type(exc)
        assert state(profile) == before
        return "failed"
    contacts, changes, attachments, files = state(profile)
    assert contacts == before[0] + creates == before[0] + result.created
    assert changes >= before[1] + creates
    assert attachments == before[2] + result.photos
    assert before[3] <= files and len(files - before[3]) <= result.photos
    return "imported"


# --- arbitrary bytes -------------------------------------------------------------------

_PREFIXES = st.sampled_from(
    [
        b"",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
        b"Name,Phone,Email\r\n",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\n",
        b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:",
    ]
)
_BLOBS = st.builds(lambda prefix, blob: prefix + blob, _PREFIXES, st.binary(max_size=2000))


@FUZZ
@given(blob=_BLOBS, suffix=st.sampled_from([".csv", ".vcf"]))
def test_arbitrary_bytes(office, tmp_path, blob, suffix):
    path = tmp_path / f"contacts{suffix}"
    path.write_bytes(blob)
    check_import(office, path)


# --- hostile CSV text ------------------------------------------------------------------

_COLUMNS = [
    "Name",
    "Phone",
    "Email",
    "Fax",
    "Organisation",
    "Country",
    "Birthday",
    "Tags",
    "Kind",
    "Sensitivity",
    "Languages",
    "Notes",
    "First Name",
    "Last Name",
    "E-mail Address",
    "Business Phone",
    "Phone 1 - Value",
    "Phone 1 - Type",
    "E-mail 1 - Value",
    "Organization 1 - Name",
    "Address 1 - Country",
    "Department",
    "",
    " ",
    "name",
    "Name",
    "Ünïcødé",
    '"Quoted"',
]
_NAMES = ["Name", "Full name", "Organisation", "First Name", "Last Name", "Organization 1 - Name"]
_VALUES = [
    "Asha Rao",
    "आशा राव",
    "فاطمة حداد",
    "+91 98100 00000",
    "011 2338 0000",
    "0091 11 2338 0000",
    "+1",
    "+999 123",
    "12",
    "tel:+44 20 7946 0000",
    "not a number",
    "a@example.org",
    "not-an-email",
    "@",
    "1980-02-30",
    "31/12/1999",
    "0/0/00",
    "--05-31",
    "19800231",
    "2024-13-01T00:00",
    "India",
    "XX",
    "Narnia",
    "ngo",
    "spy",
    "Private",
    "local-only",
    "Police ::: * myContacts ::: Starred",
    "en;hi,,;",
    "Work Fax",
    "Mobile",
    "",
    " ",
]
_NASTY = st.sampled_from(['"', '""', "\x00", "\r", "\n", "\r\n", ",", ";", "\t", "|", "\ufeff"])
_CELL = st.one_of(
    st.sampled_from(_VALUES),
    st.text(max_size=30),
    st.builds(lambda a, b, c: a + b + c, st.text(max_size=8), _NASTY, st.text(max_size=8)),
    st.builds(lambda ch, n: ch * n, st.sampled_from('xé€ह"\n,'), st.integers(2000, 250_000)),
)
_ENCODINGS = st.sampled_from(
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "mixed", "broken-utf8"]
)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "mixed":  # a file pasted together: UTF-8 first, Windows-1252 after
        half = len(text) // 2
        return text[:half].encode("utf-8") + text[half:].encode("cp1252", errors="replace")
    if encoding == "broken-utf8":
        data = text.encode("utf-8")
        return data[: len(data) // 2] + b"\xff\xc3(" + data[len(data) // 2 :]
    return text.encode(encoding, errors="replace" if encoding == "cp1252" else "surrogatepass")


@st.composite
def hostile_csv(draw) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    header = draw(st.lists(st.sampled_from(_COLUMNS), min_size=1, max_size=8))
    if draw(st.integers(0, 3)):  # usually a column that names the contact
        header.insert(draw(st.integers(0, len(header))), draw(st.sampled_from(_NAMES)))
    width = len(header)
    rows = draw(
        st.lists(
            st.lists(_CELL, min_size=max(0, width - 2), max_size=width + 2),
            max_size=12,
        )
    )
    quote = draw(st.booleans())

    def cell(text: str) -> str:
        if quote and draw(st.booleans()):
            return '"' + text.replace('"', '""') + '"'
        return text  # raw: stray quotes, delimiters and line breaks stay as they are

    lines = [delimiter.join(cell(h) for h in header)]
    lines += [delimiter.join(cell(c) for c in row) for row in rows]
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    return _encode(text, draw(_ENCODINGS))


@FUZZ
@given(data=hostile_csv())
def test_hostile_csv(office, tmp_path, data):
    path = tmp_path / "contacts.csv"
    path.write_bytes(data)
    check_import(office, path)


# --- hostile vCards --------------------------------------------------------------------

_PHOTOS = [
    "PHOTO;ENCODING=b;TYPE=PNG:" + base64.b64encode(PNG).decode(),
    "PHOTO:data:image/png;base64," + base64.b64encode(PNG).decode(),
    "PHOTO;ENCODING=b;TYPE=JPEG:!!!not base64***",
    "PHOTO;ENCODING=b;TYPE=JPEG:QUJD",  # 'ABC': valid base64, not an image
    "PHOTO;ENCODING=b:A",
    "PHOTO:data:text/plain;base64,SGVsbG8=",
    "PHOTO:data:text/html,<script>alert(1)</script>",
    "PHOTO:data:image/png;base64,%%%",
    "PHOTO:data:,",
    "PHOTO:data:image/svg+xml;base64," + base64.b64encode(b"<svg/>").decode(),
    "PHOTO;VALUE=uri:https://example.org/a.jpg",
    "PHOTO;VALUE=uri:cid:photo@example.org",
    "PHOTO;ENCODING=b;TYPE=image/exe:" + base64.b64encode(b"MZ\x90\x00").decode(),
]
_PROPERTIES = [
    "FN:Asha Rao",
    "FN:",
    "FN;CHARSET=UTF-8:आशा राव",
    "FN;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 =",
    "FN;ENCODING=b:QUJD",
    "N:Rao;Asha;;;",
    "N:Rao",
    "N:;;;;;;;;;;",
    "N:a\\;b\\,c;d",
    "N;ENCODING=b:QUJD",
    "ORG:Ministry;Unit;Sub",
    "ORG:",
    "ORG;ENCODING=b:QUJD",
    "TITLE:Director",
    "TEL;TYPE=work,voice:+91 98100 00000",
    "TEL;TYPE=FAX:011 2338 0001",
    'TEL;TYPE="work,fax":+91 11 2338 0002',
    "TEL;VALUE=uri:tel:+44-20-7946-0000",
    "TEL;FAX:+91 11 2345 6789",
    "tel;Work;Voice;fax:011 2338 0003",
    "TEL;CELL;PREF:+91 98100 00002",
    "TEL;type=fax;type=work:+91 11 2338 0004",
    "TEL;PREF=1;TYPE=home:011 2338 0005",
    "TEL;ENCODING=b:KzkxIDk4MTAwIDAwMDAx",
    "TEL:garbage ☎ number",
    "TEL:",
    "TEL;TYPE=:12",
    "EMAIL:a@example.org",
    "EMAIL;TYPE=INTERNET:not an email",
    "EMAIL:@@",
    "EMAIL;ENCODING=BASE64:YUBleGFtcGxlLm9yZw==",
    "EMAIL;INTERNET;PREF:pref@example.org",
    "email;pref:not an email",
    "EMAIL;TYPE=INTERNET,PREF:typed@example.org",
    "EMAIL;PREF=1:one@example.org",
    "EMAIL;PREF=0:zero@example.org",
    "EMAIL;PREF=99999999999999999999:big@example.org",
    "EMAIL;PREF=yes:yes@example.org",
    "EMAIL;PREF=:empty@example.org",
    'NOTE;X-Q="a;b:c":note with "quotes"',
    "NOTE;ENCODING=b:!!!",
    "ADR;TYPE=work:;;1 Main St;Delhi;;110001;India",
    "ADR:;;;;;;;;;;",
    "ADR:only street",
    "ADR;ENCODING=QUOTED-PRINTABLE:=ZZ;;a",
    "URL:https://example.org",
    "URL:javascript:alert(1)",
    "CATEGORIES:Police,,Officials, ",
    "CATEGORIES;ENCODING=b:QUJD",
    "LANG:hi",
    "BDAY:1980-02-30",
    "BDAY:--0531",
    "BDAY:19800531",
    "BDAY;VALUE=text:circa 1800",
    "BDAY:",
    "BDAY:0000-00-00",
    "ANNIVERSARY:2020-99-99",
    "ANNIVERSARY:yesterday",
    "X-FIELDKIT-KIND:spy",
    "X-FIELDKIT-SENSITIVITY:local-only",
    "X-UNKNOWN;FOO=bar:baz",
    "KIND:org",
    "UID:urn:uuid:not-a-uuid",
    "GEO:geo:91,200",
    "REV:not a date",
    "item1.EMAIL:grouped@example.org",
    "item1.X-ABLabel:_$!<Other>!$_",
    *_PHOTOS,
]
_BROKEN = [
    ":no name",
    ";:;",
    "no colon at all",
    "a.b.TEL:1",
    'EMAIL;X="a"b:x@y.z',
    'EMAIL;TYPE="unterminated:x@example.org',
    "EMAIL;;;:b@example.org",
    "EMAIL;=;=:c@example.org",
    "N;ENCODING=QUOTED-PRINTABLE;CHARSET=xyz:=C3",
    "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-16:=C3",
    "ORG;ENCODING=QUOTED-PRINTABLE;CHARSET=ascii:=C3=A9",
    "BEGIN:VCARD",
    "END:VCARD",
    "BEGIN:VCALENDAR",
    "END:VCALENDAR",
    " folded continuation without a property",
    "\tfolded with a tab",
]
_VERSIONS = ["VERSION:2.1", "VERSION:3.0", "VERSION:4.0", "VERSION:garbage", "VERSION:", None]
_HUGE = st.builds(
    lambda name, ch, n: f"{name}:{ch * n}",
    st.sampled_from(["NOTE", "FN", "ORG", "TEL", "EMAIL", "X-HUGE", "PHOTO;ENCODING=b"]),
    st.sampled_from("xA€"),
    st.integers(3000, 300_000),
)
_PROPERTY = st.one_of(
    st.sampled_from(_PROPERTIES),
    st.sampled_from(_PROPERTIES),
    st.sampled_from(_PROPERTIES),
    st.sampled_from(_BROKEN),
    _HUGE,
    st.builds(lambda n, v: f"{n}:{v}", st.sampled_from(["FN", "NOTE", "TEL", "ORG"]), st.text()),
)
_FOLDING = st.sampled_from(["none"] * 6 + ["ok", "ok", "lost-space", "double"])


def _fold_badly(line: str, how: str) -> str:
    if len(line) < 10 or how == "none":
        return line
    cut = len(line) // 2
    if how == "lost-space":  # a folded line that lost its leading space
        return line[:cut] + "\r\n" + line[cut:]
    if how == "double":
        return line[:cut] + "\r\n  " + line[cut:]
    return line[:cut] + "\r\n " + line[cut:]  # proper folding


@st.composite
def card(draw, depth: int = 0) -> str:
    lines = [draw(st.sampled_from(["BEGIN:VCARD", "begin:vcard", "  BEGIN:VCARD  "]))]
    version = draw(st.sampled_from(_VERSIONS))
    if version:
        lines.append(version)
    if draw(st.booleans()):
        lines.append("FN:" + draw(st.sampled_from(_VALUES[:3] + ["Ravi", "Ana Santos"])))
    for prop in draw(st.lists(_PROPERTY, max_size=8)):
        lines.append(_fold_badly(prop, draw(_FOLDING)))
    if depth < 2 and not draw(st.integers(0, 5)):
        lines.insert(draw(st.integers(1, len(lines))), draw(card(depth + 1)))  # nested card
    if draw(st.integers(0, 7)):  # usually closed, sometimes not
        lines.append("END:VCARD")
    return "\r\n".join(lines)


@st.composite
def hostile_vcards(draw) -> bytes:
    cards = draw(st.lists(card(), min_size=1, max_size=5))
    junk = st.sampled_from(["", "", "", "garbage between cards", "\x00\x00", "END:VCARD"])
    text = "\r\n".join(c + "\r\n" + draw(junk) for c in cards)
    if draw(st.booleans()):
        text = text.replace("\r\n", "\n")
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return _encode(text, encoding)


@FUZZ
@given(data=hostile_vcards())
def test_hostile_vcards(office, tmp_path, data):
    path = tmp_path / "contacts.vcf"
    path.write_bytes(data)
    check_import(office, path)


# --- cancel and failure part-way: photo files -------------------------------------------


@pytest.fixture
def office_with_a_photo(office):
    """The office whose first contact has a photo (colour 0) stored before any import."""
    [contact] = office.contacts.list()
    office.attach_bytes(png(0), "photo.png", contact["id"])
    return office


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    colours=st.lists(st.integers(0, 4), min_size=1, max_size=6),
    fail_at=st.one_of(st.none(), st.integers(0, 6)),
    cancel=st.booleans(),
)
def test_photo_files_of_an_import_that_does_not_finish(
    office_with_a_photo, tmp_path, colours, fail_at, cancel
):
    office = office_with_a_photo
    path = tmp_path / "photos.vcf"
    path.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\n"
            f"PHOTO;ENCODING=b;TYPE=PNG:{base64.b64encode(png(colour)).decode()}\r\n"
            "END:VCARD\r\n"
            for i, colour in enumerate(colours)
        ),
        encoding="utf-8",
    )
    plan = build_plan(office, path, on_duplicate="new")
    before = state(office)
    write_blob, written = office.write_blob, []

    def failing_write_blob(data: bytes) -> str:
        if len(written) == fail_at:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(data)
        return write_blob(data)

    office.write_blob = failing_write_blob
    try:
        result = apply_plan(office, plan, cancelled=lambda: cancel)
    except (ImportCancelled, ImportWriteError) as exc:
        assert str(exc)
        assert state(office) == before  # rows, change records, attachments and files
        return
    finally:
        del office.write_blob
    assert not cancel and (fail_at is None or fail_at >= len(colours))
    assert result.photos == len(colours)
    stored_before = {Path(f).name for f in before[3]}
    added = {Path(f).name for f in state(office)[3] - before[3]}
    assert added == {hashlib.sha256(png(c)).hexdigest() for c in colours} - stored_before


# --- the command line ------------------------------------------------------------------


def run(folder: Path, *args: str):
    return CliRunner().invoke(cli, ["--profile", str(folder), *args])


@pytest.fixture(scope="module")
def cli_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli") / "office"
    assert run(folder, "init", "--org", "Office", "--country", "IN").exit_code == 0
    return folder


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.one_of(
        hostile_csv().map(lambda d: (".csv", d)), hostile_vcards().map(lambda d: (".vcf", d))
    )
)
@example(data=(".csv", b"Name,Phone 1 - Value,Phone 1 - Type\nAsha Rao,+91 98100 00000\n"))
@example(data=(".csv", b'Name,Notes\nAsha,"never closed\n' + b"x" * 210_000))
@example(data=(".csv", bytes(range(256)) * 8))
@example(data=(".csv", b"Name;Phone\r\n"))
@example(data=(".vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Sh"))
@example(data=(".vcf", b"BEGIN:VCARD\r\nFN:Asha\r\nPHOTO:data:text/html,<b>\r\nEND:VCARD\r\n"))
def test_cli_dry_run_on_hostile_files(cli_folder, tmp_path, data):
    suffix, content = data
    path = tmp_path / f"contacts{suffix}"
    path.write_bytes(content)
    before = (cli_folder / "fieldkit.db").read_bytes()
    result = run(cli_folder, "contacts", "import", str(path), "--dry-run")
    assert (cli_folder / "fieldkit.db").read_bytes() == before
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 0:
        assert "Dry run: nothing was written." in result.output
    else:
        assert result.exit_code == 1, result.output
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
        assert "Unexpected error" not in result.output
