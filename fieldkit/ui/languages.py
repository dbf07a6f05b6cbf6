"""The UI languages offered, their names and their writing direction."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

# Each language's own name: a table, because loading babel's data for eight
# locales costs half a second at start-up.
UI_LANGUAGES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "pt_BR": "Português (Brasil)",
    "ar": "العربية",
    "hi": "हिन्दी",
    "sw": "Kiswahili",
    "ru": "Русский",
}


def language_name(code: str) -> str:
    """The language's own name (“हिन्दी”, “العربية”); the code when unknown."""
    return UI_LANGUAGES.get(code, code)


def is_rtl(code: str) -> bool:
    if code in ("", "en"):
        return False
    try:
        return Locale.parse(code).text_direction == "rtl"
    except (ValueError, UnknownLocaleError):
        return False
