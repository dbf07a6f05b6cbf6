"""QR codes with reportlab's own encoder, encoded once and drawn as a PDF form.

The pure-Python encoder is the slow part of a page, so an encoded code is cached, and on a
canvas it becomes one form XObject that every page reuses.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.platypus import Flowable


@lru_cache(maxsize=64)
def qr_modules(data: str, size: float) -> tuple[tuple[float, float, float, float], ...]:
    """The dark rectangles (x, y, w, h) of the QR for ``data``, ``size`` points square,
    encoded once (sized by barWidth/barHeight, not by scaling a drawing)."""
    group = QrCodeWidget(data, barWidth=size, barHeight=size, barBorder=2).draw()
    return tuple((r.x, r.y, r.width, r.height) for r in group.contents if r.fillColor is not None)


def draw_qr(canv, data: str, x: float, y: float, size: float) -> None:
    """Draw the QR at (x, y); the first call on a canvas defines a form, later calls reuse it."""
    name = "qr" + hashlib.sha1(f"{size:.2f}|{data}".encode()).hexdigest()[:16]
    if not canv.hasForm(name):
        canv.saveState()
        canv.beginForm(name, lowerx=0, lowery=0, upperx=size, uppery=size)
        canv.setFillColorRGB(1, 1, 1)
        canv.rect(0, 0, size, size, stroke=0, fill=1)
        canv.setFillColorRGB(0, 0, 0)
        for x0, y0, w, h in qr_modules(data, size):
            canv.rect(x0, y0, w, h, stroke=0, fill=1)
        canv.endForm()
        canv.restoreState()
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(name)
    canv.restoreState()


class QR(Flowable):
    """A QR code in the flow of a template."""

    def __init__(self, data: str, size: float, align: str = "CENTER"):
        super().__init__()
        self.data = data
        self.size = size
        self.hAlign = align

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.data, 0, 0, self.size)
