"""Translations (gettext catalogs in ``locales/``) and the current UI language.

Modules import ``_``, ``N_`` and ``ngettext`` from here, never from builtins::

    from fieldkit.i18n import _, N_, ngettext

``_`` translates into the current UI language, which :func:`set_language`
changes at run time. Code that renders in a language of its own (a Hindi
leaflet printed from an English UI) asks for :func:`translator` instead.

Dates, numbers, country and language names are formatted here too, through
babel, in the UI language (or the language given), never with ``strftime``.
"""

from __future__ import annotations

import datetime as _dt
import gettext as _gettext
import io
import logging
import os
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

# babel.dates and babel.numbers are imported where they are used: babel.dates reads the
# system's time zone on import, which the app's start does not need.

log = logging.getLogger(__name__)

DOMAIN = "fieldkit"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
DEFAULT_LANGUAGE = "en"
# The UI languages FieldKit ships (English is the source text).
LANGUAGES = ("en", "es", "fr", "pt_BR", "ar", "hi", "sw", "ru")
# A generated pseudo-locale for testing: every string wrapped and accented.
PSEUDO_LANGUAGE = "en_001"  # babel knows it (World English), no one ships it

_current: _gettext.NullTranslations = _gettext.NullTranslations()
_current_language = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def _catalog_paths(language: str) -> tuple[Path, Path]:
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    return folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"


def _newer(a: Path, b: Path) -> bool:
    """True when ``a`` exists and was changed after ``b`` (a .po edited since `make`)."""
    try:
        return a.stat().st_mtime_ns > b.stat().st_mtime_ns
    except OSError:
        return False


def _compile_po(po_path: Path) -> _gettext.GNUTranslations:
    """Compile a .po file in memory (a checkout where `make` has not built the .mo yet)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


@cache
def translator(language: str) -> _gettext.NullTranslations:
    """The catalog for ``language``; English (the source text) if it is missing or broken.

    A missing or unreadable catalog is logged as a warning and never raised:
    the app keeps working in English.
    """
    if language in ("", DEFAULT_LANGUAGE):
        return _gettext.NullTranslations()
    mo_path, po_path = _catalog_paths(language)
    try:
        if mo_path.exists() and not _newer(po_path, mo_path):
            with mo_path.open("rb") as handle:
                return _gettext.GNUTranslations(handle)
        if po_path.exists():
            log.info("catalog for %s is not compiled (run `make`); compiling it now", language)
            return _compile_po(po_path)
        # Let gettext find a more general catalog (pt for pt_PT, for example).
        return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
    except FileNotFoundError:
        log.warning("no catalog for language %s; using English", language)
    except Exception as exc:  # a truncated or corrupt catalog must never stop the app
        log.warning(
            "catalog for language %s is unreadable (%s); using English",
            language,
            type(exc).__name__,
        )
    return _gettext.NullTranslations()


def set_language(language: str) -> None:
    """Switch the UI language; listeners (the Qt layer) are told."""
    global _current, _current_language
    _current = translator(language)
    _current_language = language or DEFAULT_LANGUAGE
    for listener in list(_listeners):
        listener(_current_language)


def current_language() -> str:
    return _current_language


# Where gettext looks for the user's language, in this order; the first one set is used.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _shipped(entry: str) -> str | None:
    """The UI language for one locale name (``fr_FR.UTF-8`` → ``fr``), or None."""
    code = entry.split(".", 1)[0].split("@", 1)[0].replace("-", "_").strip()
    language, _sep, territory = code.partition("_")
    language = language.lower()
    if not language:
        return None
    if f"{language}_{territory.upper()}" in LANGUAGES:
        return f"{language}_{territory.upper()}"
    if language in LANGUAGES:
        return language
    # A language FieldKit has in one variant only (pt_PT and pt read pt_BR).
    return next((code for code in LANGUAGES if code.split("_")[0] == language), None)


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The user's language from the locale variables, if FieldKit speaks it; else None.

    As gettext does, the first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``
    that is set decides; it may list several languages (``LANGUAGE=sw:fr``), and the first
    one FieldKit speaks wins. ``C`` or ``POSIX`` means the source text, English.
    """
    environ = os.environ if environ is None else environ
    value = next((environ[name] for name in LOCALE_VARIABLES if environ.get(name)), "")
    for entry in value.split(":"):
        if entry.split(".", 1)[0] in ("C", "POSIX"):
            return DEFAULT_LANGUAGE
        language = _shipped(entry)
        if language:
            return language
    return None


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The language to speak before a profile is open, one of :data:`LANGUAGES`:
    ``FIELDKIT_LANGUAGE`` when set (``fr_FR.UTF-8`` is ``fr``; one FieldKit does not speak
    is English), else the user's system language (:func:`system_language`), else English.

    ``fieldkit init`` gives a new profile this language, so it is always one FieldKit ships.
    """
    environ = os.environ if environ is None else environ
    chosen = environ.get("FIELDKIT_LANGUAGE")
    if chosen:
        return _shipped(chosen) or DEFAULT_LANGUAGE
    return system_language(environ) or DEFAULT_LANGUAGE


def on_language_changed(listener: Callable[[str], None]) -> None:
    """Call ``listener(language)`` after every :func:`set_language`."""
    _listeners.append(listener)


def remove_language_listener(listener: Callable[[str], None]) -> None:
    """Stop telling ``listener`` (a closed window) about language changes."""
    if listener in _listeners:
        _listeners.remove(listener)


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, when shown."""
    return message


