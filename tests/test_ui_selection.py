"""The row a list selects for the user, in English and right to left in Arabic."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThreadPool
from test_sync_helpers import make_org

from fieldkit.i18n import _
from fieldkit.sync.engine import Target, save_target
from fieldkit.ui.record_dialog import RecordDialog

pytestmark = pytest.mark.gui

LAYOUTS = {"en": Qt.LayoutDirection.LeftToRight, "ar": Qt.LayoutDirection.RightToLeft}


def _selected_names(page) -> list[str]:
    """The first column of every selected row, as the list shows it."""
    return [index.data() for index in page.table.selectionModel().selectedRows(0)]


@pytest.fixture
def contacts_in(open_app, profile):
    """``contacts_in(language)``: the Contacts list of the app opened in that language."""
    ids = {
        name: profile.contacts.add({"name": name, "country": "IN"})
        for name in ("Asha Rao", "Meera Shelter", "Ravi Kumar", "Sunita Devi")
    }

    def open_in(language: str):
        profile.set_settings(language=language)
        session = open_app(profile.path)
        page = session.window.show_section("contacts")
        assert page.layoutDirection() == LAYOUTS[language]
        return session, page, ids

    return open_in


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_record_found_by_search_everything_is_selected_in_its_list(qtbot, contacts_in, language):
    session, page, ids = contacts_in(language)
    session.window.open_record("contacts", ids["Ravi Kumar"])  # what choosing a search hit does
    (dialog,) = page.findChildren(RecordDialog)  # the record opens for editing
    assert _selected_names(page) == ["Ravi Kumar"]
    assert page.current_id() == ids["Ravi Kumar"]
    dialog.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_selected_record_stays_selected_after_an_edit(qtbot, contacts_in, language):
    session, page, ids = contacts_in(language)
    row = page.model.row_of(ids["Meera Shelter"])
    cell = page.table.visualRect(page.model.index(row, 0)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert _selected_names(page) == ["Meera Shelter"]
    dialog = page.edit_current()
    dialog.editors["name"].widget.setText("Meera Shelter Home")
    dialog.save()
    qtbot.waitUntil(lambda: "Meera Shelter Home" in _selected_names(page), timeout=5_000)
    assert _selected_names(page) == ["Meera Shelter Home"]
    assert page.current_id() == ids["Meera Shelter"]
    assert page.edit_button.isEnabled()


@pytest.mark.parametrize("language", ["en", "ar"])
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
    assert [index.data() for index in page.table.selectionModel().selectedRows(0)] == ["usb"]
    try:
        with qtbot.waitSignal(page.sync_finished, timeout=15_000):
            qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    finally:
        page.watcher.stop()
        QThreadPool.globalInstance().waitForDone(10_000)
        hq.close()
    assert page.table.item(0, 3).text() != _("never")  # the last sync, with what it sent
    assert len(list(stick.rglob("*.fkb"))) == 1  # the change went onto the stick
