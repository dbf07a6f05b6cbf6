"""What the app shows of records that hold control characters or bidi overrides.

A hostile CSV can put terminal escapes (ESC, BEL, C1 controls) and Unicode bidi overrides
into names. The lists, the search, the campaign view, the pickers and the window title show
each of them as U+FFFD; the editor shows the stored text as it is, says why it looks
different there, and keeps it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from fieldkit.profile import Profile

pytestmark = pytest.mark.gui

# ESC ] … BEL retitles a terminal; U+202E makes "oaR" read "Rao" until U+202C.
NAME = "\x1b]0;owned\x07Asha \u202eoaR\u202c"
NAME_SHOWN = "\ufffd]0;owned\ufffdAsha \ufffdoaR\ufffd"
UNSAFE = set("\x00\x07\x1b\x7f\x9b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
NOTES = "Met twice.\r\nCall first.\u00a0Ok"


@pytest.fixture
def hostile(demo_profile: Profile) -> str:
    return demo_profile.contacts.add(
        {
            "name": NAME,
            "organization": "Unit\x9b31m",
            "title": "Chief \u2067Inspector",
            "tags": ["po\x1blice", "north, east"],
            "notes": NOTES,
        }
    )


@pytest.fixture
def session(open_app, demo_profile, hostile):
    return open_app(demo_profile.path)


def _row(page, record_id: str) -> dict[str, str]:
    """The cells of a record's row, by column name, as the list draws them."""
    row = page.model.row_of(record_id)
    assert row is not None
    return {c: page.model.index(row, i).data() for i, c in enumerate(page.model.columns)}


def test_the_list_and_its_filters_show_them_as_replacement_characters(session, hostile):
    page = session.window.show_section("contacts")
    cells = _row(page, hostile)
    assert cells["name"] == NAME_SHOWN
    assert cells["organization"] == "Unit\ufffd31m"
    row = page.model.row_of(hostile)
    tip = page.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == NAME_SHOWN
    tags = page.filters["tag"]
    labels = [tags.itemText(i) for i in range(tags.count())]
    assert "po\ufffdlice" in labels
    assert not set("".join(labels)) & UNSAFE


def test_the_search_shows_them_as_replacement_characters(session, hostile):
    dialog = session.window.global_search()
    dialog.query.setText("owned")
    labels = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert labels == [f"{NAME_SHOWN}  —  Contact · Chief \ufffdInspector · Unit\ufffd31m"]


def test_the_editor_shows_and_keeps_the_stored_text(qtbot, session, demo_profile, hostile):
    page = session.window.show_section("contacts")
    dialog = page.edit_record(hostile)
    editors = dialog.editors
    assert editors["name"].widget.text() == NAME
    note = dialog.findChild(QLabel, "note_name")
    assert note.isVisibleTo(dialog)
    assert "control characters or text direction overrides" in note.text()
    assert "\ufffd" in note.text()
    assert editors["tags"].note.isVisibleTo(dialog)
    assert not editors["email"].note.isVisibleTo(dialog)
    assert not editors["notes"].note.isVisibleTo(dialog)  # a Windows line end is no control

    editors["email"].widget.setText("asha@example.org")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = demo_profile.contacts.get(hostile)
    assert saved["email"] == "asha@example.org"
    assert saved["name"] == NAME
    assert saved["title"] == "Chief \u2067Inspector"
    assert saved["tags"] == ["po\x1blice", "north, east"]  # the comma does not split the tag
    assert saved["notes"] == NOTES  # the text box would have dropped the carriage return


def test_characters_deleted_in_the_editor_are_gone(qtbot, session, demo_profile, hostile):
    page = session.window.show_section("contacts")
    dialog = page.edit_record(hostile)
    dialog.editors["name"].widget.setText("Asha Rao")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert demo_profile.contacts.get(hostile)["name"] == "Asha Rao"
    qtbot.waitUntil(lambda: _row(page, hostile)["name"] == "Asha Rao")
    assert not page.edit_record(hostile).editors["name"].note.isVisibleTo(page)


def test_the_window_title_shows_them_as_replacement_characters(open_app, demo_profile):
    demo_profile.set_settings(organization="Shakti \u202einihaV\x1b]0;x\x07")
    session = open_app(demo_profile.path)
    assert session.window.windowTitle() == "FieldKit — Shakti \ufffdinihaV\ufffd]0;x\ufffd"


