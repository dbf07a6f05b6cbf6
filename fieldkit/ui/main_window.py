"""The main window: a sidebar of sections, the global search, shortcuts, remembered layout."""

from __future__ import annotations

import contextlib
import importlib
import logging
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from fieldkit import i18n
from fieldkit.i18n import N_, _, current_language, on_language_changed
from fieldkit.text import one_line
from fieldkit.ui.context import AppContext
from fieldkit.ui.languages import is_rtl
from fieldkit.ui.pages.base import EntityPage
from fieldkit.ui.pages.placeholder import PlaceholderPage

if TYPE_CHECKING:
    from fieldkit.ui.about import AboutDialog
    from fieldkit.ui.backups_dialog import BackupsDialog
    from fieldkit.ui.search_dialog import SearchDialog

log = logging.getLogger(__name__)

SECTIONS = (
    ("contacts", N_("Contacts")),
    ("campaigns", N_("Campaigns")),
    ("outreach", N_("Outreach")),
    ("materials", N_("Materials")),
    ("laws", N_("Laws")),
    ("leaflets", N_("Leaflets")),
    ("sync", N_("Sync")),
    ("settings", N_("Settings")),
)
# Sections written elsewhere in FieldKit: (module, class), taking the reading profile
# (and ``ops=``, the worker's queue, when the class accepts it).
EXTERNAL = {
    "leaflets": ("fieldkit.ui.leaflets_page", "LeafletsPage"),
    "sync": ("fieldkit.ui.sync_page", "SyncPage"),
}


def _page_factory(name: str) -> Callable[[AppContext], QWidget]:
    if name == "contacts":
        from fieldkit.ui.pages.contacts import ContactsPage as page
    elif name == "campaigns":
        from fieldkit.ui.pages.campaigns import CampaignsPage as page
    elif name == "outreach":
        from fieldkit.ui.pages.outreach import OutreachPage as page
    elif name == "materials":
        from fieldkit.ui.pages.materials import MaterialsPage as page
    elif name == "laws":
        from fieldkit.ui.pages.laws import LawsPage as page
    elif name == "settings":
        from fieldkit.ui.pages.settings import SettingsPage as page
    else:
        return _external(name)
    return page


def _external(name: str) -> Callable[[AppContext], QWidget]:
    module_name, class_name = EXTERNAL[name]
    title = dict(SECTIONS)[name]
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            log.warning("section %s unavailable: %s", name, type(exc).__name__)
        return lambda ctx: PlaceholderPage(title)
    except Exception as exc:  # a broken optional section must not stop the app
        log.warning("section %s failed to load: %s", name, type(exc).__name__)
        return lambda ctx: PlaceholderPage(title)
    import inspect

    if "ops" in inspect.signature(cls).parameters:  # writes can then go through the worker
        return lambda ctx: cls(ctx.profile, ops=ctx.ops)
    return lambda ctx: cls(ctx.profile)


