"""Tri-fold brochure: a landscape sheet printed on both sides, six panels.

Outside: inside flap, back, cover. Inside: three panels read in order. For right-to-left
languages the brochure folds the other way: every panel position is mirrored.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Frame, FrameBreak, NextPageTemplate, PageTemplate, Spacer

from fieldkit.i18n import _
from fieldkit.leaflets import wording as W
from fieldkit.leaflets.templates import common
from fieldkit.leaflets.templates.fit import fitted

NAME = "trifold"
CONTENT = "materials"
NEEDS_CONTENT = True
GUTTER = 9 * mm

# story order -> panel column (0 = left) for left-to-right brochures
OUTSIDE = (2, 1, 0)  # cover, back, inside flap
INSIDE = (0, 1, 2)


def page_size(leaflet):
    return landscape(leaflet.paper)


def title(leaflet) -> str:
    return leaflet.content[0].get("title", "") if leaflet.content else leaflet.t(W.KNOW_YOUR_RIGHTS)


def _panel_size(leaflet) -> tuple[float, float]:
    w, h = page_size(leaflet)
    return w / 3 - 2 * GUTTER, h - 2 * GUTTER


def _frames(leaflet, columns, prefix: str) -> list[Frame]:
    w, _h = page_size(leaflet)
    pw, ph = _panel_size(leaflet)
    out = []
    for n, col in enumerate(columns):
        col = 2 - col if leaflet.rtl else col
        out.append(
            Frame(
                col * w / 3 + GUTTER,
                GUTTER,
                pw,
                ph,
                id=f"{prefix}{n}",
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
        )
    return out


def page_templates(leaflet, doc):
    return [
        PageTemplate("outside", _frames(leaflet, OUTSIDE, "out"), onPage=_folds),
        PageTemplate("inside", _frames(leaflet, INSIDE, "in"), onPage=_folds),
    ]


def _folds(canv, doc) -> None:
    w, h = doc.pagesize
    canv.saveState()
    canv.setLineWidth(0.2)
    canv.setDash(2, 3)
    for x in (w / 3, 2 * w / 3):
        canv.line(x, h - 6 * mm, x, h)
        canv.line(x, 0, x, 6 * mm)
    canv.restoreState()


def story(leaflet) -> list:
    pw, ph = _panel_size(leaflet)
    panels = [
        _cover(leaflet),
        _back(leaflet, pw),
        _rights(leaflet),
        _what(leaflet),
        _facts(leaflet),
        _help(leaflet, pw),
    ]
    out: list = []
    for n, panel in enumerate(panels):
        if n == 3:
            out.append(NextPageTemplate("inside"))
        if n:
            out.append(FrameBreak())
        out.append(fitted(leaflet, panel, pw, ph, _("a brochure panel")))
    return out


def _cover(leaflet) -> list:
    st = common.styles(leaflet)
    out = []
    image = common.logo(leaflet, 22 * mm)
    if image:
        image.hAlign = "CENTER"
        out += [image, Spacer(1, 6 * mm)]
    out += [
        leaflet.para(leaflet.theme.organization, st["org"].but(align="center")),
        Spacer(1, 30 * mm),
        leaflet.para(title(leaflet), st["title"].but(align="center", size=26)),
        leaflet.para(leaflet.t(W.YOU_ARE_NOT_ALONE), st["center"].but(size=15)),
        Spacer(1, 20 * mm),
        leaflet.para(leaflet.t(W.CALL_HOTLINE), st["heading"].but(align="center")),
        leaflet.para(leaflet.theme.hotline, st["big"]),
    ]
    return out


def _back(leaflet, width: float) -> list:
    st = common.styles(leaflet)
    out = [leaflet.para(leaflet.t(W.ABOUT_US), st["heading"])]
    out.append(leaflet.para(leaflet.theme.organization, st["body"]))
    if leaflet.theme.link:
        out.append(leaflet.para(leaflet.theme.link, st["body"]))
    out += [Spacer(1, 10 * mm), common.hotline_band(leaflet, width)]
    return out


def _rights(leaflet) -> list:
    st = common.styles(leaflet)
    out = [leaflet.para(leaflet.t(W.KNOW_YOUR_RIGHTS), st["title"])]
    for right in (W.RIGHT_TO_HELP, W.RIGHT_TO_SAFETY, W.RIGHT_TO_PAY, W.RIGHT_TO_LAWYER):
        out.append(leaflet.para(leaflet.t(right), st["bullet"]))
    return out


def _what(leaflet) -> list:
    st = common.styles(leaflet)
    first = leaflet.content[0]
    out = [leaflet.para(leaflet.t(W.WHAT_IS_TRAFFICKING), st["title"])]
    out.append(leaflet.para(first.get("title", ""), st["heading"]))
    if first.get("body"):
        out.append(leaflet.para(first["body"], st["body"]))
    return out


def _facts(leaflet) -> list:
    from fieldkit.leaflets.templates.fact_card import source_line

    st = common.styles(leaflet)
    out = [leaflet.para(leaflet.t(W.THE_FACTS), st["title"])]
    for item in leaflet.content[1:] or leaflet.content:
        if item.get("figure"):
            out.append(leaflet.para(leaflet.number(item["figure"]), st["figure"].but(size=26)))
        out.append(leaflet.para(item.get("title", ""), st["heading"].but(space_before=0)))
        if item.get("body") and len(leaflet.content) > 1:
            out.append(leaflet.para(item["body"], st["body"].but(size=9.5)))
        source = source_line(leaflet, item)
        if source:
            out.append(leaflet.para(source, st["small"].but(space_after=6)))
    return out


def _help(leaflet, width: float) -> list:
    st = common.styles(leaflet)
    return [
        leaflet.para(leaflet.t(W.WHERE_TO_GET_HELP), st["title"]),
        leaflet.para(leaflet.t(W.IN_DANGER), st["body"]),
        leaflet.para(leaflet.t(W.HELP_IS_AVAILABLE), st["heading"]),
        Spacer(1, 6 * mm),
        common.hotline_band(leaflet, width),
    ]
