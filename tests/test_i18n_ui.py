"""The app in other languages: Qt's own strings, right to left, the pseudo-locale walk."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fieldkit import i18n
from fieldkit.i18n_pseudo import CLOSE, OPEN, write_pseudo_catalog

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.set_language("en")


@pytest.fixture(scope="module")
def pseudo_locales(tmp_path_factory) -> Path:
    """The pseudo-locale built from a fresh extraction of the source (as `make` builds it)."""
    folder = tmp_path_factory.mktemp("locales")
    pot = folder / "fieldkit.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"),
            "-q",
            "extract",
            "-F",
            str(ROOT / "locales" / "babel.cfg"),
            "--no-default-keywords",
            *("-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2"),
            *("-k", "NP_:1c,2"),
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    write_pseudo_catalog(pot, folder / i18n.PSEUDO_LANGUAGE / "LC_MESSAGES" / "fieldkit.po")
    return folder


@pytest.fixture
def pseudo(pseudo_locales, monkeypatch):
    monkeypatch.setattr(i18n, "LOCALE_DIR", pseudo_locales)
    i18n.translator.cache_clear()
    yield
    i18n.translator.cache_clear()


def test_qt_dialog_buttons_follow_the_ui_language(qtbot, open_app, profile):
    from PySide6.QtWidgets import QDialogButtonBox

    session = open_app(profile.path)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    expected = {
        "fr": {"Ouvrir", "Annuler"},
        "ru": {"Открыть", "Отмена"},
        "es": {"Abrir", "Cancelar"},
        "hi": {"खोलें", "रद्द करें"},  # FieldKit's own: PySide6 ships no Hindi
        "sw": {"Fungua", "Ghairi"},  # nor Swahili
        "en": {"Open", "Cancel"},
    }
    for lang, texts in expected.items():
        i18n.set_language(lang)
        fresh = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(fresh)
        assert {b.text().replace("&", "") for b in fresh.buttons()} == texts, lang
    assert session.window.isVisible()


def qt_own_texts(qtbot, folder: Path) -> dict[str, str]:
    """What Qt's own dialogs show: message box buttons, the (non-native) file dialog,
    the context menu of text fields, the wizard's and the progress dialog's buttons."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QFileDialog,
        QLabel,
        QLineEdit,
        QMessageBox,
        QProgressDialog,
        QPushButton,
        QTextEdit,
        QToolButton,
        QTreeView,
        QWizard,
        QWizardPage,
    )

    texts: dict[str, str] = {}
    box = QMessageBox()
    qtbot.addWidget(box)
    for name in (
        "Cancel", "Yes", "No", "Save", "Discard", "Close", "Apply", "Reset", "Help", "Open",
        "Retry", "Ignore", "Abort", "SaveAll", "YesToAll", "NoToAll", "RestoreDefaults",
    ):  # fmt: skip
        texts[f"box {name}"] = box.addButton(getattr(QMessageBox.StandardButton, name)).text()

    dialog = QFileDialog(None, "", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    for label in dialog.findChildren(QLabel):
        if label.objectName() in ("lookInLabel", "fileNameLabel", "fileTypeLabel"):
            texts[label.objectName()] = label.text()
    for button in dialog.findChildren(QToolButton):
        if button.toolTip():
            texts[button.objectName()] = button.toolTip()
    for number, button in enumerate(dialog.findChildren(QPushButton)):
        texts[f"file dialog button {number}"] = button.text()
    for number, action in enumerate(a for a in dialog.findChildren(QAction) if a.text()):
        texts[f"file dialog action {number}"] = action.text()
    tree = dialog.findChild(QTreeView, "treeView")
    model, root = tree.model(), tree.rootIndex()
    for column in range(model.columnCount(root)):
        texts[f"column {column}"] = model.headerData(column, Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: model.rowCount(tree.rootIndex()) > 0)
    texts["folder type"] = model.data(model.index(0, 2, tree.rootIndex()))
    dialog.close()

    for name, widget in (("line edit", QLineEdit()), ("text edit", QTextEdit())):
        qtbot.addWidget(widget)
        menu = widget.createStandardContextMenu()
        for number, action in enumerate(a for a in menu.actions() if a.text()):
            texts[f"{name} menu {number}"] = action.text().split("\t")[0]
    wizard = QWizard()
    wizard.addPage(QWizardPage())
    qtbot.addWidget(wizard)
    for which in ("BackButton", "NextButton", "FinishButton", "CancelButton", "HelpButton"):
        texts[f"wizard {which}"] = wizard.button(getattr(QWizard.WizardButton, which)).text()
    progress = QProgressDialog()
    qtbot.addWidget(progress)
    texts["progress cancel"] = progress.findChild(QPushButton).text()
    return texts


# Words that each language writes as English does.
SAME_AS_ENGLISH = {
    "es": {"box No"},
    "fr": {"column 2"},  # "Type"
}
# One message box button and the file dialog's first label, as each language shows them.
QT_EXPECTED = {
    "es": ("&Sí", "&Ver en:"),
    "fr": ("&Oui", "&Voir dans\xa0:"),
    "pt_BR": ("&Sim", "&Procurar em:"),
    "ar": ("&نعم", "ا&عثر في:"),
    "hi": ("&हाँ", "&यहाँ देखें:"),  # FieldKit's own catalog: PySide6 ships no Hindi
    "sw": ("&Ndiyo", "&Tazama katika:"),  # nor Swahili
    "ru": ("&Да", "&Перейти к:"),
}


@pytest.mark.parametrize("lang", list(QT_EXPECTED))
def test_qt_message_box_file_dialog_and_menus_in_every_language(qtbot, tmp_path, lang):
    from PySide6.QtWidgets import QApplication

    from fieldkit.ui import qt_i18n

    (tmp_path / "folder").mkdir()
    qt_i18n.install(QApplication.instance())
    english = qt_own_texts(qtbot, tmp_path)
    assert english["box Yes"] == "&Yes" and english["lookInLabel"] == "&Look in:"
    i18n.set_language(lang)
    shown = qt_own_texts(qtbot, tmp_path)
    assert shown.keys() == english.keys()
    left = sorted(
        f"{key}: {english[key]}"
        for key in english
        if shown[key] == english[key] and key not in SAME_AS_ENGLISH.get(lang, ())
    )
    assert left == [], f"{lang}: Qt strings still in English"
    assert (shown["box Yes"], shown["lookInLabel"]) == QT_EXPECTED[lang]


def test_qt_catalog_built_from_source_when_make_has_not(tmp_path, monkeypatch):
    import shutil

    from fieldkit.ui import qt_i18n

    (tmp_path / "qt").mkdir()
    shutil.copy(ROOT / "locales" / "qt" / "qtbase_sw.ts", tmp_path / "qt")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    built = qt_i18n.qt_catalog("sw")
    assert built is not None and built.suffix == ".qm" and built.stat().st_size > 1000
    assert qt_i18n.qt_catalog("fr").parent == qt_i18n.translations_dir()
    assert qt_i18n.qt_catalog("xh") is None  # no catalog at all: Qt stays in English
    stale = tmp_path / "qt" / "qtbase_sw.qm"
    stale.write_bytes(b"built before the .ts was edited")
    os.utime(stale, ns=(1, 1))
    fresh = qt_i18n.qt_catalog("sw")
    assert fresh != stale and fresh.stat().st_size > 1000  # an edited .ts is built again
    assert qt_i18n.qt_extra_catalog("es") is None  # no additions here: Qt's catalog alone


def test_arabic_lays_the_window_out_right_to_left(qtbot, open_app, profile):
    from PySide6.QtCore import QPoint, Qt

    profile.set_settings(language="ar")
    session = open_app(profile.path)
    window = session.window
    qtbot.waitExposed(window)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    sidebar_x = window.sidebar.mapTo(window, QPoint(0, 0)).x()
    stack_x = window.stack.mapTo(window, QPoint(0, 0)).x()
    assert sidebar_x > stack_x, "the sidebar is on the right"
    assert sidebar_x + window.sidebar.width() > window.width() - 40
    assert window.sidebar.item(0).text() == "جهات الاتصال"

    # Back to English without restarting: the layout mirrors back and the text follows.
    i18n.set_language("en")
    qtbot.waitUntil(lambda: window.layoutDirection() == Qt.LayoutDirection.LeftToRight)
    qtbot.waitUntil(
        lambda: (
            window.sidebar.mapTo(window, QPoint(0, 0)).x()
            < window.stack.mapTo(window, QPoint(0, 0)).x()
        )
    )
    assert window.sidebar.item(0).text() == "Contacts"


def test_language_switches_from_settings_without_restart(qtbot, open_app, profile):
    from PySide6.QtCore import Qt

    session = open_app(profile.path)
    window = session.window
    page = window.show_section("settings")
    page.language.setCurrentIndex(page.language.findData("ar"))
    page.save_button.click()
    qtbot.waitUntil(lambda: i18n.current_language() == "ar", timeout=5000)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.sidebar.item(7).text() == "الإعدادات"
    assert page.save_button.text() == "حفظ الإعدادات"
    header = page.translation_status.table.horizontalHeaderItem(1).text()
    assert header == "واجهة المستخدم"


def test_settings_shows_translation_completeness(qtbot, open_app, profile):
    en = profile.materials.add(
        {"kind": "fact_card", "title": "Hotline", "group_id": "g", "lang": "en"}
    )
    profile.materials.add({"kind": "fact_card", "title": "Línea", "group_id": "g", "lang": "es"})
    profile.materials.update(en, {"title": "The hotline"})
    session = open_app(profile.path)
    page = session.window.show_section("settings")
    rows = {row[0]: row for row in page.translation_status.rows()}
    assert rows["español"][1] == "100%"
    assert rows["español"][2] == "1 of 1 · 1 outdated"
    assert rows["English"][2] == "1 of 1"
    assert rows["Kiswahili"][2] == "0 of 1"
    assert rows["English"][3] == "—"  # no laws yet
    table = page.translation_status.table
    assert table.rowCount() == len(i18n.LANGUAGES)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "31 mars 2024, 14:05:09"),
        ("hi", "31 मार्च 2024, 2:05:09 pm"),
        ("en", "Mar 31, 2024, 2:05:09\u202fPM"),
    ],
)
def test_audit_log_times_follow_the_ui_language(
    qtbot, profile, lang, expected, monkeypatch, dated_audit
):
    from fieldkit.ui.audit_dialog import AuditDialog

    monkeypatch.setenv("TZ", "UTC")  # times are shown in this computer's zone
    dated_audit(profile.store, "export", entity="contacts", rows=3)
    i18n.set_language(lang)
    dialog = AuditDialog(profile)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 0).text() == expected


