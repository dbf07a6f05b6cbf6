"""The row a list selects for the user: a record found, edited or just added, scrolled into
view, in English and right to left in Arabic."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThreadPool
from test_sync_helpers import make_org

from fieldkit.i18n import _
from fieldkit.sync.targets import Target, save_target
from fieldkit.ui.log_outreach import LogOutreachDialog
from fieldkit.ui.record_dialog import RecordDialog

pytestmark = pytest.mark.gui

LAYOUTS = {"en": Qt.LayoutDirection.LeftToRight, "ar": Qt.LayoutDirection.RightToLeft}
LANGUAGES = pytest.mark.parametrize("language", ["en", "ar"])


@pytest.fixture
def page_in(open_app, profile):
    """``page_in(language, section)``: that list page of the app opened in that language."""

    def open_in(language: str, section: str):
        profile.set_settings(language=language)
        session = open_app(profile.path)
        page = session.window.show_section(section)
        assert page.layoutDirection() == LAYOUTS[language]
        return session, page

    return open_in


@pytest.fixture
def contacts_in(page_in, profile):
    """``contacts_in(language)``: the Contacts list, with four contacts, of the app opened in
    that language."""
    ids = {
        name: profile.contacts.add({"name": name, "country": "IN"})
        for name in ("Asha Rao", "Meera Shelter", "Ravi Kumar", "Sunita Devi")
    }

    def open_in(language: str):
        session, page = page_in(language, "contacts")
        return session, page, ids

    return open_in


def _selected_names(page) -> list[str]:
    """The first column of every selected row, as the list shows it."""
    return [index.data() for index in page.table.selectionModel().selectedRows(0)]


def _shown(page, record_id: str) -> bool:
    """Whether the record's row is on screen in the list's viewport."""
    row = page.model.row_of(record_id)
    if row is None:
        return False
    cell = page.table.visualRect(page.model.index(row, 0))
    return cell.isValid() and page.table.viewport().rect().contains(cell.center())


def _click_row(qtbot, page, record_id: str) -> None:
    cell = page.table.visualRect(page.model.index(page.model.row_of(record_id), 0)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def _add(qtbot, page, **values: str):
    """Fill the page's New dialog with ``values`` and press Save, as a user does."""
    dialog = page.new_record()
    for name, value in values.items():
        editor = dialog.editors[name]
        if hasattr(editor.widget, "setText"):
            qtbot.keyClicks(editor.widget, value)
        else:
            editor.set_value(value)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    return dialog


@LANGUAGES
def test_a_record_found_by_search_everything_is_selected_in_its_list(qtbot, contacts_in, language):
    session, page, ids = contacts_in(language)
    session.window.open_record("contacts", ids["Ravi Kumar"])  # what choosing a search hit does
    (dialog,) = page.findChildren(RecordDialog)  # the record opens for editing
    assert _selected_names(page) == ["Ravi Kumar"]
    assert page.current_id() == ids["Ravi Kumar"]
    dialog.close()


@LANGUAGES
def test_the_selected_record_stays_selected_after_an_edit(qtbot, contacts_in, language):
    session, page, ids = contacts_in(language)
    _click_row(qtbot, page, ids["Meera Shelter"])
    assert _selected_names(page) == ["Meera Shelter"]
    dialog = page.edit_current()
    dialog.editors["name"].widget.setText("Meera Shelter Home")
    dialog.save()
    qtbot.waitUntil(lambda: "Meera Shelter Home" in _selected_names(page), timeout=5_000)
    assert _selected_names(page) == ["Meera Shelter Home"]
    assert page.current_id() == ids["Meera Shelter"]
    assert page.edit_button.isEnabled()


@LANGUAGES
def test_the_sync_button_syncs_the_target_the_page_selects(qtbot, open_app, tmp_path, language):
    hq, (office,) = make_org(tmp_path, "delhi")
    stick = tmp_path / "usb"
    stick.mkdir()
    save_target(office, Target("usb", "folder", str(stick)))
    office.contacts.add({"name": "Asha Rao"})
    office.set_settings(language=language)
    session = open_app(office.path)
    page = session.window.show_section("sync")
    assert page.layoutDirection() == LAYOUTS[language]
    assert _selected_names(page) == ["usb"]
    try:
        with qtbot.waitSignal(page.sync_finished, timeout=15_000):
            qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    finally:
        page.watcher.stop()
        QThreadPool.globalInstance().waitForDone(10_000)
        hq.close()
    assert page.table.item(0, 3).text() != _("never")  # the last sync, with what it sent
    assert len(list(stick.rglob("*.fkb"))) == 1  # the change went onto the stick


@LANGUAGES
def test_a_new_contact_becomes_the_selected_row(qtbot, page_in, profile, language):
    for name in ("Asha Rao", "Meera Shelter", "Ravi Kumar"):
        profile.contacts.add({"name": name, "country": "IN"})
    session, page = page_in(language, "contacts")
    _click_row(qtbot, page, profile.contacts.list({"q": "Ravi"})[0]["id"])
    assert _selected_names(page) == ["Ravi Kumar"]
    _add(qtbot, page, name="Bina Thapa")
    (new,) = profile.contacts.list({"q": "Bina"})
    assert page.current_id() == new["id"]
    assert _selected_names(page) == ["Bina Thapa"]
    assert _shown(page, new["id"])
    assert page.edit_button.isEnabled()