def test_the_campaign_view_and_the_contact_picker_show_them_too(
    qtbot, session, demo_profile, hostile
):
    campaign = demo_profile.campaigns.add(
        {
            "title": "Beds \u202enow",
            "summary": "Two lines:\nfirst\x1b[2J",
            "asks": ["Fund\x07 40 beds"],
        }
    )
    demo_profile.add_target(campaign, hostile, "Budget\u2066 holder")
    demo_profile.add_update(campaign, "2026-02-01", "Bill\x9b tabled")
    page = session.window.show_section("campaigns")
    page.search.setText("Beds")
    assert page.select(campaign)
    detail = page.detail
    assert "<h2>Beds \ufffdnow</h2>" in detail.title.text()
    assert detail.summary.text() == "Two lines:\nfirst\ufffd[2J"
    assert detail.asks.item(0).text() == "Fund\ufffd 40 beds"
    assert detail.timeline.item(0).text().endswith("Bill\ufffd tabled")
    (row,) = detail.target_rows
    assert row.label.text() == (
        f"<b>{NAME_SHOWN}</b><br>Chief \ufffdInspector · Budget\ufffd holder"
    )
    shown = [
        detail.title.text(),
        detail.summary.text(),
        row.label.text(),
        *(b.text() for b in row.findChildren(QPushButton)),
    ]
    assert not set("".join(shown)) & UNSAFE

    from fieldkit.ui.log_outreach import LogOutreachDialog

    dialog = LogOutreachDialog(session.ctx, contact_id=hostile, campaign_id=campaign)
    qtbot.addWidget(dialog)
    assert dialog.contact.currentText() == f"{NAME_SHOWN} — Unit\ufffd31m"
    assert dialog.campaign.currentText() == "Beds \ufffdnow"


def test_the_import_preview_shows_them_as_replacement_characters(qtbot, tmp_path):
    from fieldkit.ui.import_wizard import ImportWizard

    office = Profile.create(tmp_path / "office", organization="Office", country="IN")
    office.contacts.add({"name": "Asha Rao", "email": "asha@example.org"})  # a duplicate: shown
    # Past the part that is read to tell text from binary, as a hostile file would put them.
    filler = "".join(f"Person {i},Filler Org,p{i}@example.org,\n" for i in range(2000))
    source = tmp_path / "hostile.csv"
    source.write_text(
        "Name,Organization,E-mail Address,Birthday\n"
        + filler
        + f"{NAME},Unit\x9b31m,asha@example.org,\n"
        + "Ravi,Unit,ravi@example.org,\x1b[31m1990-13-45\n",
        encoding="utf-8",
    )
    wizard = ImportWizard(office)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(Path(source)))
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=20_000)
    rows = [
        [preview.table.item(r, c).text() for c in range(preview.table.columnCount())]
        for r in range(preview.table.rowCount())
    ]
    [asha] = [cells for cells in rows if "Asha" in cells[2]]
    assert asha[2:4] == [NAME_SHOWN, "Unit\ufffd31m"]
    [ravi] = [cells for cells in rows if "1990" in cells[4]]
    assert "\ufffd[31m1990-13-45" in ravi[4]
    assert not set("".join("".join(cells) for cells in rows)) & UNSAFE
    wizard.reject()
    office.close()


# --- sync, translations, export, lock screen, leaflets, error messages ------------------

MARKUP = "<b>Call</b> \u202e0010 555 1+\u202c<img src=x>\x1b[2J"
MARKUP_SHOWN = "<b>Call</b> \ufffd0010 555 1+\ufffd<img src=x>\ufffd[2J"


def _plain(label: QLabel) -> str:
    """What a label shows: its text, provided it is drawn as text and not as markup."""
    assert label.textFormat() == Qt.TextFormat.PlainText
    return label.text()


@pytest.fixture
def devices(tmp_path):
    from test_sync_helpers import make_org

    hq, (delhi, patna) = make_org(tmp_path, "delhi", "patna")
    yield delhi, patna
    for p in (hq, delhi, patna):
        p.close()


def test_the_conflicts_dialog_shows_them_and_keeps_the_stored_value(qtbot, devices, page_for):
    from fieldkit.sync.exchange import export_changes, import_bytes

    delhi, patna = devices
    cid = delhi.contacts.add({"name": NAME, "notes": "first"})
    import_bytes(patna, export_changes(delhi))
    delhi.contacts.update(cid, {"notes": MARKUP, "tags": ["po\x1blice"]})
    patna.contacts.update(cid, {"notes": NOTES, "tags": ["\u202eliam"]})
    import_bytes(delhi, export_changes(patna))
    page = page_for(delhi)
    dialog = page.show_conflicts()
    rows = {dialog.table.item(r, 1).text(): r for r in range(dialog.table.rowCount())}
    assert set(rows) == {"Notes", "Tags"}
    row = rows["Notes"]
    assert dialog.table.item(row, 0).text() == f"Contact: {NAME_SHOWN}"
    shown = {
        side: _plain(dialog.findChild(QLabel, f"value-{side}-{row}")) for side in ("kept", "lost")
    }
    assert set(shown.values()) == {MARKUP_SHOWN, "Met twice.\nCall first.\u00a0Ok"}
    tags = {dialog.findChild(QLabel, f"value-{s}-{rows['Tags']}").text() for s in ("kept", "lost")}
    assert tags == {"po\ufffdlice", "\ufffdliam"}
    assert not set("".join([*shown.values(), *tags])) & UNSAFE

    lost = "lost" if shown["lost"] == MARKUP_SHOWN else "kept"
    with qtbot.waitSignal(page.conflicts_changed, timeout=10_000):
        dialog.findChild(QPushButton, f"keep-{lost}-{row}").click()
    assert delhi.contacts.get(cid)["notes"] == MARKUP  # the stored value, not the one shown