def test_audit_log_in_french_and_local_time(qtbot, profile, monkeypatch, dated_audit):
    """Details as French phrases with French digit grouping; the UTC time shown in local time."""
    from fieldkit.ui.audit_dialog import AuditDialog

    monkeypatch.setenv("TZ", "America/Sao_Paulo")  # UTC-3 all year
    dated_audit(
        profile.store,
        "import",
        entity="contacts",
        format="google",
        created=1200,
        updated=3,
        rejected=0,
    )
    dated_audit(profile.store, "sync", direction="in", kind="changes", changes=1, conflicts=2)
    i18n.set_language("fr")
    dialog = AuditDialog(profile)
    qtbot.addWidget(dialog)
    table = dialog.table
    shown = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert shown[0][:2] == ["31 mars 2024, 11:05:09", "Synchronisation"]
    assert shown[0][2] == "Paquet de modifications reçu : 1 modification et 2 conflits"
    assert shown[1][2] == (
        "Importation de contacts : 1\u202f200 créés, 3 mis à jour et 0 rejeté "
        "(format Google Contacts)"
    )


def test_translation_side_by_side_with_outdated_warning(qtbot, open_app, profile):
    en = profile.laws.add(
        {
            "title": "Palermo Protocol",
            "jurisdiction": "intl",
            "kind": "treaty",
            "group_id": "p",
            "lang": "en",
            "summary": "Defines trafficking in persons.",
        }
    )
    ar = profile.laws.add(
        {
            "title": "بروتوكول باليرمو",
            "jurisdiction": "intl",
            "kind": "treaty",
            "group_id": "p",
            "lang": "ar",
            "summary": "يعرّف الاتجار بالأشخاص.",
        }
    )
    profile.laws.update(en, {"summary": "Defines trafficking in persons (art. 3)."})
    session = open_app(profile.path)
    page = session.window.show_section("laws")
    assert page.select(ar)
    dialog = page.compare_translation()
    qtbot.addWidget(dialog)
    assert dialog.warning.isVisibleTo(dialog)
    assert "art. 3" in dialog.panes[0].toPlainText()
    assert "بروتوكول باليرمو" in dialog.panes[1].toPlainText()
    assert dialog.languages_label.text() == "Available in: English, العربية"
    from PySide6.QtCore import Qt

    assert dialog.panes[1].layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.close()
    assert page.select(en)
    source_dialog = page.compare_translation()
    qtbot.addWidget(source_dialog)
    assert not source_dialog.warning.isVisibleTo(source_dialog)


