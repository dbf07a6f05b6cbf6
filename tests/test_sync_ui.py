"""The Sync page, offscreen: sync in the background with progress and cancel, conflict
review with both values side by side, and the "sync when online" watcher with backoff."""

from __future__ import annotations

import re
import threading
import time

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from PySide6.QtWidgets import QLabel, QPushButton
from test_sync_helpers import content, make_org

from fieldkit.data.store import Cancelled
from fieldkit.sync.engine import sync
from fieldkit.sync.exchange import export_changes, import_bytes
from fieldkit.sync.targets import Target, save_target, target_from_location

pytestmark = pytest.mark.gui


@pytest.fixture
def org(tmp_path):
    hq, (delhi, patna) = make_org(tmp_path, "delhi", "patna")
    yield tmp_path, hq, delhi, patna
    for p in (hq, delhi, patna):
        p.close()


def test_sync_button_runs_in_background_and_shows_counts(qtbot, org, page_for):
    tmp, hq, delhi, _patna = org
    (tmp / "usb").mkdir()
    save_target(delhi, Target("usb", "folder", str(tmp / "usb")))
    delhi.contacts.add({"name": "Shelter"})
    delhi.contacts.add({"name": "Hotline"})
    page = page_for(delhi)
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "usb"
    assert page.pending.text().endswith("waiting to be sent: 2.")
    with qtbot.waitSignal(page.sync_finished, timeout=15_000) as finished:
        started = time.perf_counter()
        page.sync_button.click()
        assert time.perf_counter() - started < 0.5  # the window is not blocked
        assert not page.cancel_button.isHidden() and not page.progress.isHidden()
    name, report = finished.args
    assert name == "usb" and report.uploaded == 1
    assert "Synced with usb" in page.status.text()
    assert page.pending.text().endswith("waiting to be sent: 0.")
    assert "Files sent: 1. Files applied: 0" in page.status.text()
    last = page.table.item(0, 3).text()
    assert "sent 1" in last and not re.search(r"\d{4}-\d\d-\d\dT", last)  # a date people read
    sync(hq, target_from_location(str(tmp / "usb")))
    assert content(hq)["contacts"] == content(delhi)["contacts"]


class _Blocker(QRunnable):
    def __init__(self):
        super().__init__()
        self.release = threading.Event()

    def run(self):
        self.release.wait(10)


def test_cancel_leaves_the_store_as_it_was(qtbot, org, page_for):
    tmp, hq, delhi, _patna = org
    (tmp / "usb").mkdir()
    delhi.contacts.add({"name": "Waiting"})
    sync(delhi, target_from_location(str(tmp / "usb")))
    save_target(hq, Target("usb", "folder", str(tmp / "usb")))
    page = page_for(hq)
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    blocker = _Blocker()
    pool.start(blocker)
    page.pool = pool
    before = content(hq)
    with qtbot.waitSignal(page.sync_finished, timeout=15_000) as finished:
        page.sync_target("usb")
        page.cancel()
        blocker.release.set()
    assert isinstance(finished.args[1], Cancelled)
    assert "cancelled" in page.status.text()
    assert content(hq) == before
    pool.waitForDone(5000)


def test_conflict_review_shows_both_values_and_keeps_either(qtbot, org, page_for):
    _tmp, _hq, delhi, patna = org
    cid = delhi.contacts.add({"name": "Inspector", "phone": "111"})
    import_bytes(patna, export_changes(delhi))
    delhi.contacts.update(cid, {"phone": "222"})
    patna.contacts.update(cid, {"phone": "333"})
    import_bytes(delhi, export_changes(patna))
    page = page_for(delhi)
    assert page.review.isEnabled() and "1" in page.conflicts_label.text()
    dialog = page.show_conflicts()
    assert dialog.table.rowCount() == 1
    kept = delhi.contacts.get(cid)["phone"]
    other = {"222", "333"} - {kept}
    texts = {
        dialog.table.cellWidget(0, col).findChildren(type(page.title))[0].text() for col in (2, 3)
    }
    assert texts == {"222", "333"}
    with qtbot.waitSignal(page.conflicts_changed, timeout=10_000):
        dialog.findChild(QPushButton, "keep-lost-0").click()
    assert delhi.contacts.get(cid)["phone"] == other.pop()
    assert dialog.table.rowCount() == 0
    assert not page.review.isEnabled()


