"""How complete each language is, for the interface and for materials and laws (Settings)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit import content_i18n as ci
from fieldkit.i18n import _, format_percent, native_language_name, ngettext
from fieldkit.profile import Profile


class TranslationStatus(QGroupBox):
    """A table: one row per shipped language, the UI's and the content's completeness."""

    def __init__(self, profile: Profile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("translation_status")
        self.profile = profile
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("translation_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        QVBoxLayout(self).addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Translations"))
        self.table.setHorizontalHeaderLabels(
            [_("Language"), _("User interface"), _("Materials"), _("Laws")]
        )
        self.refresh()

    def refresh(self) -> None:
        """Read the catalogs and the profile again."""
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def rows(self) -> list[list[str]]:
        """The table's text, row by row (what a person reads)."""
        ui = {s.language: s for s in ci.ui_report()}
        content = {(s.entity, s.language): s for s in ci.content_report(self.profile)}
        out = []
        for lang in ci.wanted_languages(self.profile):
            status = ui.get(lang)
            ui_text = format_percent(status.ratio) if status else _("Source language")
            out.append(
                [
                    native_language_name(lang),
                    ui_text,
                    _content_text(content.get(("materials", lang))),
                    _content_text(content.get(("laws", lang))),
                ]
            )
        return out


def _content_text(status: ci.ContentLanguageStatus | None) -> str:
    if status is None or status.total == 0:
        return "—"
    values = {"present": status.present, "total": status.total, "count": status.outdated}
    if not status.outdated:
        return _("%(present)s of %(total)s") % values
    return (
        ngettext(
            "%(present)s of %(total)s · %(count)s outdated",
            "%(present)s of %(total)s · %(count)s outdated",
            status.outdated,
        )
        % values
    )