# --- the pseudo-locale walk ------------------------------------------------------------


def _visible_texts(window) -> list[tuple[str, str, object]]:
    """(kind, text, widget) for every text a person can see in the window."""
    out = _widget_texts(window)
    for menu_action in window.menuBar().actions():
        out.append(("menu", menu_action.text(), window.menuBar()))
        menu = menu_action.menu()
        if menu is not None:
            out += [("action", a.text(), menu) for a in menu.actions() if a.text()]
    for row in range(window.sidebar.count()):
        out.append(("sidebar", window.sidebar.item(row).text(), window.sidebar))
    return out


def _widget_texts(window) -> list[tuple[str, str, object]]:
    """(kind, text, widget) for the labels, buttons, placeholders and headers of a widget."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QGroupBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QTabWidget,
    )

    out: list[tuple[str, str, object]] = []
    for widget in window.findChildren(QLabel):
        if widget.isVisibleTo(window) and widget.text().strip():
            out.append(("label", widget.text(), widget))
    for widget in window.findChildren(QAbstractButton):
        if widget.isVisibleTo(window) and widget.text().strip():
            kind = "qt button" if _standard_button(widget) else "button"
            out.append((kind, widget.text(), widget))
    for widget in window.findChildren(QLineEdit):
        if widget.isVisibleTo(window) and widget.placeholderText():
            out.append(("placeholder", widget.placeholderText(), widget))
    for widget in window.findChildren(QGroupBox):
        if widget.isVisibleTo(window) and widget.title():
            out.append(("group", widget.title(), widget))
    for widget in window.findChildren(QTabWidget):
        if widget.isVisibleTo(window):
            out += [("tab", widget.tabText(i), widget) for i in range(widget.count())]
    for header in window.findChildren(QHeaderView):
        model = header.model()
        if not header.isVisibleTo(window) or model is None:
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
            if isinstance(text, str) and text:
                out.append(("header", text, header))
    return out


def _filter_texts(window) -> list[tuple[str, str, object]]:
    """The filter choices of the current list page (combo boxes show their current text)."""
    page = window.current_page()
    combos = getattr(page, "filters", {}).values()
    return [("combo", c.currentText(), c) for c in combos if c.isVisibleTo(window)]


def _standard_button(button) -> bool:
    """A button of a QDialogButtonBox that Qt names itself (Save, Cancel): Qt translates it."""
    from PySide6.QtWidgets import QDialogButtonBox

    box = button.parent()
    return (
        isinstance(box, QDialogButtonBox)
        and box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    )


def _untranslated(texts, allowed: set[str]) -> list[tuple[str, str]]:
    """Texts with letters that are not wrapped by the pseudo-locale (and are not data)."""
    bad = []
    for kind, text, _widget in texts:
        if kind == "qt button" or OPEN in text or text in allowed:
            continue
        if not any(c.isalpha() for c in text):
            continue
        bad.append((kind, text))
    return bad


def _cut_off(texts) -> list[tuple[str, str]]:
    """Single-line labels and buttons whose text is wider than the room they have."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QStyle

    bad = []
    for kind, text, widget in texts:
        if kind == "label" and isinstance(widget, QLabel) and not widget.wordWrap():
            plain = text.replace("&", "") if widget.buddy() else text
            if "<" in plain or "\n" in plain:
                continue
            need = widget.fontMetrics().horizontalAdvance(plain)
            if need > widget.contentsRect().width() + 1:
                bad.append((kind, text))
        elif kind == "combo" and isinstance(widget, QComboBox):
            arrow = widget.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 12
            if widget.fontMetrics().horizontalAdvance(text) > widget.width() - arrow:
                bad.append((kind, text))
        elif kind in ("button", "qt button") and isinstance(widget, QAbstractButton):
            if widget.sizeHint().width() > widget.width() + 1:
                bad.append((kind, text))
        elif CLOSE not in text and OPEN in text:
            bad.append((kind, text))
    return bad


