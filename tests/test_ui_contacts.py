"""Contacts through the real widgets: create, validate, search, delete and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldkit.profile import Profile

pytestmark = pytest.mark.gui


def _seed(profile: Profile) -> None:
    profile.contacts.add_many(
        [
            {"name": f"Inspector {i}", "organization": "District Police", "country": "IN"}
            for i in range(30)
        ]
        + [{"name": "Meera Shelter", "kind": "shelter", "country": "NP", "tags": ["shelter"]}]
    )


@pytest.fixture
def session(open_app, demo_profile):
    _seed(demo_profile)
    return open_app(demo_profile.path)


def _names(page) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_create_contact_through_the_form(qtbot, session, demo_profile):
    page = session.window.show_section("contacts")
    dialog = page.new_record()
    qtbot.keyClicks(dialog.editors["name"].widget, "Asha Rao")
    qtbot.keyClicks(dialog.editors["email"].widget, "asha@example.org")
    qtbot.keyClicks(dialog.editors["country"].widget, "in")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "Asha Rao" in _names(page))
    rows = demo_profile.contacts.list({"q": "Asha Rao"})
    assert [(r["name"], r["email"], r["country"]) for r in rows] == [
        ("Asha Rao", "asha@example.org", "IN")
    ]


def test_validation_error_keeps_dialog_open_and_saves_nothing(qtbot, session, demo_profile):
    page = session.window.show_section("contacts")
    before = demo_profile.contacts.count()
    dialog = page.new_record()
    qtbot.keyClicks(dialog.editors["email"].widget, "not-an-email")
    qtbot.keyClicks(dialog.editors["country"].widget, "Atlantis")
    dialog.save()
    assert dialog.isVisible()
    email_error = dialog.findChild(type(dialog.general_error), "error_email")
    assert email_error.isVisible() and "not-an-email" in email_error.text()
    assert dialog.editors["name"].error.isVisible()
    assert "Atlantis" in dialog.editors["country"].error.text()
    assert not dialog.editors["phone"].error.isVisible()
    assert not session.ops.busy
    qtbot.wait(50)
    assert demo_profile.contacts.count() == before


def test_search_narrows_the_list(qtbot, session):
    page = session.window.show_section("contacts")
    everyone = page.model.total
    qtbot.keyClicks(page.search, "meera")
    assert page.model.total == 1 < everyone
    assert _names(page) == ["Meera Shelter"]
    page.search.clear()
    country = page.filters["country"]
    country.setCurrentIndex(country.findData("IN"))
    assert page.model.total == 30
    assert page.count_label.text().startswith("30")


def test_delete_then_undo(qtbot, session, demo_profile):
    page = session.window.show_section("contacts")
    page.search.setText("meera")
    page.table.selectRow(0)
    record_id = page.current_id()
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.total == 0)
    assert demo_profile.contacts.get(record_id, include_deleted=True)["deleted"] == 1
    session.window.act_undo.trigger()
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert demo_profile.contacts.get(record_id)["deleted"] == 0


def test_edit_then_undo_restores_the_old_value(qtbot, session, demo_profile):
    page = session.window.show_section("contacts")
    page.search.setText("meera")
    page.table.selectRow(0)
    record_id = page.current_id()
    dialog = page.edit_current()
    dialog.editors["name"].widget.setText("Meera Home")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert demo_profile.contacts.get(record_id)["name"] == "Meera Home"
    assert session.undo.undoText() == "Edit contact"
    session.window.act_undo.trigger()
    qtbot.waitUntil(lambda: demo_profile.contacts.get(record_id)["name"] == "Meera Shelter")