def test_the_sync_page_shows_hostile_file_names_as_text(qtbot, devices, page_for, tmp_path):
    from fieldkit.sync.targets import Target, save_target

    delhi, _patna = devices
    usb = tmp_path / "usb"
    folder = usb / "fieldkit-sync" / "evil"
    folder.mkdir(parents=True)
    (folder / "<b>big\u202egpj.\x1b]0;owned\x07.fkb").write_bytes(b"PK\x03\x04damaged")
    save_target(delhi, Target("usb \u202ebsu", "folder", str(usb)))
    page = page_for(delhi)
    assert page.table.item(0, 0).text() == "usb \ufffdbsu"
    seen: list[str] = []
    progress = page._progress

    def spy(done: int, total: int, text: str) -> None:
        progress(done, total, text)
        seen.append(_plain(page.status))

    page._progress = spy
    with qtbot.waitSignal(page.sync_finished, timeout=15_000) as finished:
        page.sync_button.click()  # the selected target, by its stored name
    assert finished.args[0] == "usb \u202ebsu"
    assert not isinstance(finished.args[1], Exception)
    assert "Applying <b>big\ufffdgpj.\ufffd]0;owned\ufffd.fkb…" in seen
    assert not set("".join([*seen, _plain(page.status)])) & UNSAFE


def test_the_translation_view_shows_them_as_replacement_characters(qtbot, open_app, demo_profile):
    common = {"jurisdiction": "intl", "kind": "treaty", "group_id": "hostile"}
    demo_profile.laws.add({**common, "title": "Act \u202e3 .trA", "lang": "en", "summary": MARKUP})
    translated = demo_profile.laws.add(
        {
            **common,
            "title": "Loi\x07 3",
            "lang": "fr",
            "summary": "Ligne\r\nsuivante\x9b",
            "key_provisions": ["Art.\x1b 3", "Art. \u2066 5"],
        }
    )
    session = open_app(demo_profile.path)
    page = session.window.show_section("laws")
    page.search.setText("Loi")
    assert page.select(translated)
    dialog = page.compare_translation()
    qtbot.addWidget(dialog)
    source, translation = (pane.toPlainText() for pane in dialog.panes)
    assert "Act \ufffd3 .trA" in source and MARKUP_SHOWN in source
    assert "Loi\ufffd 3" in translation and "Ligne\nsuivante\ufffd" in translation
    assert "• Art.\ufffd 3\n• Art. \ufffd 5" in translation
    assert not set(source + translation) & UNSAFE
    assert _plain(dialog.headers[0]) == "Source (English)"
    assert _plain(dialog.languages_label) == "Available in: English, français"
    assert demo_profile.laws.get(translated)["summary"] == "Ligne\r\nsuivante\x9b"


def test_the_export_dialog_lists_campaigns_with_replacement_characters(qtbot, demo_profile):
    from fieldkit.ui.import_wizard import ExportDialog

    campaign = demo_profile.campaigns.add({"title": "Beds \u202enow\x1b[2J"})
    dialog = ExportDialog(demo_profile)
    qtbot.addWidget(dialog)
    index = dialog.campaign.findData(campaign)
    assert dialog.campaign.itemText(index) == "Beds \ufffdnow\ufffd[2J"


def test_the_lock_screen_shows_the_organisation_as_text(qtbot):
    from fieldkit.ui.lock import LockScreen

    screen = LockScreen(False, "Shakti <b>\u202einihaV</b>\x1b]0;x\x07")
    qtbot.addWidget(screen)
    org = screen.findChild(QLabel, "lockOrganization")
    assert _plain(org) == "Shakti <b>\ufffdinihaV</b>\ufffd]0;x\ufffd"


def test_leaflet_messages_show_record_titles_as_text(qtbot, profile):
    from fieldkit.leaflets.samples import load_samples
    from fieldkit.ui.leaflets_page import LeafletsPage

    ids = load_samples(profile, ("en",))
    profile.materials.update(ids["fact"], {"title": "<i>Beds</i> \u202ewon"})
    page = LeafletsPage(profile)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.rendered, timeout=10_000):
        page.select_content([ids["fact"]])
    with qtbot.waitSignal(page.rendered, timeout=10_000):
        page.set_choice(page.language, "ru")
    shown = _plain(page.status)
    assert "“<i>Beds</i> \ufffdwon” has no Russian version" in shown
    assert not set(shown) & UNSAFE


def test_error_messages_show_quoted_text_as_text(qtbot):
    from fieldkit.errors import FieldKitError
    from fieldkit.ui.errors import show_error

    box = show_error(None, FieldKitError("The campaign “<b>Beds</b> \u202ewon” has no targets."))
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "The campaign “<b>Beds</b> \ufffdwon” has no targets."