def _conflicts_on_labelled_fields(delhi, patna) -> None:
    """Concurrent edits on two devices: a contact's international phone and tags, and a
    campaign's summary; the Delhi device ends up with one conflict on each."""
    cid = delhi.contacts.add({"name": "Inspector", "phone_e164": "+911100000000"})
    camp = delhi.campaigns.add({"title": "Stop the trade", "summary": "First draft"})
    import_bytes(patna, export_changes(delhi))
    delhi.contacts.update(cid, {"phone_e164": "+911122222222", "tags": ["police"]})
    patna.contacts.update(cid, {"phone_e164": "+911133333333", "tags": ["court"]})
    delhi.campaigns.update(camp, {"summary": "Ask the minister"})
    patna.campaigns.update(camp, {"summary": "Ask the governor"})
    import_bytes(delhi, export_changes(patna))


@pytest.mark.parametrize(
    ("language", "field_header", "shown"),
    [
        (
            "en",
            "Field",
            {
                ("Contact: Inspector", "Phone (international)"),
                ("Contact: Inspector", "Tags"),
                ("Campaign: Stop the trade", "Summary"),
            },
        ),
        (
            "fr",
            "Champ",
            {
                ("Contact : Inspector", "Téléphone (international)"),
                ("Contact : Inspector", "Étiquettes"),
                ("Campagne : Stop the trade", "Résumé"),
            },
        ),
    ],
)
def test_conflict_review_names_fields_and_kinds_in_the_ui_language(
    qtbot, org, page_for, language, field_header, shown
):
    from fieldkit import i18n

    _tmp, _hq, delhi, patna = org
    _conflicts_on_labelled_fields(delhi, patna)
    i18n.set_language(language)
    dialog = page_for(delhi).show_conflicts()
    table = dialog.table
    assert table.horizontalHeaderItem(1).text() == field_header
    rows = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    assert rows == shown


def test_conflict_review_shows_a_field_it_does_not_know_by_its_name(qtbot, org, page_for):
    _tmp, _hq, delhi, _patna = org
    cid = delhi.contacts.add({"name": "Inspector"})
    # A conflict on a field that only a newer version has, held as it was recorded.
    with delhi.store.write():
        delhi.store.conn.execute(
            "INSERT INTO conflicts (id, tbl, row_id, field, kept_value, kept_hlc, kept_device, "
            "lost_value, lost_hlc, lost_device, detected) "
            "VALUES ('c1', 'contacts', ?, ?, '\"she/her\"', 2, 'a', '\"they\"', 1, 'b', "
            "'2024-05-01T10:00:00+00:00')",
            [cid, "pronouns\u202e\x1b[2J"],
        )
    dialog = page_for(delhi).show_conflicts()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Contact: Inspector"
    assert dialog.table.item(0, 1).text() == "pronouns\ufffd\ufffd[2J"
    values = {dialog.findChild(QLabel, f"value-{side}-0").text() for side in ("kept", "lost")}
    assert values == {"she/her", "they"}


def test_watcher_syncs_when_the_stick_appears_and_backs_off_after_failures(qtbot, org, page_for):
    tmp, hq, delhi, _patna = org
    stick = tmp / "stick"
    save_target(delhi, Target("stick", "folder", str(stick), auto="background"))
    delhi.contacts.add({"name": "From the field"})
    page = page_for(delhi)
    watcher = page.watcher
    assert watcher.timer.isActive() and watcher.timer.interval() <= 60_000
    now = [1000.0]
    watcher.clock = lambda: now[0]
    # Not plugged in: nothing happens.
    with qtbot.assertNotEmitted(page.sync_finished, wait=300):
        watcher.check_now()
        qtbot.waitUntil(lambda: watcher._checking is None, timeout=5000)
    assert not watcher.watches["stick"].reachable
    # Plugged in, but unusable (the sync folder is a file): the attempt fails and backs off.
    stick.mkdir()
    (stick / "fieldkit-sync").write_text("not a folder")
    with qtbot.waitSignal(page.sync_finished, timeout=15_000) as failed:
        watcher.check_now()
    assert isinstance(failed.args[1], Exception)
    watch = watcher.watches["stick"]
    assert watch.failures == 1 and watch.next_try == pytest.approx(now[0] + 60)
    with qtbot.assertNotEmitted(page.sync_finished, wait=300):
        watcher.check_now()  # too early to retry
        qtbot.waitUntil(lambda: watcher._checking is None, timeout=5000)
    now[0] += 61
    with qtbot.waitSignal(page.sync_finished, timeout=15_000):
        watcher.check_now()
    assert watch.failures == 2 and watch.next_try == pytest.approx(now[0] + 120)
    # Fixed: the next attempt succeeds and the backoff is cleared.
    (stick / "fieldkit-sync").unlink()
    now[0] += 121
    with qtbot.waitSignal(page.sync_finished, timeout=15_000) as ok:
        watcher.check_now()
    assert ok.args[1].uploaded == 1 and watch.failures == 0


