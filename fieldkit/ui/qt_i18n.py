"""Qt's own strings (message box buttons, file dialogs) in the UI language, and RTL layout.

:func:`install` is called once with the QApplication; from then on every
:func:`fieldkit.i18n.set_language` swaps Qt's translator (the ``qtbase_<lang>.qm``
files PySide6 ships) and mirrors the layout for right-to-left languages.
For the languages Qt ships no translation for (Hindi, Swahili), FieldKit
carries its own for the strings people meet (message box buttons, the file
dialog, text fields' context menus, the wizard, the print dialog and its Printer
Properties, page size names, key names in shortcuts) in
``locales/qt/qtbase_<lang>.ts``. Strings that Qt's own catalogs lack (Qt 6.12's
file dialog and Printer Properties labels gained mnemonics its translations do
not have yet) are in ``locales/qt/qtbase_extra_<lang>.ts``, loaded over Qt's
catalog.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtCore import Qt as _Qt
from PySide6.QtWidgets import QApplication

from fieldkit import i18n

log = logging.getLogger(__name__)

_state: dict[str, object] = {"translator": None, "extra": None, "installed": False}


def translations_dir() -> Path:
    """Where PySide6 keeps Qt's .qm translations."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def qt_catalog(language: str) -> Path | None:
    """The qtbase catalog for ``language`` (``pt_BR`` before ``pt``), or None.

    PySide6's own first; then FieldKit's (``locales/qt``) for the languages Qt
    does not ship (Hindi, Swahili), built by ``make`` or, failing that, now.
    """
    candidates = _candidates(language)
    for candidate in candidates:
        path = translations_dir() / f"qtbase_{candidate}.qm"
        if path.exists():
            return path
    return _own_catalog("qtbase", candidates)


def qt_extra_catalog(language: str) -> Path | None:
    """FieldKit's additions to Qt's catalog for ``language`` (strings Qt's lacks), or None."""
    return _own_catalog("qtbase_extra", _candidates(language))


def _candidates(language: str) -> tuple[str, ...]:
    code = language.replace("-", "_")
    return (code, code.split("_")[0])


def _own_catalog(prefix: str, candidates: tuple[str, ...]) -> Path | None:
    """``locales/qt/<prefix>_<lang>.qm`` as `make` built it, or built now from its .ts
    when it is missing or older than the .ts (a fresh checkout, an edited .ts)."""
    folder = i18n.LOCALE_DIR / "qt"
    for candidate in candidates:
        source = folder / f"{prefix}_{candidate}.ts"
        built = source.with_suffix(".qm")
        if built.exists() and not _newer(source, built):
            return built
        if source.exists():
            return _build(source)
    return None


def _newer(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_mtime_ns > b.stat().st_mtime_ns
    except OSError:
        return False


def _build(source: Path) -> Path | None:
    """Compile a .ts file that `make` has not built yet (a fresh checkout)."""
    import shutil  # only on a fresh checkout: not worth their import at every start
    import subprocess
    import tempfile

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
    extra = _state["extra"]
    if extra is None:
        extra = _state["extra"] = QTranslator(app)
    app.removeTranslator(extra)
    app.removeTranslator(translator)
    found = False
    path = qt_catalog(language) if language != i18n.DEFAULT_LANGUAGE else None
    if path is not None:
        if translator.load(str(path)):
            app.installTranslator(translator)
            found = True
        else:
            log.warning("Qt translation %s could not be loaded", path.name)
    extra_path = qt_extra_catalog(language) if language != i18n.DEFAULT_LANGUAGE else None
    if extra_path is not None:
        # Installed last, so it is asked first; what it lacks falls through to Qt's.
        if extra.load(str(extra_path)):
            app.installTranslator(extra)
        else:
            log.warning("Qt translation %s could not be loaded", extra_path.name)
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
