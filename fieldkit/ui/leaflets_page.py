"""The Leaflets section: pick a template, its content, a language and a paper size; see a
live preview (QtPdf), save the PDF or print the same pages.

The profile is read on the UI thread (a few rows); the PDF is laid out on a pool thread
(QThreadPool) by the core's leaflet engine, which touches no database. Saving and printing
are noted in the audit log by the core call the command line uses
(:func:`fieldkit.leaflets.save_pdf`, :func:`fieldkit.leaflets.record_print`), run on the
app's worker, the one thread that writes (``ops``).

Letters print their targets' addresses: a ``restricted`` target's address is left out
unless "Include restricted fields" is ticked, which shows a warning.
"""

from __future__ import annotations

import logging
from pathlib import Path

from babel import Locale
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import FieldKitError
from fieldkit.i18n import N_, _, ngettext
from fieldkit.leaflets import (
    LANGUAGES,
    RenderResult,
    prepare,
    prepare_letters,
    record_print,
    save_pdf,
    templates,
)
from fieldkit.text import one_line, printable

log = logging.getLogger(__name__)
RENDER_DELAY_MS = 250  # wait for the user to stop clicking before rendering
TITLE_FIELD = {"materials": "title", "laws": "title", "campaigns": "title"}
FORM_LABELS = (N_("Template"), N_("Content"), N_("Language"), N_("Paper"))


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _RenderTask(QRunnable):
    """Builds a prepared leaflet on a pool thread; reports back through signals."""

    def __init__(self, generation: int, prepared, signals: _Signals):
        super().__init__()
        self.generation = generation
        self.prepared = prepared
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.prepared.build()
        except FieldKitError as exc:
            self.signals.failed.emit(self.generation, str(exc))
        except Exception:  # noqa: BLE001 - a bug must not take the app down
            log.exception("leaflet rendering failed")
            self.signals.failed.emit(
                self.generation, _("The leaflet could not be made. Details are in the log file.")
            )
        else:
            self.signals.done.emit(self.generation, result)


