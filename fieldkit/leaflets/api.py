"""What the CLI and the app call: render a template for a profile, or a campaign's letters."""

from __future__ import annotations

from datetime import date

from fieldkit.i18n import _
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


def render(
    profile,
    template: str,
    content_ids: list[str] | tuple[str, ...] = (),
    *,
    language: str = "en",
    paper: str = "a4",
    theme: Theme | None = None,
    today: date | None = None,
) -> RenderResult:
    """A leaflet as PDF bytes, with warnings (a language fallback, shrunk text) to show."""
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
    wanted = getattr(module, "CONTENT", "any")
    for item in content:
        if wanted != "any" and item["entity"] != wanted:
            raise LeafletError(
                _("The %(template)s template prints %(kind)s; “%(title)s” is not one.")
                % {"template": template, "kind": _(wanted), "title": item.get("title", "")}
            )
    theme = theme or Theme.from_profile(profile)
    leaflet = Leaflet(language, size, theme, content, warnings, today=today)
    return build_pdf(leaflet, module)


def render_letters(
    profile,
    campaign_id: str,
    *,
    language: str = "en",
    paper: str = "a4",
    theme: Theme | None = None,
    today: date | None = None,
) -> RenderResult:
    """One action-alert letter per target of the campaign, in one PDF."""
    check_language(language)
    size = check_paper(paper)
    campaign = profile.campaigns.get(campaign_id)
    targets = profile.targets(campaign_id)
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
    leaflet = Leaflet(
        language,
        size,
        theme or Theme.from_profile(profile),
        [campaign],
        warnings,
        extra={"targets": targets},
        today=today,
    )
    return build_pdf(leaflet, templates.get("letter"))
