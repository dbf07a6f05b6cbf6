"""The worker: long jobs off the UI thread, a late progress dialog, cancel undoes all."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from fieldkit.errors import StoreError

pytestmark = pytest.mark.gui


def _many(n: int):
    for i in range(n):
        yield {"name": f"Imported person {i}", "country": "KE", "tags": ["import"]}


def test_cancel_a_long_job_leaves_the_store_unchanged(qtbot, open_app, demo_profile):
    before = demo_profile.contacts.count()
    session = open_app(demo_profile.path)
    cancelled = []

    def long_import(profile, job):
        return profile.contacts.add_many(
            _many(200_000), progress=job.progress, cancelled=job.cancelled, total=200_000, batch=500
        )

    job = session.ops.run(
        long_import, title="Importing", cancellable=True, on_cancel=lambda: cancelled.append(1)
    )
    assert session.ops.progress_dialog(job) is None  # not before half a second
    qtbot.waitUntil(lambda: session.ops.progress_dialog(job) is not None, timeout=3000)
    dialog = session.ops.progress_dialog(job)
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)
    (cancel,) = dialog.findChildren(QPushButton)
    assert cancel.text() == "Cancel"
    cancel.click()
    qtbot.waitUntil(lambda: cancelled == [1], timeout=10_000)
    assert not session.ops.busy
    assert demo_profile.contacts.count() == before
    assert demo_profile.contacts.count({"tag": "import"}) == 0


def test_a_short_job_shows_no_progress_dialog(qtbot, open_app, demo_profile):
    session = open_app(demo_profile.path)
    results = []
    job = session.ops.run(lambda profile, job: profile.contacts.count(), on_success=results.append)
    qtbot.waitUntil(lambda: results == [demo_profile.contacts.count()])
    qtbot.wait(600)
    assert session.ops.progress_dialog(job) is None
    assert not session.window.findChildren(type(session.window), "progressDialog")


@pytest.fixture
def log_file(_isolated_data_dir):
    """The data folder's log file, set up as the app does; logging put back afterwards."""
    import logging

    from fieldkit import logs

    root = logging.getLogger("fieldkit")
    saved = (list(root.handlers), root.level, root.propagate, logs._configured)
    path = logs.setup_logging(_isolated_data_dir / "logs")
    yield path
    for handler in root.handlers:
        handler.close()
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    root.propagate = saved[2]
    logs._configured = saved[3]


def test_errors_become_a_dialog_and_the_log_holds_no_contents(
    qtbot, open_app, demo_profile, log_file
):
    session = open_app(demo_profile.path)

    def fails(profile, job):
        raise StoreError("The disk is full: nothing was saved.")

    session.ops.run(fails)
    qtbot.waitUntil(lambda: session.window.findChild(QMessageBox, "errorDialog") is not None)
    box = session.window.findChild(QMessageBox, "errorDialog")
    assert box.text() == "The disk is full: nothing was saved."
    box.setObjectName("seen")
    box.close()

    def bug(profile, job):
        profile.contacts.add({"name": "Secret Witness Name"})
        raise RuntimeError("internal")

    session.ops.run(bug)
    qtbot.waitUntil(lambda: session.window.findChild(QMessageBox, "errorDialog") is not None)
    box = session.window.findChild(QMessageBox, "errorDialog")
    assert "Something went wrong" in box.text() and "Traceback" not in box.text()
    assert str(log_file) in box.text()
    text = log_file.read_text(encoding="utf-8")
    assert "RuntimeError" in text
    assert "Secret Witness Name" not in text