@LANGUAGES
def test_a_new_contact_far_down_a_long_list_is_scrolled_into_view(
    qtbot, page_in, profile, language
):
    profile.contacts.add_many({"name": f"Inspector {i:03d}"} for i in range(450))
    session, page = page_in(language, "contacts")
    assert page.model.loaded < 450  # only the first page is loaded when the list opens
    _add(qtbot, page, name="Zainab Ali")  # sorts last, past the rows loaded
    (new,) = profile.contacts.list({"q": "Zainab"})
    assert page.current_id() == new["id"]
    assert _selected_names(page) == ["Zainab Ali"]
    assert page.model.row_of(new["id"]) == 450
    assert page.table.verticalScrollBar().value() > 0
    assert _shown(page, new["id"])


@LANGUAGES
def test_a_new_record_the_search_hides_leaves_nothing_selected(qtbot, page_in, profile, language):
    for name in ("Inspector Rao", "Inspector Kumar"):
        profile.contacts.add({"name": name})
    session, page = page_in(language, "contacts")
    qtbot.keyClicks(page.search, "inspector")
    _click_row(qtbot, page, page.model.record_id(0))
    assert page.current_id() is not None
    _add(qtbot, page, name="Asha Shelter")
    assert profile.contacts.count({"q": "Asha"}) == 1  # saved
    assert page.search.text() == "inspector"  # the user's search is kept…
    assert _selected_names(page) == [] and page.current_id() is None  # …nothing stale
    assert page.model.total == 2
    page.search.clear()  # and the record is there once the search is cleared
    assert "Asha Shelter" in [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


@LANGUAGES
def test_undoing_a_new_campaign_leaves_no_selection(qtbot, page_in, profile, language):
    profile.campaigns.add({"title": "Hotline week"})
    session, page = page_in(language, "campaigns")
    _add(qtbot, page, title="Shelter beds now")
    (new,) = profile.campaigns.list({"q": "Shelter"})
    assert page.current_id() == new["id"]
    assert _shown(page, new["id"])
    assert "Shelter beds now" in page.detail.title.text()  # its detail shows beside the list
    session.window.act_undo.trigger()
    qtbot.waitUntil(lambda: page.model.row_of(new["id"]) is None, timeout=5_000)
    assert _selected_names(page) == [] and page.current_id() is None
    assert page.detail.title.text() == _("Choose a campaign in the list.")


@LANGUAGES
@pytest.mark.parametrize(
    ("section", "values", "title"),
    [
        (
            "materials",
            {"title": "4.5 million in forced labour", "lang": "en"},
            "4.5 million in forced labour",
        ),
        (
            "laws",
            {"title": "Palermo Protocol", "lang": "en", "jurisdiction": "intl", "kind": "treaty"},
            "Palermo Protocol",
        ),
    ],
)
def test_new_materials_and_laws_become_the_selected_row(
    qtbot, page_in, profile, language, section, values, title
):
    session, page = page_in(language, section)
    _add(qtbot, page, **values)
    (new,) = profile.records(section).list({"q": title.split()[-1]})
    assert page.current_id() == new["id"]
    assert _selected_names(page) == [title]
    assert _shown(page, new["id"])


@LANGUAGES
def test_logged_outreach_becomes_the_selected_row(qtbot, page_in, profile, language):
    contact = profile.contacts.add({"name": "Asha Rao"})
    for day in range(1, 29):
        profile.outreach.add(
            {"contact_id": contact, "channel": "call", "date": f"2020-02-{day:02d}"}
        )
    session, page = page_in(language, "outreach")
    _click_row(qtbot, page, page.model.record_id(0))
    dialog = page.new_record()
    assert isinstance(dialog, LogOutreachDialog)
    dialog.picker.select(contact)
    dialog.editors["channel"].set_value("meeting")
    dialog.editors["date"].set_value("2020-01-15")  # the oldest: last in the list
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    (new,) = profile.outreach.list({"channel": "meeting"})
    assert page.current_id() == new["id"]
    assert page.model.row_of(new["id"]) == 28
    assert _shown(page, new["id"])


@LANGUAGES
def test_a_record_far_down_stays_selected_when_found_and_after_an_edit(
    qtbot, page_in, profile, language
):
    profile.contacts.add_many({"name": f"Inspector {i:03d}"} for i in range(450))
    (far,) = profile.contacts.list({"q": "Inspector 420"})
    session, page = page_in(language, "contacts")
    session.window.open_record("contacts", far["id"])  # what choosing a Ctrl+K hit does
    (dialog,) = page.findChildren(RecordDialog)
    assert page.current_id() == far["id"]
    assert _shown(page, far["id"])
    dialog.editors["name"].widget.setText("Inspector 420 (Pune)")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: _selected_names(page) == ["Inspector 420 (Pune)"], timeout=5_000)
    assert page.current_id() == far["id"]
    assert _shown(page, far["id"])
