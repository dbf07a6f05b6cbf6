"""The main window: sections, remembered layout, shortcuts, global search, About, first run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldkit import __version__
from fieldkit.i18n import set_language
from fieldkit.profile import Profile

pytestmark = pytest.mark.gui

SECTIONS = [
    "Contacts",
    "Campaigns",
    "Outreach",
    "Materials",
    "Laws",
    "Leaflets",
    "Sync",
    "Settings",
]


def test_sidebar_has_every_section_and_each_opens(qtbot, open_app, demo_profile):
    window = open_app(demo_profile.path).window
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == SECTIONS
    for name in window.section_names():
        page = window.show_section(name)
        assert window.stack.currentWidget() is page
        assert page.isVisible()


def test_geometry_and_last_section_are_remembered(qtbot, open_app, demo_profile):
    session = open_app(demo_profile.path, "remember.ini")
    session.window.resize(760, 640)
    session.window.show_section("laws")
    session.close()
    again = open_app(demo_profile.path, "remember.ini")
    assert again.window.current_section() == "laws"
    assert (again.window.width(), again.window.height()) == (760, 640)


def test_ctrl_k_searches_everything_as_you_type(qtbot, open_app, demo_profile):
    demo_profile.contacts.add({"name": "Zubair Trafficking Desk", "country": "IN"})
    demo_profile.materials.add({"title": "Traffic lights fact", "lang": "en"})
    window = open_app(demo_profile.path).window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.query, "t")
    assert dialog.results.count() == 0  # one letter is too little
    qtbot.keyClicks(dialog.query, "raffic")
    texts = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert any("Zubair Trafficking Desk" in t for t in texts)
    assert any("Traffic lights fact" in t for t in texts)
    # stored codes shown as people read them: "Material · Fact card", never "fact_card"
    assert any("Traffic lights fact  —  Material · Fact card" in t for t in texts), texts
    assert not any("fact_card" in t or "in_force" in t for t in texts)
    qtbot.keyClicks(dialog.query, "king zub")
    assert dialog.results.count() == 1
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert window.current_section() == "contacts"
    from fieldkit.ui.record_dialog import RecordDialog

    (editor,) = window.page("contacts").findChildren(RecordDialog)
    assert editor.isVisible() and editor.editors["name"].value() == "Zubair Trafficking Desk"


def test_standard_shortcuts(qtbot, open_app, demo_profile):
    window = open_app(demo_profile.path).window
    assert window.act_new.shortcut().toString() == "Ctrl+N"
    assert window.act_find.shortcut().toString() == "Ctrl+F"
    assert window.act_undo.shortcut().toString() == "Ctrl+Z"
    assert window.act_quit.shortcut().toString() == "Ctrl+Q"
    page = window.show_section("materials")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in page.children() if d.objectName() == "recordDialog_materials"]
    assert dialogs and dialogs[0].isVisible()


def test_about_shows_version_and_licences(qtbot, open_app, demo_profile):
    window = open_app(demo_profile.path).window
    dialog = window.about()
    from PySide6.QtWidgets import QTextBrowser

    body = dialog.findChild(QTextBrowser, "aboutText").toPlainText()
    assert __version__ in body
    assert "GNU General Public License" in body and "LGPL-3.0" in body


def test_readable_default_font():
    from fieldkit.ui.app import MIN_POINT_SIZE, make_application

    assert make_application().font().pointSizeF() >= MIN_POINT_SIZE


def test_language_switch_retranslates_and_lays_out_right_to_left(qtbot, open_app, demo_profile):
    window = open_app(demo_profile.path).window
    window.show_section("contacts")
    try:
        set_language("ar")
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        set_language("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.sidebar.item(0).text() == "Contacts"


def test_every_section_follows_a_language_change_without_restart(qtbot, open_app, demo_profile):
    window = open_app(demo_profile.path).window
    for name in window.section_names():
        window.show_section(name)
    outreach = window.page("outreach")
    try:
        set_language("es")
        assert window.sidebar.item(0).text() == "Contactos"
        assert outreach.new_button.text() != "&Log outreach…"
        assert window.page("contacts").new_button.text() == "&Nuevo"
    finally:
        set_language("en")
    assert outreach.new_button.text() == "&Log outreach…"


def test_sections_of_other_parts_are_shown_or_plainly_missing(qtbot, open_app, demo_profile):
    window = open_app(demo_profile.path).window
    for name in ("leaflets", "sync"):
        page = window.show_section(name)
        if page.objectName() == "placeholder":
            assert "not available" in page.label.text()


def test_lists_fetch_lazily(qtbot, demo_profile):
    from fieldkit.ui.models import RecordTableModel

    demo_profile.contacts.add_many({"name": f"Person {i:04d}"} for i in range(1000))
    model = RecordTableModel(demo_profile.contacts, page=200)
    assert model.rowCount() == 200 and model.total is None  # not counted up front
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total == demo_profile.contacts.count()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 200
    assert model.index(0, 0).data() >= model.index(1, 0).data()


def test_big_list_counts_on_the_worker(qtbot, open_app, demo_profile):
    demo_profile.contacts.add_many({"name": f"Person {i:04d}"} for i in range(450))
    page = open_app(demo_profile.path).window.show_section("contacts")
    total = demo_profile.contacts.count()
    qtbot.waitUntil(lambda: page.model.total == total)
    assert page.count_label.text() == f"{total} records"
    assert page.model.rowCount() == 200


def test_first_run_assistant_creates_the_profile(qtbot, tmp_path):
    from fieldkit.ui.first_run import FirstRunDialog

    path = tmp_path / "new-office"
    dialog = FirstRunDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.finish()
    assert dialog.error.isVisible() and not (path / "fieldkit.db").exists()
    dialog.protection.protect.setChecked(False)  # recommended, on by default (#8)
    qtbot.keyClicks(dialog.organization, "Free Futures")
    dialog.device.setText("Nairobi laptop")
    dialog.finish()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    with Profile.open(path) as profile:
        assert profile.setting("organization") == "Free Futures"
        assert profile.setting("device_name") == "Nairobi laptop"
        assert profile.contacts.count() > 0  # the starter pack
        from fieldkit.sync.org import current_org

        assert current_org(profile).name == "Free Futures"


def test_first_run_joins_an_organisation_with_its_enrolment_file(qtbot, tmp_path):
    from fieldkit.sync.org import create_org, current_org, issue_enrolment
    from fieldkit.ui.first_run import FirstRunDialog

    with Profile.create(tmp_path / "hq", organization="Free Futures HQ") as hq:
        create_org(hq, "Free Futures")
        enrolment = tmp_path / "nairobi.fkenrol"
        enrolment.write_bytes(issue_enrolment(hq, "Nairobi laptop", passphrase="correct horse"))
    path = tmp_path / "joining"
    dialog = FirstRunDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.join.setChecked(True)
    dialog.protection.protect.setChecked(False)  # recommended, on by default (#8)
    assert dialog.join_box.isVisible() and dialog.join_note.text()
    dialog.enrolment.setText(str(enrolment))
    dialog.passphrase.setText("wrong")
    dialog.finish()
    assert dialog.error.isVisible() and not (path / "fieldkit.db").exists()
    dialog.passphrase.setText("correct horse")
    dialog.finish()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    with Profile.open(path) as profile:
        assert current_org(profile).name == "Free Futures"
        assert profile.setting("device_name") == "Nairobi laptop"