class MainWindow(QMainWindow):
    """Pages are built when first shown, so start-up does not pay for every section."""

    first_shown = Signal()

    def __init__(self, ctx: AppContext, settings: QSettings | None = None):
        super().__init__()
        self._shown_once = False
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.settings = settings or QSettings()
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(160)
        for _name, _title in SECTIONS:
            self.sidebar.addItem("")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for _i in SECTIONS:
            self.stack.addWidget(QWidget())
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.search_dialog: SearchDialog | None = None
        self._make_actions()
        self.retranslate()
        self._alive = True
        ref = weakref.WeakMethod(self._language_changed)
        self._listener = lambda language: (method := ref()) and method(language)
        on_language_changed(self._listener)
        self._apply_direction(current_language())
        self._restore()

    # --- sections -----------------------------------------------------------------

    def section_names(self) -> list[str]:
        return [name for name, _t in SECTIONS]

    def page(self, name: str) -> QWidget:
        """The page of a section, built on first use."""
        if name not in self.pages:
            row = self.section_names().index(name)
            page = _page_factory(name)(self.ctx)
            old = self.stack.widget(row)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(row, page)
            self.pages[name] = page
        return self.pages[name]

    def show_section(self, name: str) -> QWidget:
        self.sidebar.setCurrentRow(self.section_names().index(name))
        return self.page(name)

    def current_section(self) -> str:
        return self.section_names()[max(0, self.sidebar.currentRow())]

    def current_page(self) -> QWidget:
        return self.page(self.current_section())

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        name = self.section_names()[row]
        self.page(name)
        self.stack.setCurrentIndex(row)
        self.settings.setValue("window/section", name)

    # --- actions -----------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(name, shortcut, slot) -> QAction:
            act = QAction(self)
            act.setObjectName(name)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        std = QKeySequence.StandardKey
        self.act_new = action("actionNew", std.New, self.new_record)
        self.act_find = action("actionFind", std.Find, self.find)
        self.act_search = action("actionSearch", QKeySequence("Ctrl+K"), self.global_search)
        self.act_undo = self.ctx.undo.createUndoAction(self)
        self.act_undo.setObjectName("actionUndo")
        self.act_undo.setShortcut(std.Undo)
        self.act_redo = self.ctx.undo.createRedoAction(self)
        self.act_redo.setObjectName("actionRedo")
        self.act_redo.setShortcut(std.Redo)
        self.act_quit = action("actionQuit", std.Quit, self.close)
        self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_about = action("actionAbout", None, self.about)
        self.act_audit = action("actionAudit", None, self.audit_log)
        self.act_backups = action("actionBackups", None, self.show_backups)
        self.act_sections = []
        for i, (name, _title) in enumerate(SECTIONS):
            self.act_sections.append(
                action(
                    f"section_{name}",
                    QKeySequence(f"Alt+{i + 1}"),
                    lambda _c=False, n=name: self.show_section(n),
                )
            )
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.act_new, self.act_backups, self.act_audit, self.act_quit])
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.act_undo, self.act_redo, self.act_find, self.act_search])
        self.go_menu = bar.addMenu("")
        self.go_menu.addActions(self.act_sections)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.act_about)

    def new_record(self) -> None:
        page = self.current_page()
        if isinstance(page, EntityPage):
            page.new_record()

    def find(self) -> None:
        page = self.current_page()
        if isinstance(page, EntityPage):
            page.focus_search()
        else:
            self.global_search()

    def global_search(self) -> SearchDialog:
        from fieldkit.ui.search_dialog import SearchDialog

        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.ctx.profile, self)
            self.search_dialog.chosen.connect(self.open_record)
        self.search_dialog.query.selectAll()
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.query.setFocus()
        return self.search_dialog

    def open_record(self, entity: str, record_id: str) -> None:
        page = self.show_section(entity)
        if isinstance(page, EntityPage):
            page.open_record(record_id)

    def audit_log(self):
        """The audit log: imports, exports, syncs, restores (no record contents)."""
        from fieldkit.ui.audit_dialog import AuditDialog

        dialog = AuditDialog(self.ctx.profile, self)
        dialog.open()
        return dialog

    def show_backups(self) -> BackupsDialog:
        """The profile's backups: back up now, or restore one (on the worker)."""
        from fieldkit.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.ctx, self)
        dialog.restored.connect(self.settings_restored)
        dialog.open()
        return dialog

    def settings_restored(self) -> None:
        """A restore brought back older settings: show them (the organisation in the title,
        the Settings page's fields)."""
        self.retranslate()
        settings = self.pages.get("settings")
        if settings is not None:
            settings.load()

    def about(self) -> AboutDialog:
        from fieldkit.ui.about import AboutDialog

        dialog = AboutDialog(self)
        dialog.open()
        return dialog

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        organization = one_line(self.ctx.profile.setting("organization") or "")
        self.setWindowTitle(
            _("FieldKit — %(organization)s")
            % {"organization": organization or _("no organisation")}
        )
        for row, (_name, title) in enumerate(SECTIONS):
            self.sidebar.item(row).setText(_(title))
            self.act_sections[row].setText(_(title))
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.go_menu.setTitle(_("&Go"))
        self.help_menu.setTitle(_("&Help"))
        self.act_new.setText(_("&New"))
        self.act_find.setText(_("&Find in this list"))
        self.act_search.setText(_("&Search everything"))
        self.act_undo.setText(_("&Undo"))
        self.act_redo.setText(_("&Redo"))
        self.act_quit.setText(_("&Quit"))
        self.act_about.setText(_("&About FieldKit"))
        self.act_audit.setText(_("Audit &log"))
        self.act_backups.setText(_("&Backups…"))
        for page in self.pages.values():
            if hasattr(page, "retranslate"):
                page.retranslate()
        if self.search_dialog is not None:
            self.search_dialog.retranslate()

    def _language_changed(self, language: str) -> None:
        if not self._alive:
            return
        self._apply_direction(language)
        with contextlib.suppress(RuntimeError):  # the window was already deleted
            self.retranslate()

    def shutdown(self) -> None:
        """Stop listening for language changes (the profile is about to close)."""
        self._alive = False
        remove = getattr(i18n, "remove_language_listener", None)
        if remove is not None:
            remove(self._listener)

    @staticmethod
    def _apply_direction(language: str) -> None:
        app = QApplication.instance()
        if app is not None:
            app.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if is_rtl(language)
                else Qt.LayoutDirection.LeftToRight
            )

    # --- remembered layout -----------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)
        section = self.settings.value("window/section") or "contacts"
        names = self.section_names()
        self.sidebar.setCurrentRow(names.index(section) if section in names else 0)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown.emit()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/section", self.current_section())
        self.settings.sync()
        super().closeEvent(event)