def test_watcher_asks_first_when_the_user_chose_so(qtbot, org, page_for):
    tmp, _hq, delhi, _patna = org
    (tmp / "share").mkdir()
    save_target(delhi, Target("share", "folder", str(tmp / "share"), auto="ask"))
    delhi.contacts.add({"name": "Ask first"})
    page = page_for(delhi)
    with qtbot.waitSignal(page.watcher.ask, timeout=10_000):
        page.watcher.check_now()
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible())
    assert "share" in page.question.text()
    with qtbot.waitSignal(page.sync_finished, timeout=15_000) as done:
        page.question.button(page.question.StandardButton.Yes).click()
    assert done.args[1].uploaded == 1


def test_an_encrypted_profile_syncs_from_the_page(qtbot, tmp_path, page_for):
    from fieldkit.profile import Profile
    from fieldkit.sync import org as O

    hq, _devices = make_org(tmp_path)
    secret = "correct horse battery staple"
    office = Profile.create(tmp_path / "sealed", device_name="sealed", passphrase=secret)
    O.join(office, O.issue_enrolment(hq, "sealed"))
    office.contacts.add({"name": "Sealed contact"})
    (tmp_path / "usb").mkdir()
    save_target(office, Target("usb", "folder", str(tmp_path / "usb")))
    page = page_for(office)
    with qtbot.waitSignal(page.sync_finished, timeout=15_000) as finished:
        page.sync_target("usb")
    assert finished.args[1].uploaded == 1, page.status.text()
    assert sync(hq, target_from_location(str(tmp_path / "usb"))).changes == 1
    office.close()
    hq.close()


def test_the_page_says_a_damaged_outbox_file_was_made_again(qtbot, tmp_path, page_for):
    from fieldkit.profile import Profile
    from fieldkit.sync import org as O
    from fieldkit.sync.files import sync_dir

    hq, _devices = make_org(tmp_path)
    office = Profile.create(tmp_path / "sealed", device_name="sealed", passphrase="horse battery")
    O.join(office, O.issue_enrolment(hq, "sealed"))
    office.contacts.add({"name": "Sealed contact"})
    for folder in ("usb", "share"):
        (tmp_path / folder).mkdir()
    sync(office, target_from_location(str(tmp_path / "usb")))
    [own] = sync_dir(office, "outbox").iterdir()
    sealed = own.read_bytes()
    own.write_bytes(sealed[:-1] + bytes([sealed[-1] ^ 0x01]))  # one bit of the seal
    save_target(office, Target("share", "folder", str(tmp_path / "share")))
    page = page_for(office)
    with qtbot.waitSignal(page.sync_finished, timeout=15_000) as finished:
        page.sync_target("share")
    assert finished.args[1].uploaded == 1, page.status.text()
    shown = page.status.text()
    assert shown.startswith("Synced with share. Files sent: 1.")
    assert f"The file {own.name} in the sync folder" in shown
    assert "It was made again from the same changes" in shown and "fieldkit export" not in shown
    assert sync(hq, target_from_location(str(tmp_path / "share"))).changes == 1
    assert content(hq)["contacts"] == content(office)["contacts"]
    office.close()
    hq.close()