def test_pseudo_locale_every_page_translated_and_nothing_cut_off(qtbot, open_app, profile, pseudo):
    profile.set_settings(organization="Shakti Vahini", language=i18n.PSEUDO_LANGUAGE)
    session = open_app(profile.path)
    window = session.window
    qtbot.waitExposed(window)
    assert window.size().width() >= 1000  # the default size, nothing remembered
    data = {"Shakti Vahini", "FieldKit"}
    problems: dict[str, list] = {}
    for name in window.section_names():
        window.show_section(name)
        for _attempt in range(20):  # let a page built just now finish its layout
            qtbot.wait(25)
            texts = _visible_texts(window) + _filter_texts(window)
            untranslated = _untranslated(texts, data)
            cut = _cut_off(texts)
            if not untranslated and not cut:
                break
        assert texts, name
        if untranslated or cut:
            problems[name] = {"untranslated": untranslated, "cut off": cut}
    assert not problems, problems
    assert window.windowTitle().startswith(OPEN)


def test_pseudo_locale_list_cells_show_choices_translated_and_dates_formatted(
    qtbot, open_app, demo_profile, pseudo
):
    import re

    from PySide6.QtCore import Qt

    from fieldkit.data import entities as E

    demo_profile.outreach.add(
        {
            "contact_id": demo_profile.contacts.list(limit=1)[0]["id"],
            "channel": "meeting",
            "date": "2024-03-31",
        }
    )
    demo_profile.set_settings(language=i18n.PSEUDO_LANGUAGE)
    session = open_app(demo_profile.path)
    checked = 0
    for name in ("contacts", "campaigns", "outreach", "materials", "laws"):
        page = session.window.show_section(name)
        model = page.table.model()
        kinds = [page.entity.field(c).kind for c in model.columns]
        for row in range(model.rowCount()):
            for column, kind in enumerate(kinds):
                text = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                if not text:
                    continue
                if kind == E.ENUM:
                    assert text.startswith(OPEN), (name, text)
                    checked += 1
                elif kind == E.DATE:
                    assert not re.fullmatch(r"\d{4}-\d\d-\d\d", text), (name, text)
                    checked += 1
    assert checked > 10


