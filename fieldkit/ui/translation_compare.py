"""A translation side by side with its source, with the languages the text exists in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit import content_i18n as ci
from fieldkit.data import entities as E
from fieldkit.i18n import _, is_rtl, native_language_name
from fieldkit.profile import Profile
from fieldkit.text import one_line, printable
from fieldkit.ui.pages.base import EntityPage


def _as_text(value: object) -> str:
    """A stored value as read in a pane: one list item a line, control characters and bidi
    overrides shown as U+FFFD (the panes are for reading; the editor keeps the stored text)."""
    if isinstance(value, list):
        return "\n".join(f"• {one_line(str(item))}" for item in value)
    return "" if value is None else printable(str(value))


def _language(code: str | None) -> str:
    """A text's language by its own name; an unknown code as it is, on one line."""
    return one_line(native_language_name(ci.lang_key(code)))


class TranslationCompareDialog(QDialog):
    """Source on one side, translation on the other; a warning when the source is newer."""

    def __init__(self, profile: Profile, entity: str, row_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("translation_compare")
        self.entity = E.ENTITIES[entity]
        group = ci.group_of(profile, entity, row_id)
        self.source, self.translation, self.outdated = ci.side_by_side(profile, entity, row_id)
        self.languages = group.languages
        self.languages_label = QLabel()
        self.languages_label.setObjectName("languages")
        self.languages_label.setTextFormat(Qt.TextFormat.PlainText)  # codes come from records
        self.languages_label.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("outdated_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.warning.setVisible(self.outdated)
        self.headers = [QLabel(), QLabel()]
        for header in self.headers:
            header.setTextFormat(Qt.TextFormat.PlainText)
        self.panes = [self._pane(self.source), self._pane(self.translation)]
        grid = QGridLayout()
        for column, (header, pane) in enumerate(zip(self.headers, self.panes, strict=True)):
            header.setObjectName(("source", "translation")[column] + "_header")
            grid.addWidget(header, 0, column)
            grid.addWidget(pane, 1, column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.languages_label)
        layout.addWidget(self.warning)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.retranslate()

    def _pane(self, row: dict) -> QPlainTextEdit:
        pane = QPlainTextEdit()
        pane.setReadOnly(True)
        lang = ci.lang_key(row.get("lang"))
        # Each text keeps its own direction: an Arabic translation reads right to left.
        pane.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if is_rtl(lang) else Qt.LayoutDirection.LeftToRight
        )
        return pane

    def retranslate(self) -> None:
        self.setWindowTitle(_("Translation and its source"))
        names = ", ".join(_language(lang) for lang in self.languages)
        self.languages_label.setText(_("Available in: %(languages)s") % {"languages": names})
        self.warning.setText(
            _(
                "The source was changed after this translation was made: "
                "compare them and bring the translation up to date."
            )
        )
        for header, pane, row, title in zip(
            self.headers,
            self.panes,
            (self.source, self.translation),
            (_("Source (%(language)s)"), _("Translation (%(language)s)")),
            strict=True,
        ):
            header.setText(title % {"language": _language(row["lang"])})
            pane.setPlainText(self._text(row))

    def _text(self, row: dict) -> str:
        parts = []
        for name in ci.TEXT_FIELDS[self.entity.name]:
            value = _as_text(row.get(name))
            if value:
                parts.append(f"{_(self.entity.field(name).label)}\n{value}")
        return "\n\n".join(parts)


class TranslatablePage(EntityPage):
    """A list of materials or laws: adds a button that opens the side-by-side view.

    A subclass of the page rather than a mixin: PySide6 crashes at exit when a
    plain Python class comes before a Qt class among a widget's bases.
    """

    def extra_buttons(self) -> list[QPushButton]:
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("compareTranslation")
        self.compare_button.clicked.connect(self.compare_translation)
        return [*super().extra_buttons(), self.compare_button]

    def retranslate(self) -> None:
        super().retranslate()
        self.compare_button.setText(_("Compare with &source…"))

    def compare_translation(self) -> TranslationCompareDialog | None:
        record_id = self.current_id()
        if not record_id:
            return None
        dialog = TranslationCompareDialog(self.ctx.profile, self.entity_name, record_id, self)
        dialog.open()
        return dialog
