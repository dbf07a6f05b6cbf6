"""Qt's own strings (message box buttons, file dialogs) in the UI language, and RTL layout.

:func:`install` is called once with the QApplication; from then on every
:func:`fieldkit.i18n.set_language` swaps Qt's translator (the ``qtbase_<lang>.qm``
files PySide6 ships) and mirrors the layout for right-to-left languages.
For the languages Qt ships no translation for (Hindi, Swahili), FieldKit
carries its own for the strings people meet (message box buttons, the file
dialog, text fields' context menus) in ``locales/qt/qtbase_<lang>.ts``.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtCore import Qt as _Qt
from PySide6.QtWidgets import QApplication

from fieldkit import i18n

log = logging.getLogger(__name__)

_state: dict[str, object] = {"translator": None, "installed": False}


def translations_dir() -> Path:
    """Where PySide6 keeps Qt's .qm translations."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def qt_catalog(language: str) -> Path | None:
    """The qtbase catalog for ``language`` (``pt_BR`` before ``pt``), or None.

    PySide6's own first; then FieldKit's (``locales/qt``) for the languages Qt
    does not ship (Hindi, Swahili), built by ``make`` or, failing that, now.
    """
    code = language.replace("-", "_")
    candidates = (code, code.split("_")[0])
    for folder in (translations_dir(), i18n.LOCALE_DIR / "qt"):
        for candidate in candidates:
            path = folder / f"qtbase_{candidate}.qm"
            if path.exists():
                return path
    for candidate in candidates:
        source = i18n.LOCALE_DIR / "qt" / f"qtbase_{candidate}.ts"
        if source.exists():
            return _build(source)
    return None


def _build(source: Path) -> Path | None:
    """Compile a .ts file that `make` has not built yet (a fresh checkout)."""
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if tool is None:
        log.warning("cannot build %s: pyside6-lrelease is missing", source.name)
        return None
    target = Path(tempfile.gettempdir()) / "fieldkit-qt" / source.with_suffix(".qm").name
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [tool, str(source), "-qm", str(target)], capture_output=True, check=False
    )
    if result.returncode != 0 or not target.exists():
        log.warning("cannot build %s (lrelease exit %s)", source.name, result.returncode)
        return None
    log.info("built %s (run `make` to build it once)", target.name)
    return target


def apply_language(language: str, app: QApplication | None = None) -> bool:
    """Translate Qt's own strings and set the layout direction; True if Qt has a catalog."""
    app = app or QApplication.instance()
    if app is None:
        return False
    # One translator for the application's life, emptied and reloaded on each switch
    # (a new QTranslator per switch would pile up objects Qt still holds).
    translator = _state["translator"]
    if translator is None:
        translator = _state["translator"] = QTranslator(app)
    app.removeTranslator(translator)
    found = False
    path = qt_catalog(language) if language != i18n.DEFAULT_LANGUAGE else None
    if path is not None:
        if translator.load(str(path)):
            app.installTranslator(translator)
            found = True
        else:
            log.warning("Qt translation %s could not be loaded", path.name)
    elif language not in (i18n.DEFAULT_LANGUAGE, i18n.PSEUDO_LANGUAGE):
        log.info("Qt ships no translation for %s; its dialog buttons stay in English", language)
    if language != i18n.PSEUDO_LANGUAGE:
        QLocale.setDefault(QLocale(str(i18n.babel_locale(language))))
    app.setLayoutDirection(
        _Qt.LayoutDirection.RightToLeft
        if i18n.is_rtl(language)
        else _Qt.LayoutDirection.LeftToRight
    )
    return found


def install(app: QApplication) -> None:
    """Follow the UI language from now on (idempotent)."""
    apply_language(i18n.current_language(), app)
    if not _state["installed"]:
        i18n.on_language_changed(lambda language: apply_language(language))
        _state["installed"] = True