# --- locale data through babel ---------------------------------------------------


def babel_locale(language: str | None = None) -> Locale:
    """The babel Locale for ``language`` (default: the UI language); English if unknown."""
    return _locale((language or _current_language).replace("-", "_"))


@cache
def _locale(code: str) -> Locale:
    if code == PSEUDO_LANGUAGE:
        return Locale("en")
    try:
        return Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return Locale("en")


def text_direction(language: str | None = None) -> str:
    """``"rtl"`` or ``"ltr"`` for ``language`` (default: the UI language)."""
    return babel_locale(language).text_direction


def is_rtl(language: str | None = None) -> bool:
    return text_direction(language) == "rtl"


def language_name(code: str, language: str | None = None) -> str:
    """The name of language ``code`` in ``language`` (default: the UI language)."""
    if code == PSEUDO_LANGUAGE:
        return "[Ƥšéûđô]"
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(babel_locale(language))
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


def native_language_name(code: str) -> str:
    """The name of a language in itself (“العربية”, “हिन्दी”), for a language picker."""
    return language_name(code, code)


def country_name(code: str, language: str | None = None) -> str:
    """The name of country ``code`` (ISO 3166 alpha-2) in the UI language."""
    if not code:
        return ""
    if code.lower() == "intl":
        return _("International")
    return babel_locale(language).territories.get(code.upper(), code)


def countries(language: str | None = None) -> list[tuple[str, str]]:
    """``(code, name)`` for every country, sorted by name in the UI language."""
    territories = babel_locale(language).territories
    items = [(code, name) for code, name in territories.items() if len(code) == 2]
    return sorted(items, key=lambda item: item[1].casefold())


def format_date(
    value: _dt.date | str | None, format: str = "medium", language: str | None = None
) -> str:
    """A date (or ISO date string) as people write it in the UI language."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = _dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    from babel import dates

    return dates.format_date(value, format=format, locale=babel_locale(language))


def format_datetime(
    value: _dt.datetime | str | None,
    format: str = "medium",
    language: str | None = None,
    tzinfo: _dt.tzinfo | None = None,
) -> str:
    """A date and time (or ISO string) in the UI language.

    A time that knows its zone (FieldKit stores UTC) is shown in ``tzinfo``, by default
    this computer's zone (:func:`local_timezone`); a time without a zone is shown as it is.
    """
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = _dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    from babel import dates

    if tzinfo is None and value.tzinfo is not None:
        tzinfo = local_timezone()
    return dates.format_datetime(value, format=format, tzinfo=tzinfo, locale=babel_locale(language))


def local_timezone() -> _dt.tzinfo:
    """This computer's time zone (``TZ`` if set, else the system's), read afresh each call."""
    from babel import localtime

    try:
        return localtime.get_localzone()
    except LookupError:  # no zone configured: times stay in UTC
        return _dt.UTC


def format_number(value: float, language: str | None = None) -> str:
    """A number with the UI language's digits grouping and decimal sign."""
    from babel import numbers

    return numbers.format_decimal(value, locale=babel_locale(language))


def format_size(size: int, language: str | None = None) -> str:
    """A file size in bytes as the UI language writes it (“311 kB”, “1,2 Mo”; powers of
    1000)."""
    from babel import units

    locale = babel_locale(language)
    for unit, scale in (
        ("digital-gigabyte", 10**9),
        ("digital-megabyte", 10**6),
        ("digital-kilobyte", 10**3),
    ):
        if size >= scale:
            return units.format_unit(
                size / scale, unit, length="short", format="#,##0.#", locale=locale
            )
    return units.format_unit(size, "digital-byte", length="short", locale=locale)


def format_percent(value: float, language: str | None = None) -> str:
    """``0.95`` as “95%” in the UI language."""
    from babel import numbers

    return numbers.format_percent(value, locale=babel_locale(language))
