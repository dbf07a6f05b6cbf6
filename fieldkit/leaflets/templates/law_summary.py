"""Law summary sheet: what a law says, where it applies, its status, its key provisions."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from fieldkit.leaflets import wording as W
from fieldkit.leaflets.templates import common

NAME = "law-summary"
CONTENT = "laws"
NEEDS_CONTENT = True


def page_size(leaflet):
    return leaflet.paper


def title(leaflet) -> str:
    return leaflet.t(W.LAW_SUMMARY)


def page_templates(leaflet, doc):
    return common.one_frame(leaflet, doc)


def story(leaflet) -> list:
    st = common.styles(leaflet)
    width = leaflet.paper[0] - 2 * common.MARGIN
    out: list = []
    for number, law in enumerate(leaflet.content):
        if number:
            out.append(PageBreak())
        out += [common.letterhead(leaflet, width), Spacer(1, 6 * mm)]
        out.append(leaflet.para(leaflet.t(W.LAW_SUMMARY), st["small"]))
        out.append(leaflet.para(law["title"], st["title"]))
        out.append(_facts_table(leaflet, law, width))
        if law.get("summary"):
            out.append(leaflet.para(leaflet.t(W.SUMMARY), st["heading"]))
            out.append(leaflet.para(law["summary"], st["body"]))
        if law.get("key_provisions"):
            out.append(leaflet.para(leaflet.t(W.KEY_PROVISIONS), st["heading"]))
            out += [leaflet.para(p, st["bullet"]) for p in law["key_provisions"]]
        if law.get("citation"):
            out.append(leaflet.para(leaflet.t(W.CITATION), st["heading"]))
            out.append(leaflet.para(law["citation"], st["body"]))
        if law.get("last_reviewed"):
            reviewed = leaflet.t(W.LAST_REVIEWED, date=leaflet.date(law["last_reviewed"]))
            out.append(leaflet.para(reviewed, st["small"]))
        out.append(leaflet.para(leaflet.t(W.NOT_LEGAL_ADVICE), st["small"]))
        out += [Spacer(1, 8 * mm), common.hotline_band(leaflet, width)]
    return out


def _facts_table(leaflet, law: dict, width: float) -> Table:
    st = common.styles(leaflet)
    label = st["body"].but(bold=True, color=leaflet.theme.primary_color, space_after=0)
    value = st["body"].but(space_after=0)
    rows = [
        (W.JURISDICTION, leaflet.country(law.get("jurisdiction"))),
        (W.KIND, leaflet.t(W.LAW_KINDS[law["kind"]]) if law.get("kind") else ""),
        (W.STATUS, leaflet.t(W.LAW_STATUS[law["status"]]) if law.get("status") else ""),
        (W.ADOPTED, leaflet.date(law.get("adopted_date"))),
        (W.IN_FORCE_SINCE, leaflet.date(law.get("effective_date"))),
    ]
    data = [
        leaflet.cells([leaflet.para(leaflet.t(name), label), leaflet.para(text, value)])
        for name, text in rows
        if text
    ]
    table = Table(data, colWidths=leaflet.cells([width * 0.3, width * 0.7]))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "FieldKit-latin"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, leaflet.theme.primary_color),
            ]
        )
    )
    return table
