"""Hotline wallet cards: credit-card size, as many as fit on the sheet, with cut marks."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Frame, FrameBreak, PageTemplate, Spacer

from fieldkit.i18n import _
from fieldkit.leaflets import wording as W
from fieldkit.leaflets.templates import common
from fieldkit.leaflets.templates.fit import fitted

NAME = "wallet-cards"
CONTENT = "materials"
NEEDS_CONTENT = False
CARD_W, CARD_H = 85 * mm, 54 * mm
PAD = 3 * mm
SHEET_MARGIN = 10 * mm


def page_size(leaflet):
    return leaflet.paper


def title(leaflet) -> str:
    return leaflet.t(W.CALL_HOTLINE)


def grid(leaflet) -> tuple[int, int, float, float]:
    """Columns, rows and the lower-left corner of the grid on the sheet."""
    w, h = leaflet.paper
    cols = int((w - 2 * SHEET_MARGIN) // CARD_W)
    rows = int((h - 2 * SHEET_MARGIN) // CARD_H)
    return cols, rows, (w - cols * CARD_W) / 2, (h - rows * CARD_H) / 2


def page_templates(leaflet, doc):
    cols, rows, x0, y0 = grid(leaflet)
    frames = []
    for r in range(rows):
        for c in range(cols):
            col = cols - 1 - c if leaflet.rtl else c
            frames.append(
                Frame(
                    x0 + col * CARD_W + PAD,
                    y0 + (rows - 1 - r) * CARD_H + PAD,
                    CARD_W - 2 * PAD,
                    CARD_H - 2 * PAD,
                    leftPadding=0,
                    rightPadding=0,
                    topPadding=0,
                    bottomPadding=0,
                    id=f"card{r}-{c}",
                )
            )
    return [PageTemplate("cards", frames, onPage=_cut_marks(leaflet))]


def story(leaflet) -> list:
    cols, rows, _x, _y = grid(leaflet)
    out: list = []
    for i in range(cols * rows):
        if i:
            out.append(FrameBreak())
        out.append(card(leaflet))
    return out


def card(leaflet):
    st = common.styles(leaflet, 0.62)
    theme = leaflet.theme
    inner_w = CARD_W - 2 * PAD
    body = [
        leaflet.para(theme.organization, st["org"]),
        Spacer(1, 1 * mm),
    ]
    for item in leaflet.content:
        body.append(leaflet.para(item.get("title", ""), st["heading"].but(space_before=0)))
        if item.get("body"):
            body.append(leaflet.para(item["body"], st["body"]))
    if not leaflet.content:
        body.append(leaflet.para(leaflet.t(W.IN_DANGER), st["body"]))
    body.append(common.hotline_band(leaflet, inner_w, qr_size=16 * mm, scale=0.62))
    return fitted(leaflet, body, inner_w, CARD_H - 2 * PAD, _("a wallet card"))


def _cut_marks(leaflet):
    cols, rows, x0, y0 = grid(leaflet)

    def on_page(canv, doc) -> None:
        canv.saveState()
        canv.setLineWidth(0.3)
        length = 4 * mm
        top, right = y0 + rows * CARD_H, x0 + cols * CARD_W
        for c in range(cols + 1):
            x = x0 + c * CARD_W
            canv.line(x, y0 - 1 * mm, x, y0 - 1 * mm - length)
            canv.line(x, top + 1 * mm, x, top + 1 * mm + length)
        for r in range(rows + 1):
            y = y0 + r * CARD_H
            canv.line(x0 - 1 * mm, y, x0 - 1 * mm - length, y)
            canv.line(right + 1 * mm, y, right + 1 * mm + length, y)
        canv.restoreState()

    return on_page
