"""Pieces every template shares: styles from the theme, the letterhead, the hotline band,
a one-frame page and the printed-by footer."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Frame, Image, PageTemplate, Table, TableStyle

from fieldkit.leaflets import wording as W
from fieldkit.leaflets.qr import QR, draw_qr
from fieldkit.leaflets.text import TextStyle

MARGIN = 18 * mm


def styles(leaflet, scale: float = 1.0) -> dict[str, TextStyle]:
    primary = leaflet.theme.primary_color
    accent = leaflet.theme.accent_color
    s = scale
    return {
        "title": TextStyle(size=22 * s, bold=True, color=primary, space_after=6 * s),
        "heading": TextStyle(
            size=14 * s, bold=True, color=primary, space_before=8 * s, space_after=4 * s
        ),
        "body": TextStyle(size=11 * s, space_after=4 * s),
        "bullet": TextStyle(size=11 * s, space_after=3 * s, bullet="•", bullet_indent=14 * s),
        "small": TextStyle(size=8 * s, color=colors.HexColor("#444444")),
        "figure": TextStyle(
            size=44 * s, bold=True, color=accent, align="center", space_after=4 * s
        ),
        "big": TextStyle(size=26 * s, bold=True, color=accent, align="center"),
        "center": TextStyle(size=12 * s, align="center", space_after=4 * s),
        "org": TextStyle(size=13 * s, bold=True, color=primary),
    }


def logo(leaflet, height: float) -> Image | None:
    data = leaflet.theme.logo
    if not data:
        return None
    from fieldkit.leaflets.theme import check_logo

    w, h = check_logo(data)
    return Image(io.BytesIO(data), width=height * w / h, height=height)


def letterhead(leaflet, width: float, scale: float = 1.0) -> Table:
    """The logo and the organisation's name, on the start side."""
    st = styles(leaflet, scale)
    image = logo(leaflet, 14 * mm * scale)
    name = leaflet.para(leaflet.theme.organization, st["org"])
    cells = [image, name] if image else [name]
    widths = [image.drawWidth + 4 * mm, None] if image else [None]
    table = Table([leaflet.cells(cells)], colWidths=leaflet.cells(widths))
    table.setStyle(_plain)
    table.hAlign = "RIGHT" if leaflet.rtl else "LEFT"
    return table


def hotline_band(leaflet, width: float, qr_size: float = 24 * mm, scale: float = 1.0) -> Table:
    """“Call the hotline”, the number and the promise, with the QR on the end side."""
    st = styles(leaflet, scale)
    theme = leaflet.theme
    texts = [
        leaflet.para(leaflet.t(W.CALL_HOTLINE), st["heading"].but(space_before=0)),
        leaflet.para(theme.hotline, st["big"].but(align="start")),
        leaflet.para(leaflet.t(W.HOTLINE_PROMISE), st["small"]),
    ]
    qr = (
        [
            QR(theme.qr_data, qr_size),
            leaflet.para(leaflet.t(W.SCAN_TO_CALL), st["small"].but(align="center")),
        ]
        if theme.qr_data
        else []
    )
    if qr:
        data = [leaflet.cells([texts, qr])]
        widths = leaflet.cells([width - qr_size - 8 * mm, qr_size + 8 * mm])
    else:
        data, widths = [[texts]], [width]
    table = Table(data, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "FieldKit-latin"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 1.2, theme.primary_color),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm * scale),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm * scale),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * mm * scale),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm * scale),
            ]
        )
    )
    return table


_plain = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), "FieldKit-latin"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)


def footer(leaflet):
    """An onPage callback that prints “Printed by … on …” at the foot of each page."""
    text = leaflet.t(
        W.PRINTED_ON,
        organization=leaflet.theme.organization,
        date=leaflet.date(leaflet.today),
    )

    def on_page(canv, doc) -> None:
        canv.saveState()
        canv.setStrokeColor(leaflet.theme.primary_color)
        canv.setLineWidth(2)
        page_w, page_h = doc.pagesize
        canv.line(MARGIN, page_h - MARGIN / 2, page_w - MARGIN, page_h - MARGIN / 2)
        para = leaflet.para(text, styles(leaflet)["small"].but(align="center"))
        para.wrapOn(canv, page_w - 2 * MARGIN, MARGIN)
        para.drawOn(canv, MARGIN, MARGIN / 2 - 4)
        canv.restoreState()

    return on_page


def one_frame(leaflet, doc, on_page=None, margin: float = MARGIN) -> list[PageTemplate]:
    w, h = doc.pagesize
    frame = Frame(margin, margin, w - 2 * margin, h - 2 * margin, id="body")
    return [PageTemplate("page", [frame], onPage=on_page or footer(leaflet))]


def draw_corner_qr(leaflet, canv, x: float, y: float, size: float) -> None:
    if leaflet.theme.qr_data:
        draw_qr(canv, leaflet.theme.qr_data, x, y, size)
