"""What the CLI and the app call: render a template for a profile, or a campaign's letters.

Rendering has two steps. :func:`prepare` / :func:`prepare_letters` read the profile (the
content in the right language, the theme) and check the request; :meth:`Prepared.build`
lays out the PDF and touches no database, so the app can run it on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import ModuleType

from fieldkit.data.entities import CONTACTS, ENTITIES
from fieldkit.data.redact import redact
from fieldkit.i18n import _, ngettext
from fieldkit.leaflets import templates
from fieldkit.leaflets.engine import (
    Leaflet,
    LeafletError,
    RenderResult,
    build_pdf,
    check_language,
    check_paper,
    load_content,
)
from fieldkit.leaflets.theme import Theme


@dataclass
class Prepared:
    """A checked request with its content loaded: ready to build, on any thread."""

    leaflet: Leaflet
    template: ModuleType

    def build(self) -> RenderResult:
        return build_pdf(self.leaflet, self.template)


def prepare(
    profile,
    template: str,
    content_ids: list[str] | tuple[str, ...] = (),
    *,
    language: str = "en",
    paper: str = "a4",
    theme: Theme | None = None,
    today: date | None = None,
) -> Prepared:
    """Check the request and load the content (materials or laws) in the language to print."""
    module = templates.get(template)
    if module.CONTENT == "campaigns":
        raise LeafletError(
            _("Letters are made for the targets of a campaign: use “fieldkit leaflet letters”.")
        )
    check_language(language)
    size = check_paper(paper)
    if getattr(module, "NEEDS_CONTENT", False) and not content_ids:
        raise LeafletError(
            _("The %(template)s template needs content: give one or more ids with --content.")
            % {"template": template}
        )
    warnings: list[str] = []
    content = load_content(profile, list(content_ids), language, warnings)
    for item in content:
        if item["entity"] != module.CONTENT:
            raise LeafletError(
                _("The %(template)s template prints %(kind)s; “%(title)s” is not one.")
                % {
                    "template": template,
                    "kind": _(ENTITIES[module.CONTENT].plural).lower(),
                    "title": item.get("title", ""),
                }
            )
    theme = theme or Theme.from_profile(profile)
    return Prepared(Leaflet(language, size, theme, content, warnings, today=today), module)


def prepare_letters(
    profile,
    campaign_id: str,
    *,
    language: str = "en",
    paper: str = "a4",
    theme: Theme | None = None,
    today: date | None = None,
    include_restricted: bool = False,
) -> Prepared:
    """Check the request and load the campaign and its targets, one letter each.

    A ``restricted`` target's personal fields (its address…) are left out unless
    ``include_restricted``.
    """
    check_language(language)
    size = check_paper(paper)
    campaign = profile.campaigns.get(campaign_id)
    found = profile.targets(campaign_id)
    targets = [redact(CONTACTS, t, include_restricted) for t in found]
    hidden = sum(
        1
        for t, shown in zip(found, targets, strict=True)
        if t.get("address") and not shown.get("address")
    )
    if not targets:
        raise LeafletError(
            _(
                "The campaign “%(title)s” has no targets to write to. Add one with "
                "“fieldkit campaigns add-target”."
            )
            % {"title": campaign["title"]}
        )
    warnings: list[str] = []
    if campaign.get("lang") and campaign["lang"] != language:
        warnings.append(
            _("The campaign's text is in %(used)s; the letter's wording is in %(language)s.")
            % {"used": campaign["lang"], "language": language}
        )
    if hidden:
        warnings.append(
            ngettext(
                "%(n)d target is restricted: their address was left out of the letter.",
                "%(n)d targets are restricted: their addresses were left out of the letters.",
                hidden,
            )
            % {"n": hidden}
        )
    theme = theme or Theme.from_profile(profile)
    leaflet = Leaflet(
        language, size, theme, [campaign], warnings, extra={"targets": targets}, today=today
    )
    return Prepared(leaflet, templates.get("letter"))


def record_print(
    profile, result: RenderResult, template: str, *, destination: str = "pdf", **details
) -> None:
    """Note a print in the audit log: template, language, pages, where it went; never its
    content (#8). ``details`` are counts and short codes (e.g. ``included_restricted``)."""
    from fieldkit import audit

    details.setdefault("pages", result.pages)
    audit.record(
        profile.store,
        "print",
        template=template,
        language=result.language,
        destination=destination,
        **details,
    )


def save_pdf(profile, result: RenderResult, path, template: str, **details) -> None:
    """Write a rendered leaflet to ``path`` and note it in the audit log: what the CLI's
    ``--out`` and the app's "Save as PDF" both call (the app on its worker thread)."""
    result.save(path)
    record_print(profile, result, template, **details)


def render(profile, template: str, content_ids=(), **options) -> RenderResult:
    """A leaflet as PDF bytes, with warnings (a language fallback, shrunk text) to show.
    Options: ``language``, ``paper``, ``theme``, ``today`` (see :func:`prepare`)."""
    return prepare(profile, template, content_ids, **options).build()


def render_letters(profile, campaign_id: str, **options) -> RenderResult:
    """One action-alert letter per target of the campaign, in one PDF."""
    return prepare_letters(profile, campaign_id, **options).build()
