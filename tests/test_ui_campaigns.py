"""Campaigns: targets one click away, the timeline, and logging outreach from a campaign."""

from __future__ import annotations

import datetime as _dt

import pytest

from fieldkit.profile import Profile

pytestmark = pytest.mark.gui


@pytest.fixture
def seeded(demo_profile: Profile):
    official = demo_profile.contacts.add(
        {
            "name": "Deputy Secretary Kaur",
            "kind": "official",
            "phone": "+91 11 2338 0000",
            "fax": "+91 11 2338 0001",
            "email": "kaur@example.gov.in",
        }
    )
    campaign = demo_profile.campaigns.add(
        {"title": "Aaa shelters now", "asks": ["Fund 40 beds", "Train the police, twice"]}
    )
    demo_profile.add_target(campaign, official, "Budget holder")
    demo_profile.add_update(campaign, "2026-02-01", "Bill tabled")
    return campaign, official


def _select(page, record_id):
    page.search.setText("shelters")
    assert page.select(record_id)


def test_campaign_shows_asks_targets_and_timeline(qtbot, open_app, demo_profile, seeded):
    campaign, _official = seeded
    session = open_app(demo_profile.path)
    page = session.window.show_section("campaigns")
    _select(page, campaign)
    detail = page.detail
    assert [detail.asks.item(i).text() for i in range(detail.asks.count())] == [
        "Fund 40 beds",
        "Train the police, twice",
    ]
    (row,) = detail.target_rows
    assert set(row.buttons) == {"phone", "fax", "email"}
    assert "Budget holder" in row.label.text()
    assert detail.timeline.item(0).text() == "Feb 1, 2026  Bill tabled"  # the UI's date format
    from fieldkit.ui.pages.campaign_detail import link_for

    assert link_for("phone", "+91 11 2338 0000").toString() == "tel:+911123380000"
    assert link_for("email", "kaur@example.gov.in").toString() == "mailto:kaur@example.gov.in"
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QPushButton

    row.findChild(QPushButton, "copy_fax").click()
    assert QGuiApplication.clipboard().text() == "+91 11 2338 0001"


def test_log_outreach_from_a_campaign(qtbot, open_app, demo_profile, seeded):
    campaign, official = seeded
    session = open_app(demo_profile.path)
    page = session.window.show_section("campaigns")
    _select(page, campaign)
    page.detail.log_button.click()
    dialog = page.outreach_dialog
    assert dialog.isVisible()
    assert dialog.contact.currentData() == official  # the target comes first
    assert dialog.campaign.currentData() == campaign
    channel = dialog.editors["channel"].widget
    channel.setCurrentIndex(channel.findData("fax"))
    follow_up = (_dt.date.today() + _dt.timedelta(days=3)).isoformat()
    dialog.editors["outcome"].widget.setPlainText("Promised a reply")
    dialog.editors["follow_up"].widget.setText(follow_up)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (logged,) = demo_profile.outreach.list({"campaign_id": campaign})
    assert (logged["contact_id"], logged["channel"], logged["follow_up"]) == (
        official,
        "fax",
        follow_up,
    )
    qtbot.waitUntil(lambda: page.detail.outreach.count() == 1)
    assert "Deputy Secretary Kaur" in page.detail.outreach.item(0).text()

    outreach = session.window.show_section("outreach")
    outreach.upcoming.setChecked(True)
    assert outreach.model.total == 1
    assert outreach.model.index(0, 2).data() == "Deputy Secretary Kaur"


def test_log_outreach_needs_a_channel_and_a_contact(qtbot, open_app, demo_profile, seeded):
    session = open_app(demo_profile.path)
    page = session.window.show_section("outreach")
    before = demo_profile.outreach.count()
    dialog = page.new_record()
    dialog.contact.setCurrentIndex(-1)
    dialog.editors["date"].widget.setText("31/12/2026")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.editors["channel"].error.isVisible()
    assert "31/12/2026" in dialog.editors["date"].error.text()
    assert dialog.contact_error.isVisible()
    assert demo_profile.outreach.count() == before


def test_add_a_target_and_a_timeline_entry(qtbot, open_app, demo_profile, seeded):
    campaign, _official = seeded
    clerk = demo_profile.contacts.add({"name": "Zed Clerk", "phone": "+91 11 4000 0000"})
    session = open_app(demo_profile.path)
    page = session.window.show_section("campaigns")
    _select(page, campaign)
    dialog = page.detail.add_target()
    qtbot.keyClicks(dialog.picker.search, "zed")
    assert dialog.picker.current_id() == clerk
    dialog.role.setText("Drafts the budget")
    dialog.save()
    qtbot.waitUntil(lambda: len(page.detail.target_rows) == 2)
    assert "Drafts the budget" in page.detail.target_rows[1].label.text()

    again = page.detail.add_target()
    qtbot.keyClicks(again.picker.search, "zed")
    again.save()
    assert again.isVisible() and "already" in again.error.text()
    again.reject()

    entry = page.detail.add_update()
    entry.editors["date"].widget.setText("2026-13-01")
    entry.editors["text"].widget.setPlainText("Committee vote")
    entry.save()
    assert entry.isVisible() and entry.editors["date"].error.isVisible()
    entry.editors["date"].widget.setText("2026-03-01")
    entry.save()
    qtbot.waitUntil(lambda: page.detail.timeline.count() == 2)
    assert page.detail.timeline.item(1).text().endswith("  Committee vote")  # after Feb 1

    session.window.act_undo.trigger()  # the timeline entry goes
    qtbot.waitUntil(lambda: page.detail.timeline.count() == 1)
    session.window.act_undo.trigger()  # then the target
    qtbot.waitUntil(lambda: len(page.detail.target_rows) == 1)
