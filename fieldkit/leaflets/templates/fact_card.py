"""Fact card: one page per material, the figure large, its sentence and source, the hotline."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from fieldkit.leaflets import wording as W
from fieldkit.leaflets.templates import common

NAME = "fact-card"
CONTENT = "materials"
NEEDS_CONTENT = True


def page_size(leaflet):
    return leaflet.paper


def title(leaflet) -> str:
    return leaflet.t(W.DID_YOU_KNOW)


def page_templates(leaflet, doc):
    return common.one_frame(leaflet, doc)


def story(leaflet) -> list:
    st = common.styles(leaflet)
    width = leaflet.paper[0] - 2 * common.MARGIN
    out: list = []
    for number, item in enumerate(leaflet.content):
        if number:
            out.append(PageBreak())
        out += [common.letterhead(leaflet, width), Spacer(1, 10 * mm)]
        out.append(leaflet.para(leaflet.t(W.DID_YOU_KNOW), st["heading"]))
        if item.get("figure"):
            out.append(leaflet.para(leaflet.number(item["figure"]), st["figure"]))
        out.append(leaflet.para(item.get("title", ""), st["title"].but(align="center")))
        if item.get("body"):
            out.append(leaflet.para(item["body"], st["body"].but(size=13)))
        source = source_line(leaflet, item)
        if source:
            out.append(leaflet.para(source, st["small"]))
        out += [Spacer(1, 12 * mm), common.hotline_band(leaflet, width)]
    return out


def source_line(leaflet, item: dict) -> str:
    if not item.get("source"):
        return ""
    if item.get("year"):
        return leaflet.t(W.SOURCE_YEAR, source=item["source"], year=str(item["year"]))
    return leaflet.t(W.SOURCE, source=item["source"])
