"""The UI languages offered (those of :data:`fieldkit.i18n.LANGUAGES`), their own names and
their writing direction."""

from __future__ import annotations

from fieldkit import i18n

# Each language's own name: a table, because loading babel's data for eight
# locales costs half a second at start-up.
_OWN_NAMES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "pt_BR": "Português (Brasil)",
    "ar": "العربية",
    "hi": "हिन्दी",
    "sw": "Kiswahili",
    "ru": "Русский",
}
# In the order of fieldkit.i18n; a shipped language without its name here fails at import.
UI_LANGUAGES = {code: _OWN_NAMES[code] for code in i18n.LANGUAGES}


def language_name(code: str) -> str:
    """The language's own name (“हिन्दी”, “العربية”); the code when unknown."""
    return UI_LANGUAGES.get(code, code)


def is_rtl(code: str) -> bool:
    """Whether ``code`` is written right to left (as :func:`fieldkit.i18n.is_rtl` says)."""
    return bool(code) and i18n.is_rtl(code)
