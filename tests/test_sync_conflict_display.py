"""Conflicts as people read them, in the review dialog and in ``fieldkit conflicts list``:
a record deleted on one device and edited on another, a sensitivity, a date and the
languages spoken, in words of the UI language rather than stored codes."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel
from test_sync_helpers import make_org

from fieldkit import i18n
from fieldkit.cli import cli
from fieldkit.sync.conflicts import list_conflicts
from fieldkit.sync.exchange import export_changes, import_bytes

pytestmark = pytest.mark.gui


@pytest.fixture
def delhi(tmp_path):
    """The Delhi device after Patna's changes came in: four conflicts (``deleted``,
    ``sensitivity`` and ``languages`` of a contact, ``start_date`` of a campaign)."""
    hq, (delhi, patna) = make_org(tmp_path, "delhi", "patna")
    cid = delhi.contacts.add({"name": "Inspector", "sensitivity": "normal", "languages": ["hi"]})
    camp = delhi.campaigns.add({"title": "Stop the trade", "start_date": "2024-01-15"})
    import_bytes(patna, export_changes(delhi))
    delhi.contacts.delete(cid)
    patna.contacts.update(cid, {"sensitivity": "restricted", "languages": ["en", "hi"]})
    patna.campaigns.update(camp, {"start_date": "2024-02-01"})
    delhi.contacts.restore(cid)
    delhi.contacts.update(cid, {"sensitivity": "local-only", "languages": ["sw"]})
    delhi.campaigns.update(camp, {"start_date": "2024-03-31"})
    patna.contacts.delete(cid)
    import_bytes(delhi, export_changes(patna))
    assert {c["field"] for c in list_conflicts(delhi)} == {
        "deleted",
        "sensitivity",
        "languages",
        "start_date",
    }
    yield delhi
    for p in (hq, delhi, patna):
        p.close()


SHOWN = {
    "en": {
        ("Contact: Inspector", "Deleted", frozenset({"Yes", "No"})),
        ("Contact: Inspector", "Sensitivity", frozenset({"Local only", "Restricted"})),
        ("Contact: Inspector", "Languages spoken", frozenset({"Swahili", "English, Hindi"})),
        ("Campaign: Stop the trade", "Start date", frozenset({"Mar 31, 2024", "Feb 1, 2024"})),
    },
    "fr": {
        ("Contact : Inspector", "Supprimé", frozenset({"Oui", "Non"})),
        ("Contact : Inspector", "Confidentialité", frozenset({"Local uniquement", "Restreint"})),
        (
            "Contact : Inspector",
            "Langues parlées",
            frozenset({"swahili", "anglais, hindi"}),
        ),
        ("Campagne : Stop the trade", "Date de début", frozenset({"31 mars 2024", "1 févr. 2024"})),
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_review_dialog_shows_fields_and_values_in_words(qtbot, delhi, language):
    from fieldkit.ui.sync_page import SyncPage

    i18n.set_language(language)
    page = SyncPage(delhi)
    qtbot.addWidget(page)
    try:
        dialog = page.show_conflicts()
        table = dialog.table
        shown = {
            (
                table.item(row, 0).text(),
                table.item(row, 1).text(),
                frozenset(
                    dialog.findChild(QLabel, f"value-{side}-{row}").text()
                    for side in ("kept", "lost")
                ),
            )
            for row in range(table.rowCount())
        }
        assert shown == SHOWN[language]
    finally:
        page.watcher.stop()
        QThreadPool.globalInstance().waitForDone(10_000)


def test_conflicts_list_says_deleted_in_words(delhi):
    result = CliRunner().invoke(cli, ["--profile", str(delhi.path), "conflicts", "list"])
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if " Deleted " in line]
    assert line.split()[-2:] in (["Yes", "No"], ["No", "Yes"])
