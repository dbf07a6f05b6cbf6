"""Qt's own strings in every language: the print dialog and its Printer Properties, page
size names, key names in shortcuts, the file dialog's column menu.

PySide6 ships no Qt catalog for Hindi or Swahili: FieldKit's own are
locales/qt/qtbase_{hi,sw}.ts; what Qt's other catalogs lack is in qtbase_extra_<lang>.ts.
"""

from __future__ import annotations

import re

import pytest

from fieldkit import i18n

pytestmark = pytest.mark.gui

LANGS = ["es", "fr", "pt_BR", "ar", "hi", "sw", "ru"]


@pytest.fixture(autouse=True)
def _qt_follows_the_ui_language(qapp):
    from fieldkit.ui import qt_i18n

    qt_i18n.install(qapp)
    yield
    i18n.set_language("en")


def _texts(prefix: str, window, out: dict[str, str]) -> None:
    """The texts a person sees in ``window``: title, labels, buttons, group boxes, tabs,
    combo box choices, spin box units and tooltips, keyed by object name."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QDoubleSpinBox,
        QGroupBox,
        QLabel,
        QSpinBox,
        QTabWidget,
        QWidget,
    )

    out[f"{prefix}title"] = window.windowTitle()
    for number, widget in enumerate(window.findChildren(QWidget)):
        if not widget.isVisibleTo(window):
            continue
        key = f"{prefix}{widget.objectName() or number}"
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            out[key] = widget.text()
        elif isinstance(widget, QGroupBox) and widget.title():
            out[key] = widget.title()
        elif isinstance(widget, QComboBox):
            for row in range(widget.count()):
                out[f"{key}[{row}]"] = widget.itemText(row)
        elif isinstance(widget, QTabWidget):
            for tab in range(widget.count()):
                if widget.isTabVisible(tab):
                    out[f"{key}[{tab}]"] = widget.tabText(tab)
        elif isinstance(widget, QSpinBox | QDoubleSpinBox) and widget.suffix():
            out[f"{key} unit"] = widget.suffix()
        if widget.toolTip():
            out[f"{key} tip"] = widget.toolTip()


def _every_tab(prefix: str, window, out: dict[str, str]) -> None:
    from PySide6.QtWidgets import QApplication, QTabWidget

    _texts(prefix, window, out)
    for tabs in window.findChildren(QTabWidget):
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            QApplication.processEvents()
            _texts(f"{prefix}{tabs.objectName()}{tab} ", window, out)


def print_dialog_texts(qtbot) -> dict[str, str]:
    """What Qt's print dialog shows (options open, every tab), and its Printer Properties
    dialog (the Properties button: page size, orientation, margins, job options)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QApplication, QPushButton

    texts: dict[str, str] = {}
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    _texts("print ", dialog, texts)
    options = [b for b in dialog.findChildren(QPushButton) if ">>" in b.text()]
    assert len(options) == 1
    options[0].click()
    _every_tab("print options ", dialog, texts)

    shown: list[object] = []

    def read_properties(attempts: int = 50) -> None:
        properties = QApplication.activeModalWidget()
        if properties is None and attempts:
            QTimer.singleShot(20, lambda: read_properties(attempts - 1))
            return
        try:
            shown.append(properties)
            _every_tab("properties ", properties, texts)
        finally:
            if properties is not None:
                properties.reject()

    QTimer.singleShot(0, read_properties)
    dialog.findChild(QPushButton, "properties").click()  # modal: returns once read
    assert shown and shown[0] is not None, "the Printer Properties dialog did not open"
    dialog.reject()
    return texts


def _is_page_size(key: str) -> bool:
    return key.startswith("properties") and "pageSizeCombo" in key


# Words each language writes as English does (Qt's own catalogs agree).
PRINT_SAME_AS_ENGLISH = {
    "fr": {"Copies", "Options", "&Options >>", "&Options <<", "Pages", "Page", "Orientation",
           "Portrait", "Standard", "Secret", "Pica (P̸)", "Didot (DD)"},
    "es": {"Color", "Didot (DD)", "Cicero (CC)"},
    "pt_BR": {"Didot (DD)"},
    "sw": {"Didot (DD)", "Cicero (CC)"},  # typographers' names
}  # fmt: skip
# The Printer Properties dialog's title and a few of its words, as each language shows them.
PROPERTIES_EXPECTED = {
    "hi": ("प्रिंटर के गुण", {"खड़ा", "आड़ा", "हाशिए", "पन्नों का &क्रम:"}),
    "sw": ("Sifa za printa", {"Wima", "Mlalo", "Pambizo", "&Mfuatano wa kurasa:"}),
    "fr": ("Propriétés de l'imprimante", {"Paysage", "&Ordre des pages\xa0:"}),
    "ru": ("Свойства принтера", {"Альбомная", "&Порядок страниц:"}),
}


