"""Translations (gettext catalogs in ``locales/``) and the current UI language.

Modules import ``_``, ``N_`` and ``ngettext`` from here, never from builtins::

    from fieldkit.i18n import _, N_, ngettext

``_`` translates into the current UI language, which :func:`set_language`
changes at run time. Code that renders in a language of its own (a Hindi
leaflet printed from an English UI) asks for :func:`translator` instead.
"""

from __future__ import annotations

import gettext as _gettext
import logging
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

DOMAIN = "fieldkit"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
DEFAULT_LANGUAGE = "en"

_current: _gettext.NullTranslations = _gettext.NullTranslations()
_current_language = DEFAULT_LANGUAGE
_listeners: list = []


@cache
def translator(language: str) -> _gettext.NullTranslations:
    """The catalog for ``language``; English (the source text) if there is none."""
    if language in ("", DEFAULT_LANGUAGE):
        return _gettext.NullTranslations()
    try:
        return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
    except FileNotFoundError:
        log.warning("no catalog for language %s; using English", language)
    except (OSError, ValueError, UnicodeDecodeError) as exc:  # a broken .mo file
        log.warning("catalog for language %s is unreadable (%s); using English", language, exc)
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


def on_language_changed(listener) -> None:
    """Call ``listener(language)`` after every :func:`set_language`."""
    _listeners.append(listener)


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, when shown."""
    return message