def test_the_page_still_says_a_file_was_made_again_when_the_sync_then_fails(
    qtbot, tmp_path, page_for
):
    """The damaged outbox file is made again and sent, then a damaged relay file stops the
    sync: the page shows the error and, after it, what was done before."""
    from fieldkit.profile import Profile
    from fieldkit.sync import org as O
    from fieldkit.sync.files import sync_dir

    hq, _devices = make_org(tmp_path)
    office = Profile.create(tmp_path / "sealed", device_name="sealed", passphrase="horse battery")
    O.join(office, O.issue_enrolment(hq, "sealed"))
    for folder in ("usb", "share"):
        (tmp_path / folder).mkdir()
    usb = target_from_location(str(tmp_path / "usb"))
    hq.contacts.add({"name": "Legal Aid Cell"})
    sync(hq, usb)
    office.contacts.add({"name": "Sealed contact"})
    assert sync(office, usb).applied == 1  # headquarters' file is kept to pass on
    [own] = sync_dir(office, "outbox").iterdir()
    [passed_on] = sync_dir(office, "relay").iterdir()
    for path in (own, passed_on):
        sealed = path.read_bytes()
        path.write_bytes(sealed[:-1] + bytes([sealed[-1] ^ 0x01]))  # one bit of the seal
    save_target(office, Target("share", "folder", str(tmp_path / "share")))
    page = page_for(office)
    with qtbot.waitSignal(page.sync_finished, timeout=15_000) as finished:
        page.sync_target("share")
    assert isinstance(finished.args[1], Exception)
    error, notice = page.status.text().split("\n")
    assert error.startswith(f"The file {passed_on.name} in the sync folder")
    assert "Delete it and sync again" in error
    assert notice.startswith(f"The file {own.name} in the sync folder")
    assert "It was made again from the same changes" in notice
    # The file made again was sent: headquarters gets the office's change from the share.
    assert sync(hq, target_from_location(str(tmp_path / "share"))).changes == 1
    office.close()
    hq.close()


def test_records_a_sync_brings_in_show_in_the_lists_at_once(qtbot, tmp_path, open_app):
    hq, (delhi,) = make_org(tmp_path, "delhi")
    usb = tmp_path / "usb"
    usb.mkdir()
    hq.contacts.add({"name": "Anti-Trafficking Unit, Patna"})
    sync(hq, target_from_location(str(usb)))
    save_target(delhi, Target("usb", "folder", str(usb)))
    session = open_app(delhi.path)
    contacts = session.window.show_section("contacts")
    names = lambda: {  # noqa: E731 - read what the list shows
        contacts.model.index(r, 0).data() for r in range(contacts.model.rowCount())
    }
    assert "Anti-Trafficking Unit, Patna" not in names()
    page = session.window.show_section("sync")
    with qtbot.waitSignal(page.sync_finished, timeout=15_000):
        page.sync_target("usb")
    qtbot.waitUntil(lambda: "Anti-Trafficking Unit, Patna" in names(), timeout=5_000)
    page.watcher.stop()
    QThreadPool.globalInstance().waitForDone(10_000)
    for p in (hq, delhi):
        p.close()


def test_the_page_names_a_damaged_relay_file_it_did_not_send(qtbot, tmp_path, page_for):
    """An unencrypted office passes Patna's file on; damaged, it is held back, the page says
    which file and what to do, and the office's own file is still sent."""
    from test_sync_cli import _flip_in_changes

    from fieldkit.sync.files import sync_dir

    hq, (office, patna) = make_org(tmp_path, "office", "patna")
    for folder in ("usb", "share"):
        (tmp_path / folder).mkdir()
    usb = target_from_location(str(tmp_path / "usb"))
    patna.contacts.add({"name": "Anti-Trafficking Unit, Patna"})
    sync(patna, usb)
    assert sync(office, usb).applied == 1
    [passed_on] = sync_dir(office, "relay").iterdir()
    _flip_in_changes(passed_on)
    office.contacts.add({"name": "Shelter Home, Okhla"})
    save_target(office, Target("share", "folder", str(tmp_path / "share")))
    page = page_for(office)
    with qtbot.waitSignal(page.sync_finished, timeout=15_000) as finished:
        page.sync_target("share")
    assert finished.args[1].uploaded == 1, page.status.text()
    summary, notice = page.status.text().split("\n")
    assert summary.startswith("Synced with share. Files sent: 1.")
    assert notice.startswith(f"The file {passed_on.name} in the sync folder")
    assert "another device's changes kept to pass on" in notice
    assert "Delete it and sync again" in notice
    assert sync(hq, target_from_location(str(tmp_path / "share"))).changes == 1
    for profile in (hq, office, patna):
        profile.close()