@pytest.mark.parametrize("lang", LANGS)
def test_print_dialog_and_printer_properties_in_every_language(qtbot, lang):
    english = print_dialog_texts(qtbot)
    assert english["properties title"] == "Printer Properties"
    assert {"Portrait", "Landscape", "Margins", "Page &order:"} <= set(english.values())
    i18n.set_language(lang)
    shown = print_dialog_texts(qtbot)
    assert shown.keys() == english.keys()
    left = sorted(
        {
            f"{key}: {english[key]}"
            for key in english
            if shown[key] == english[key]
            and re.search(r"[A-Za-z][a-z]{2}", english[key])  # words, not "mm" or "A4"
            and english[key] not in PRINT_SAME_AS_ENGLISH.get(lang, ())
            and not _is_page_size(key)
        }
    )
    assert left == [], f"{lang}: Qt strings still in English"
    if lang in PROPERTIES_EXPECTED:
        title, words = PROPERTIES_EXPECTED[lang]
        assert shown["properties title"] == title
        assert words <= set(shown.values())


def test_page_sizes_in_hindi_and_swahili(qtbot):
    english = {k: v for k, v in print_dialog_texts(qtbot).items() if _is_page_size(k)}
    assert "Envelope DL" in english.values() and "Letter / ANSI A" in english.values()
    i18n.set_language("hi")
    hindi = print_dialog_texts(qtbot)
    # Every name with a word in it is in Devanagari; codes (A4, JIS B5, ANSI C) and
    # unit symbols ("7 x 9 in") are written as they are.
    left = [v for k, v in english.items() if hindi[k] == v and re.search(r"[A-Za-z][a-z]{2}", v)]
    assert left == []
    assert {"लेटर / ANSI A", "लिफ़ाफ़ा DL", "कस्टम", "A4"} <= set(hindi.values())
    i18n.set_language("sw")
    swahili = set(print_dialog_texts(qtbot).values())
    # The words are translated; the names of paper formats stay as they are.
    assert {"Bahasha DL", "Maalum", "Postikadi", "Letter / ANSI A", "A4"} <= swahili
    assert "Envelope DL" not in swahili


def test_key_names_in_shortcuts_follow_the_ui_language(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    native = QKeySequence.SequenceFormat.NativeText

    def shown(keys: str) -> str:
        return QKeySequence(keys).toString(native)

    assert shown("Ctrl+S") == "Ctrl+S"
    i18n.set_language("hi")
    assert shown("Ctrl+S") == "कंट्रोल+S"
    assert shown("Ctrl+Shift+H") == "कंट्रोल+शिफ़्ट+H"
    assert shown("Alt+Left") == "ऑल्ट+बायाँ तीर"
    assert [shown(k) for k in ("Del", "Return", "Esc", "Space")] == [
        "डिलीट",
        "रिटर्न",
        "एस्केप",
        "स्पेस",
    ]
    # Shortcuts written in English in the code still mean the same keys in Hindi, and
    # the Hindi names read back as the same keys.
    ctrl_shift_h = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_H)
    assert QKeySequence("Ctrl+Shift+H") == ctrl_shift_h
    assert QKeySequence("कंट्रोल+शिफ़्ट+H") == ctrl_shift_h
    assert QKeySequence("Alt+1") == QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_1)

    i18n.set_language("sw")
    # Swahili keeps the labels printed on the keys and translates keys named by a word.
    assert shown("Ctrl+S") == "Ctrl+S"
    assert shown("Alt+Left") == "Alt+Kushoto"
    assert shown("Ctrl+Space") == "Ctrl+Nafasi"
    i18n.set_language("en")
    assert shown("Alt+Left") == "Alt+Left"


def test_menus_and_list_search_name_keys_in_the_ui_language(qtbot, open_app, profile):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    native = QKeySequence.SequenceFormat.NativeText
    profile.set_settings(language="hi")  # the window's shortcuts are made in Hindi
    session = open_app(profile.path)
    window = session.window
    page = window.show_section("contacts")
    assert page.search.placeholderText() == "संपर्क में खोजें… (कंट्रोल+F)"
    assert window.act_search.shortcut().toString(native) == "कंट्रोल+K"
    assert window.act_sections[2].shortcut().toString(native) == "ऑल्ट+3"
    # Shortcuts written in English in the code still work in Hindi.
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)  # keys reach the window
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_dialog is not None and window.search_dialog.isVisible())
    window.search_dialog.close()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_section() == "outreach")
    i18n.set_language("en")  # without restart
    assert page.search.placeholderText() == "Search contacts… (Ctrl+F)"
    assert window.act_search.shortcut().toString(native) == "Ctrl+K"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["Show Size", "Show Type", "Show Date Modified"]),
        ("hi", ["दिखाएँ: आकार", "दिखाएँ: प्रकार", "दिखाएँ: बदलाव की तारीख़"]),
        ("sw", ["Onyesha Ukubwa", "Onyesha Aina", "Onyesha Tarehe ya kubadilishwa"]),
    ],
)
def test_file_dialog_column_menu(qtbot, tmp_path, lang, expected):
    """The menu on the file dialog's column headers: Qt builds each entry as
    tr("Show ") + the column's name (QFileDialog), so Hindi puts the verb first."""
    from PySide6.QtWidgets import QFileDialog, QTreeView

    i18n.set_language(lang)
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    header = dialog.findChild(QTreeView, "treeView").header()
    assert [action.text() for action in header.actions()] == expected
