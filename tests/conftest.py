"""Shared fixtures: real profiles in real SQLite files under tmp_path."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real platform data folder: logs and default profiles go to a temp dir."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("FIELDKIT_DATA_DIR", str(data))
    monkeypatch.delenv("FIELDKIT_PROFILE", raising=False)
    _english()  # each test starts in English, whatever the one before switched to
    yield data


def _english() -> None:
    from fieldkit import i18n

    if i18n.current_language() != i18n.DEFAULT_LANGUAGE:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def run(tmp_path):
    """``run(*args, input=None)``: the ``fieldkit`` command, in-process, on the profile folder
    ``run.folder`` (made by ``run("init")``)."""
    from click.testing import CliRunner

    from fieldkit.cli import cli

    runner = CliRunner()
    folder = tmp_path / "office"

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, ["--profile", str(folder), *args], input=input)

    invoke.folder = folder
    return invoke


@pytest.fixture
def page_for(qtbot):
    """``page_for(profile)``: a Sync page on ``profile``; its watcher and worker jobs are
    stopped at the end of the test."""
    from PySide6.QtCore import QThreadPool

    from fieldkit.ui.sync_page import SyncPage

    pages = []

    def make(profile):
        page = SyncPage(profile)
        qtbot.addWidget(page)
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.watcher.stop()
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def office(tmp_path):
    """A profile whose default country is India (national numbers read as Indian)."""
    from fieldkit.profile import Profile

    p = Profile.create(tmp_path / "office", organization="Office", device_name="d", country="IN")
    yield p
    p.close()


@pytest.fixture
def profile(tmp_path):
    from fieldkit.profile import Profile

    p = Profile.create(tmp_path / "profile", organization="Test NGO", device_name="laptop")
    yield p
    p.close()


@pytest.fixture
def demo_profile(tmp_path):
    from fieldkit.profile import Profile
    from fieldkit.starter import load_starter

    p = Profile.create(tmp_path / "demo", organization="Demo", device_name="demo")
    load_starter(p)
    yield p
    p.close()


@pytest.fixture
def dated_audit():
    """``audit.record``, then every entry of the store dated 31 March 2024, 14:05:09.123 UTC
    instead of now: a known moment, to check how the audit log shows its times."""
    from fieldkit import audit

    def record(store, action: str, **details) -> None:
        audit.record(store, action, **details)
        with store.write():
            store.conn.execute("UPDATE audit SET at = '2024-03-31T14:05:09.123+00:00'")

    return record


@pytest.fixture
def open_app(qtbot, tmp_path):
    """Open the desktop app on a profile folder, with a temporary QSettings; closed after."""
    from PySide6.QtCore import QSettings

    from fieldkit.ui.app import AppSession, make_application

    make_application()
    sessions = []

    def open_(path, settings_file="settings.ini"):
        settings = QSettings(str(tmp_path / settings_file), QSettings.Format.IniFormat)
        session = AppSession(path, settings)
        session.window.show()
        sessions.append(session)
        return session

    yield open_
    for session in sessions:
        session.close()


@pytest.fixture
def file_keyring(tmp_path):
    """A real keyring backend (keyrings.alt's file keyring) in tmp_path, trusted for one test.

    The backend in use is read first: keyring picks its backend on first use, by priority,
    among the classes defined so far, and would otherwise pick the trusted class below.
    """
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    before = keyring.get_keyring()

    class TrustedFileKeyring(PlaintextKeyring):
        priority = 1  # as trusted as a system keyring, for this test

    backend = TrustedFileKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)
