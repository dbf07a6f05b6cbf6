"""The leaflet templates, one module each. Every module has ``NAME``, ``page_size(leaflet)``,
``title(leaflet)``, ``page_templates(leaflet, doc)`` and ``story(leaflet)``; a template that
needs content declares ``CONTENT`` ("materials", "laws" or "any") and ``NEEDS_CONTENT``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from fieldkit.i18n import _
from fieldkit.leaflets import wording as W

NAMES = ("fact-card", "wallet-cards", "trifold", "letter", "law-summary", "poster")
_MODULES = {
    "fact-card": "fact_card",
    "wallet-cards": "wallet_cards",
    "trifold": "trifold",
    "letter": "letter",
    "law-summary": "law_summary",
    "poster": "poster",
}


def get(name: str) -> ModuleType:
    """The template module called ``name``; a clear error for an unknown name."""
    from fieldkit.leaflets.engine import LeafletError

    if name not in _MODULES:
        raise LeafletError(
            _("There is no leaflet template “%(name)s”. Choose one of: %(choices)s.")
            % {"name": name, "choices": ", ".join(NAMES)}
        )
    return importlib.import_module(f"fieldkit.leaflets.templates.{_MODULES[name]}")


def label(name: str) -> str:
    """The template's name in the UI language."""
    return _(W.TEMPLATE_NAMES[name])
