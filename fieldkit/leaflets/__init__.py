"""Print-ready leaflets in every shipped language (reportlab platypus, no Qt)."""

from fieldkit.leaflets.api import Prepared, prepare, prepare_letters, render, render_letters
from fieldkit.leaflets.engine import LANGUAGES, PAPERS, LeafletError, RenderResult
from fieldkit.leaflets.theme import Theme

__all__ = [
    "Prepared",
    "prepare",
    "prepare_letters",
    "LANGUAGES",
    "PAPERS",
    "LeafletError",
    "RenderResult",
    "Theme",
    "render",
    "render_letters",
]
