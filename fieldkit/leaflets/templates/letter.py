"""Action-alert letter to an official: one page per target of a campaign (mail merge)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from fieldkit.leaflets import wording as W
from fieldkit.leaflets.templates import common

NAME = "letter"
CONTENT = "campaigns"
NEEDS_CONTENT = True
QR_SIZE = 20 * mm


def page_size(leaflet):
    return leaflet.paper


def title(leaflet) -> str:
    return leaflet.content[0]["title"]


def page_templates(leaflet, doc):
    return common.one_frame(leaflet, doc, on_page=_on_page(leaflet))


def _on_page(leaflet):
    def on_page(canv, doc) -> None:
        w, _h = doc.pagesize
        x = common.MARGIN if leaflet.rtl else w - common.MARGIN - QR_SIZE
        common.draw_corner_qr(leaflet, canv, x, common.MARGIN / 2, QR_SIZE)

    return on_page


def story(leaflet) -> list:
    campaign = leaflet.content[0]
    st = common.styles(leaflet)
    width = leaflet.paper[0] - 2 * common.MARGIN
    today = leaflet.date(leaflet.today)
    # the parts every letter shares are laid out once and reused
    out: list = []
    for number, target in enumerate(leaflet.extra["targets"]):
        if number:
            out.append(PageBreak())
        out += [common.letterhead(leaflet, width), Spacer(1, 8 * mm)]
        out.append(leaflet.para(today, st["body"].but(align="end")))
        address = [target.get("name"), target.get("title"), target.get("organization")]
        address += [target.get("address"), leaflet.country(target.get("country"))]
        out.append(leaflet.para("\n".join(a for a in address if a), st["body"]))
        out.append(Spacer(1, 6 * mm))
        out.append(leaflet.para(leaflet.t(W.SUBJECT, title=campaign["title"]), st["heading"]))
        out.append(leaflet.para(leaflet.t(W.DEAR_NAME, name=target["name"]), st["body"]))
        if campaign.get("summary"):
            out.append(leaflet.para(campaign["summary"], st["body"]))
        if campaign.get("asks"):
            out.append(leaflet.para(leaflet.t(W.WE_ASK_YOU), st["body"]))
            out += [leaflet.para(ask, st["bullet"]) for ask in campaign["asks"]]
        out.append(leaflet.para(leaflet.t(W.PLEASE_REPLY), st["body"]))
        out.append(Spacer(1, 6 * mm))
        out.append(leaflet.para(leaflet.t(W.YOURS_SINCERELY), st["body"]))
        org = leaflet.theme.organization
        out.append(leaflet.para(leaflet.t(W.ON_BEHALF_OF, organization=org), st["body"]))
    return out
