"""The Leaflets page offscreen: live preview through QtPdf, save, and print the same pages."""

from __future__ import annotations

import pypdf
import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import QThread  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from fieldkit.leaflets.samples import load_samples  # noqa: E402
from fieldkit.ui.leaflets_page import LeafletsPage  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, profile):
    profile.set_settings(leaflet_hotline="1098", leaflet_link="https://example.org/help")
    ids = load_samples(profile, ("en", "ar", "hi"))
    widget = LeafletsPage(profile)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.ids = ids
    return widget


def rerender(qtbot, page, change) -> None:
    with qtbot.waitSignal(page.rendered, timeout=10_000):
        change()


def test_preview_shows_the_rendered_pdf(qtbot, page):
    rerender(qtbot, page, lambda: page.select_content([page.ids["fact"]]))
    assert page.error == ""
    assert page.document.pageCount() == 1
    image = page.document.render(0, page.document.pagePointSize(0).toSize())
    inked = sum(
        image.pixelColor(x, y).alpha() > 0
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )
    assert 0 < inked < image.width() * image.height() / 16 / 2  # text, not a blank or black page
    assert page.save_button.isEnabled() and page.print_button.isEnabled()


def test_rendering_runs_off_the_ui_thread(qtbot, page, monkeypatch):
    from fieldkit.leaflets import api

    threads = []
    build = api.Prepared.build

    def spy(self):
        threads.append(QThread.currentThread())
        return build(self)

    monkeypatch.setattr(api.Prepared, "build", spy)
    rerender(qtbot, page, lambda: page.select_content([page.ids["fact"]]))
    assert threads and threads[0] is not page.thread()


def test_language_paper_and_template_change_the_preview(qtbot, page):
    rerender(qtbot, page, lambda: page.set_choice(page.language, "ru"))
    assert "no Russian version" in page.status.text()  # the fallback is shown
    rerender(qtbot, page, lambda: page.set_choice(page.paper, "letter"))
    assert round(page.document.pagePointSize(0).width()) == 612
    rerender(qtbot, page, lambda: page.set_choice(page.template, "trifold"))
    assert page.document.pageCount() == 2
    rerender(qtbot, page, lambda: page.set_choice(page.template, "letter"))
    assert page.document.pageCount() == 2  # one letter per target


def test_errors_are_shown_not_raised(qtbot, page, profile):
    long_id = profile.materials.add({"kind": "guide", "title": "Long", "body": "Word " * 400})
    rerender(qtbot, page, lambda: page.set_choice(page.template, "wallet-cards"))
    page._template_changed()
    rerender(qtbot, page, lambda: page.select_content([long_id]))
    assert "too long for a wallet card" in page.error
    assert page.result is None and not page.save_button.isEnabled()


def test_save_writes_the_previewed_pdf(qtbot, page, tmp_path):
    rerender(qtbot, page, lambda: page.set_choice(page.language, "ar"))
    out = tmp_path / "leaflet.pdf"
    page.save_to(out)
    assert out.read_bytes() == page.result.pdf
    assert len(pypdf.PdfReader(out).pages) == 1


def test_print_prints_the_same_pages(qtbot, page, tmp_path):
    rerender(qtbot, page, lambda: page.set_choice(page.template, "trifold"))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert page.print_to(printer) == 2
    printed = pypdf.PdfReader(out)
    assert len(printed.pages) == 2
    assert printed.pages[0]["/Resources"]["/XObject"]  # the page image was printed


def test_ui_language_changes_labels_not_the_leaflet(qtbot, page):
    from fieldkit.i18n import set_language, translator
    from fieldkit.leaflets import wording as W

    rerender(qtbot, page, lambda: page.set_choice(page.language, "hi"))
    try:
        set_language("es")
        page.retranslate()
        expected = translator("es").gettext(W.TEMPLATE_NAMES["fact-card"])
        assert page.template.itemText(0) == expected != W.TEMPLATE_NAMES["fact-card"]
        assert page.language.currentData() == "hi"  # the leaflet keeps its own language
    finally:
        set_language("en")


def _pdf_text(path) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _restricted_target(profile, campaign_id: str) -> None:
    official = profile.contacts.add(
        {
            "name": "Joint Secretary Verma",
            "kind": "official",
            "address": "7 Hidden Court, Safe Colony",
            "sensitivity": "restricted",
        }
    )
    profile.add_target(campaign_id, official, "decision maker")


def test_letters_leave_out_restricted_addresses_unless_included(qtbot, page, profile, tmp_path):
    _restricted_target(profile, page.ids["campaign"])
    assert page.include_restricted.isHidden()  # a fact card prints no contact fields
    rerender(qtbot, page, lambda: page.set_choice(page.template, "letter"))
    assert not page.include_restricted.isHidden() and not page.include_restricted.isChecked()
    assert page.restricted_warning.isHidden()
    assert "address was left out" in page.status.text()
    page.save_to(tmp_path / "redacted.pdf")
    redacted = _pdf_text(tmp_path / "redacted.pdf")
    assert "Joint Secretary Verma" in redacted and "Hidden Court" not in redacted

    rerender(qtbot, page, lambda: page.include_restricted.click())
    assert not page.restricted_warning.isHidden()
    assert "addresses will be printed" in page.restricted_warning.text()
    page.save_to(tmp_path / "full.pdf")
    assert "Hidden Court" in _pdf_text(tmp_path / "full.pdf")

    rerender(qtbot, page, lambda: page.set_choice(page.template, "poster"))
    rerender(qtbot, page, lambda: page.set_choice(page.template, "letter"))
    assert not page.include_restricted.isChecked()  # asked again for each letter run


def test_saving_and_printing_in_the_app_are_in_the_audit_log(qtbot, tmp_path, open_app):
    from fieldkit.profile import Profile

    with Profile.create(tmp_path / "office", organization="Office") as p:
        ids = load_samples(p, ("en",))
        _restricted_target(p, ids["campaign"])
    session = open_app(tmp_path / "office")
    leaflets = session.window.show_section("leaflets")
    assert leaflets.ops is session.ops  # writes go through the app's worker
    rerender(qtbot, leaflets, lambda: leaflets.set_choice(leaflets.template, "letter"))
    rerender(qtbot, leaflets, lambda: leaflets.include_restricted.click())
    with qtbot.waitSignal(leaflets.recorded, timeout=10_000):
        leaflets.save_to(tmp_path / "letters.pdf")
    assert "Saved" in leaflets.status.text()
    assert "Hidden Court" in _pdf_text(tmp_path / "letters.pdf")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(leaflets.recorded, timeout=10_000):
        assert leaflets.print_to(printer) == 3
    dialog = session.window.audit_log()
    qtbot.addWidget(dialog)
    dialog.action.setCurrentIndex(dialog.action.findData("print"))
    table = dialog.table
    shown = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert [row[1] for row in shown] == ["Print", "Print"]
    assert shown[0][2] == (
        "Action-alert letter in English, printed: 3 pages and restricted fields included"
    )
    assert shown[1][2].startswith("Action-alert letter in English, saved as a PDF: ")
    everything = " ".join(cell for row in shown for cell in row)
    for content in ("Verma", "Hidden Court", "letters.pdf", "shelters"):
        assert content not in everything