class LeafletsPage(QWidget):
    """Template, content, language and paper on the left; the live preview on the right."""

    rendered = Signal()  # a new preview is shown (or an error instead)
    recorded = Signal()  # a save or print is done and in the audit log (or failed)

    def __init__(self, profile, parent: QWidget | None = None, *, ops=None):
        super().__init__(parent)
        self.profile = profile
        self.ops = ops  # the worker's queue; without it (the page alone) writes use ``profile``
        self.setObjectName("page_leaflets")
        self.result: RenderResult | None = None
        self.result_details: dict = {}  # what the audit log says of the previewed leaflet
        self._request: dict = {}
        self.error = ""
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._timer = QTimer(self, singleShot=True, interval=RENDER_DELAY_MS)
        self._timer.timeout.connect(self.render_now)
        self._buffer: QBuffer | None = None

        self.template = QComboBox(objectName="template")
        for name in templates.NAMES:
            self.template.addItem("", name)
        self.content = QListWidget(objectName="content")
        self.language = QComboBox(objectName="language")
        for code in LANGUAGES:
            self.language.addItem(Locale.parse(code).get_display_name(code) or code, code)
        self.paper = QComboBox(objectName="paper")
        self.paper.addItem("", "a4")
        self.paper.addItem("", "letter")
        self.include_restricted = QCheckBox(objectName="include_restricted")
        self.restricted_warning = QLabel(objectName="restricted_warning", wordWrap=True)
        self.restricted_warning.setStyleSheet("color: #b00020;")
        self.restricted_warning.hide()
        self.save_button = QPushButton(objectName="save")
        self.print_button = QPushButton(objectName="print")
        self.status = QLabel(objectName="status", wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # messages quote record titles
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        self._labels = {}
        for field, widget in (
            (FORM_LABELS[0], self.template),
            (FORM_LABELS[1], self.content),
            (FORM_LABELS[2], self.language),
            (FORM_LABELS[3], self.paper),
        ):
            self._labels[field] = QLabel()
            form.addRow(self._labels[field], widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addLayout(form)
        side_layout.addWidget(self.include_restricted)
        side_layout.addWidget(self.restricted_warning)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.status)

        self.document = QPdfDocument(self)
        self.preview = QPdfView(self, objectName="preview")
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.template.currentIndexChanged.connect(self._template_changed)
        self.content.itemChanged.connect(lambda _item: self.schedule())
        self.language.currentIndexChanged.connect(lambda _i: self.schedule())
        self.paper.currentIndexChanged.connect(lambda _i: self.schedule())
        self.include_restricted.toggled.connect(self._restricted_toggled)
        self.save_button.clicked.connect(self._ask_save)
        self.print_button.clicked.connect(self._ask_print)
        language = profile.setting("language") or "en"
        if language in LANGUAGES:
            self.language.setCurrentIndex(LANGUAGES.index(language))
        self.retranslate()
        self._template_changed()

    def retranslate(self) -> None:
        """Labels in the current UI language (the leaflet keeps its own language)."""
        for text, label in self._labels.items():
            label.setText(_(text))
        for i, name in enumerate(templates.NAMES):
            self.template.setItemText(i, templates.label(name))
        self.paper.setItemText(0, _("A4"))
        self.paper.setItemText(1, _("Letter (US)"))
        self.include_restricted.setText(_("Include restricted fields"))
        self.include_restricted.setToolTip(
            _("Print the address of targets whose sensitivity is restricted.")
        )
        self.restricted_warning.setText(
            _(
                "Restricted targets' addresses will be printed. Keep these pages inside "
                "the organisation."
            )
        )
        self.save_button.setText(_("Save as PDF…"))
        self.print_button.setText(_("Print…"))

    # --- choices ----------------------------------------------------------------

    def _template_changed(self) -> None:
        module = templates.get(self.template.currentData())
        # Only letters print contact fields; the choice is made again for each letter run.
        self.include_restricted.blockSignals(True)
        self.include_restricted.setChecked(False)
        self.include_restricted.blockSignals(False)
        self.include_restricted.setVisible(module.CONTENT == "campaigns")
        self.restricted_warning.hide()
        self.content.blockSignals(True)
        self.content.clear()
        rows = self.profile.records(module.CONTENT).list(order_by="title", limit=500)
        for number, row in enumerate(rows):
            label = one_line(row[TITLE_FIELD[module.CONTENT]] or "")
            if row.get("lang"):
                label = f"{label} ({row['lang']})"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            first = number == 0 and module.NEEDS_CONTENT
            item.setCheckState(Qt.CheckState.Checked if first else Qt.CheckState.Unchecked)
            self.content.addItem(item)
        self.content.blockSignals(False)
        self.schedule()

    def _restricted_toggled(self, checked: bool) -> None:
        self.restricted_warning.setVisible(checked)
        self.schedule()

    def select_content(self, ids: list[str]) -> None:
        """Tick exactly these records (the rest are unticked)."""
        self.content.blockSignals(True)
        for i in range(self.content.count()):
            item = self.content.item(i)
            ticked = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.content.blockSignals(False)
        self.schedule()

    def selected_ids(self) -> list[str]:
        return [
            self.content.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.content.count())
            if self.content.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_choice(self, combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(combo.findData(value))

    # --- rendering ----------------------------------------------------------------

    def schedule(self) -> None:
        """Render again shortly (clicks in a row make one render)."""
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self._timer.start()

    def render_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        template = self.template.currentData()
        options = {"language": self.language.currentData(), "paper": self.paper.currentData()}
        self._request = {"generation": self._generation, "template": template}
        try:
            if template == "letter":
                ids = self.selected_ids()
                if not ids:
                    raise FieldKitError(_("Tick the campaign to write letters for."))
                included = self.include_restricted.isChecked()
                self._request["included_restricted"] = included
                prepared = prepare_letters(
                    self.profile, ids[0], include_restricted=included, **options
                )
            else:
                prepared = prepare(self.profile, template, self.selected_ids(), **options)
        except FieldKitError as exc:
            self._on_failed(self._generation, str(exc))
            return
        self.status.setText(_("Making the preview…"))
        self._pool.start(_RenderTask(self._generation, prepared, self._signals))

    def _on_done(self, generation: int, result: RenderResult) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.result = result
        self.result_details = {k: v for k, v in self._request.items() if k != "generation"}
        self.error = ""
        self._show_pdf(result.pdf)
        summary = ngettext(
            "%(pages)d page, %(seconds).2f s", "%(pages)d pages, %(seconds).2f s", result.pages
        ) % {"pages": result.pages, "seconds": result.seconds}
        self.status.setText("\n".join([*(printable(w) for w in result.warnings), summary]))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.rendered.emit()

    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.result = None
        self.error = message
        self.document.close()
        self.status.setText(printable(message))
        self.rendered.emit()

    def _show_pdf(self, pdf: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    # --- saving and printing --------------------------------------------------------

    def _ask_save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), f"{self.template.currentData()}.pdf", _("PDF files (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Write the previewed PDF and note it in the audit log (on the worker)."""
        if self.result is None:
            return
        result, details = self.result, dict(self.result_details)
        template = details.pop("template")
        self._write(
            lambda profile: save_pdf(profile, result, path, template, **details),
            _("Saved %(path)s.") % {"path": path},
        )

    def _write(self, fn, done_text: str) -> None:
        """Run an audited core call where the app writes: on the worker when there is one."""

        def done(_result=None) -> None:
            self.status.setText(done_text)
            self.recorded.emit()

        def failed(exc: BaseException) -> None:
            from fieldkit.ui.errors import message_for

            self.status.setText(message_for(exc))
            self.recorded.emit()

        if self.ops is not None:
            self.ops.run(lambda profile, job: fn(profile), on_success=done, on_failure=failed)
            return
        try:
            fn(self.profile)
        except Exception as exc:  # noqa: BLE001 - shown, never raised into Qt
            failed(exc)
        else:
            done()

    def _ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed pages (the same PDF) on ``printer``; returns the pages printed."""
        pages = self.document.pageCount()
        if self.result is None or pages == 0:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(_("The printer could not be started."))
            return 0
        dpi = min(printer.resolution(), 300)
        first = max(printer.fromPage(), 1) - 1
        last = (printer.toPage() or pages) - 1
        printed = 0
        for page in range(first, min(last, pages - 1) + 1):
            if printed:
                printer.newPage()
            size = self.document.pagePointSize(page)
            image = self.document.render(
                page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
            )
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
            printed += 1
        painter.end()
        result, details = self.result, dict(self.result_details)
        template = details.pop("template")
        self._write(
            lambda profile: record_print(
                profile, result, template, destination="printer", pages=printed, **details
            ),
            ngettext(
                "Sent %(pages)d page to the printer.",
                "Sent %(pages)d pages to the printer.",
                printed,
            )
            % {"pages": printed},
        )
        return printed
