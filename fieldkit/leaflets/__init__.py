"""Print-ready leaflets in every shipped language (reportlab platypus, no Qt)."""

from fieldkit.leaflets.api import (
    Prepared,
    prepare,
    prepare_letters,
    record_print,
    render,
    render_letters,
    save_pdf,
)
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
    "record_print",
    "save_pdf",
    "Theme",
    "render",
    "render_letters",
]
