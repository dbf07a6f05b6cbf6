"""The UI languages offered, their names and their writing direction."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

UI_LANGUAGES = ("en", "es", "fr", "pt_BR", "ar", "hi", "sw", "ru")


def language_name(code: str) -> str:
    """The language's own name (“हिन्दी”, “العربية”)."""
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]


def is_rtl(code: str) -> bool:
    try:
        return Locale.parse(code).text_direction == "rtl"
    except (ValueError, UnknownLocaleError):
        return False
