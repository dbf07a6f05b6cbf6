"""Poster: one page per material (or a hotline poster without one), large type, a large QR."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from fieldkit.leaflets import wording as W
from fieldkit.leaflets.qr import QR
from fieldkit.leaflets.templates import common

NAME = "poster"
CONTENT = "materials"
NEEDS_CONTENT = False


def page_size(leaflet):
    return leaflet.paper


def title(leaflet) -> str:
    return leaflet.t(W.HELP_IS_AVAILABLE)


def page_templates(leaflet, doc):
    return common.one_frame(leaflet, doc)


def story(leaflet) -> list:
    st = common.styles(leaflet, 1.6)
    width = leaflet.paper[0] - 2 * common.MARGIN
    out: list = []
    for number, item in enumerate(leaflet.content or [None]):
        if number:
            out.append(PageBreak())
        out += [common.letterhead(leaflet, width, 1.3), Spacer(1, 10 * mm)]
        if item is None:
            out.append(
                leaflet.para(leaflet.t(W.HELP_IS_AVAILABLE), st["title"].but(align="center"))
            )
            out.append(leaflet.para(leaflet.t(W.IN_DANGER), st["center"]))
        else:
            if item.get("figure"):
                out.append(leaflet.para(leaflet.number(item["figure"]), st["figure"]))
            out.append(leaflet.para(item.get("title", ""), st["title"].but(align="center")))
            if item.get("body"):
                out.append(leaflet.para(item["body"], st["center"]))
        out += [
            Spacer(1, 10 * mm),
            leaflet.para(leaflet.t(W.CALL_HOTLINE), st["heading"].but(align="center")),
            leaflet.para(leaflet.theme.hotline, st["big"]),
            leaflet.para(leaflet.t(W.HOTLINE_PROMISE), st["center"].but(size=12)),
        ]
        if leaflet.theme.qr_data:
            out += [Spacer(1, 6 * mm), QR(leaflet.theme.qr_data, 45 * mm)]
    return out
