"""Fitting content into a fixed box (a wallet card, a brochure panel): shrink a little, or
report that it does not fit. Nothing is clipped silently."""

from __future__ import annotations

import io
from functools import cache

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepInFrame

from fieldkit.i18n import _

MIN_SCALE = 0.7  # below this, text on a card is too small to read


@cache
def _scratch_canvas() -> Canvas:
    """A canvas that is never saved, for measuring before the real build."""
    return Canvas(io.BytesIO())


def fitted(leaflet, flowables: list, width: float, height: float, what: str) -> KeepInFrame:
    """``flowables`` in a box of ``width`` × ``height``, shrunk if needed.

    Shrinking by more than 30 % raises :class:`LeafletError` naming ``what``; any shrinking
    is reported in the leaflet's warnings.
    """
    from fieldkit.leaflets.engine import LeafletError

    box = KeepInFrame(width, height, flowables, mode="shrink")
    box.wrapOn(_scratch_canvas(), width, height)
    scale = 1 / max(getattr(box, "_scale", 1.0) or 1.0, 1.0)  # reportlab keeps the divisor
    if scale < MIN_SCALE:
        raise LeafletError(
            _(
                "The text is too long for %(what)s (it would have to shrink to %(percent)d %% "
                "of its size). Shorten it or choose a larger template."
            )
            % {"what": what, "percent": round(scale * 100)}
        )
    if scale < 0.99:
        warning = _("The text on %(what)s was shrunk to %(percent)d %% to fit.") % {
            "what": what,
            "percent": int(scale * 100),
        }
        if warning not in leaflet.warnings:
            leaflet.warnings.append(warning)
    # a fresh box: the platypus build wraps it again with the frame's own size
    return KeepInFrame(width, height, flowables, mode="shrink")