def test_pseudo_locale_dialogs_translated_and_nothing_cut_off(
    qtbot, open_app, demo_profile, pseudo
):
    """The record forms of every list, Log outreach, the global search, the audit log, About."""
    demo_profile.set_settings(language=i18n.PSEUDO_LANGUAGE)
    session = open_app(demo_profile.path)
    window = session.window
    dialogs = {}
    for name in ("contacts", "campaigns", "outreach", "materials", "laws"):
        dialogs[f"new {name}"] = window.show_section(name).new_record()
    dialogs["log outreach"] = window.show_section("contacts").log_outreach()
    dialogs["search"] = window.global_search()
    dialogs["audit log"] = window.audit_log()
    dialogs["about"] = window.about()
    problems = {}
    for name, dialog in dialogs.items():
        qtbot.waitExposed(dialog)
        texts = _widget_texts(dialog)
        assert texts, name
        data = {"FieldKit", "YYYY-MM-DD"}  # the product's name; the date format the field takes
        untranslated = [
            (kind, text)
            for kind, text in _untranslated(texts, data)
            if not (kind == "label" and _is_data(text))
        ]
        cut = _cut_off(texts)
        if untranslated or cut:
            problems[name] = {"untranslated": untranslated, "cut off": cut}
        assert dialog.windowTitle().startswith(OPEN) or name == "about", name
        dialog.close()
    assert not problems, problems


def _is_data(text: str) -> bool:
    """Version numbers, licence file names and library names in the About box are data."""
    return bool(re.fullmatch(r"[\w .,:;()/+-]*\d[\w .,:;()/+-]*", text)) or text.endswith(".txt")


@pytest.mark.parametrize("lang", [lang for lang in i18n.LANGUAGES if lang != "en"])
def test_every_language_fits_the_default_window(qtbot, open_app, profile, lang):
    """Real translations are longer or taller than English: nothing may be cut off."""
    from PySide6.QtWidgets import QListWidget

    profile.set_settings(language=lang)
    session = open_app(profile.path)
    window = session.window
    qtbot.waitExposed(window)
    problems = {}
    metrics = window.sidebar.fontMetrics()
    room = window.sidebar.viewport().width() - 2 * window.sidebar.spacing() - 8
    too_wide = [
        window.sidebar.item(row).text()
        for row in range(window.sidebar.count())
        if metrics.horizontalAdvance(window.sidebar.item(row).text()) > room
    ]
    if too_wide:
        problems["sidebar"] = too_wide
    for name in window.section_names():
        window.show_section(name)
        for _attempt in range(20):
            qtbot.wait(25)
            cut = _cut_off(_widget_texts(window.current_page()) + _filter_texts(window))
            if not cut:
                break
        if cut:
            problems[name] = cut
    assert isinstance(window.sidebar, QListWidget)
    assert not problems, problems


def test_many_qt_calls_do_not_abort_the_app(tmp_path):
    """PySide6 6.12 drops a reference to None (or True/False) on many calls: switching
    language a few hundred times must not end in 'Fatal Python error: none_dealloc'."""
    script = (
        "from PySide6.QtWidgets import QComboBox, QLabel\n"
        "from fieldkit.ui.app import make_application\n"
        "app = make_application()\n"
        "label, combo = QLabel(), QComboBox()\n"
        "combo.addItems(['a', 'b'])\n"
        "for i in range(60000):\n"
        "    label.setText('x'); label.setVisible(False); combo.setCurrentIndex(i % 2)\n"
        "print('done', flush=True)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDKIT_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.stdout.strip() == "done"
    assert result.returncode == 0, result.stderr[-500:]
