"""``fieldkit leaflet templates|render|letters``: print-ready PDFs from the command line."""

from __future__ import annotations

from pathlib import Path

import click

from fieldkit.cli import pass_ctx
from fieldkit.cli.output import emit_json, emit_record, json_option, table
from fieldkit.i18n import N_, _, ngettext

LANGUAGE_HELP = N_("Language of the leaflet (en, es, fr, pt_BR, ar, hi, sw, ru).")
PAPER_HELP = N_("Paper size: a4 or letter.")


def _report(result, out: Path, profile, template: str, **details) -> None:
    from fieldkit.leaflets import save_pdf

    save_pdf(profile, result, out, template, **details)  # audited: what, never the content
    for warning in result.warnings:
        click.echo(_("Warning: %(message)s") % {"message": warning}, err=True)
    click.echo(
        ngettext("Wrote %(path)s (%(n)d page).", "Wrote %(path)s (%(n)d pages).", result.pages)
        % {"path": out, "n": result.pages}
    )


@click.group(
    "leaflet",
    help="Print-ready leaflets in every shipped language.\n\nExample:\n\n"
    "    fieldkit leaflet render fact-card --lang hi --content ID --out card.pdf",
)
def leaflet() -> None:
    pass


@leaflet.command(
    "templates",
    help="List the leaflet templates and what content each one prints.\n\nExample:\n\n"
    "    fieldkit leaflet templates",
)
@json_option
def templates_(as_json: bool) -> None:
    from fieldkit.leaflets import templates

    rows = []
    for name in templates.NAMES:
        module = templates.get(name)
        content = {"materials": _("materials"), "laws": _("laws"), "campaigns": _("a campaign")}
        needed = content[module.CONTENT] if module.NEEDS_CONTENT else _("optional")
        rows.append({"name": name, "title": templates.label(name), "content": needed})
    if as_json:
        emit_json(rows)
        return
    click.echo(table(rows, ["name", "title", "content"], [_("Name"), _("Template"), _("Content")]))


@leaflet.command(
    "render",
    help="Render a template with materials or laws to a PDF.\n\nExample:\n\n"
    "    fieldkit leaflet render law-summary --lang ar --paper a4 --content ID --out law.pdf",
)
@click.argument("template")
@click.option("--lang", "language", default="en", show_default=True, help=LANGUAGE_HELP)
@click.option("--paper", default="a4", show_default=True, help=PAPER_HELP)
@click.option("--content", "content", multiple=True, help="Id of a material or law (repeatable).")
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="PDF file to write.",
)
@pass_ctx
def render_(ctx, template: str, language: str, paper: str, content, out: Path) -> None:
    from fieldkit.leaflets import render

    ids = [i.strip() for value in content for i in value.split(",") if i.strip()]
    profile = ctx.profile()
    _report(render(profile, template, ids, language=language, paper=paper), out, profile, template)


@leaflet.command(
    "letters",
    help="One action-alert letter per target of a campaign, in one PDF.\n\nExample:\n\n"
    "    fieldkit leaflet letters CAMPAIGN_ID --lang es --out letters.pdf",
)
@click.argument("campaign_id", metavar="CAMPAIGN")
@click.option("--lang", "language", default="en", show_default=True, help=LANGUAGE_HELP)
@click.option("--paper", default="a4", show_default=True, help=PAPER_HELP)
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="PDF file to write.",
)
@click.option(
    "--include-restricted",
    is_flag=True,
    help="Also print the address of targets whose sensitivity is restricted.",
)
@pass_ctx
def letters(
    ctx, campaign_id: str, language: str, paper: str, out: Path, include_restricted: bool
) -> None:
    from fieldkit.leaflets import render_letters

    profile = ctx.profile()
    result = render_letters(
        profile,
        campaign_id,
        language=language,
        paper=paper,
        include_restricted=include_restricted,
    )
    _report(result, out, profile, "letter", included_restricted=include_restricted)


@leaflet.command(
    "theme",
    help="Show or set the organisation's leaflet theme: hotline, link, logo, colours, and the "
    "content language fallback chain.\n\nExample:\n\n"
    "    fieldkit leaflet theme --hotline 1098 --logo logo.png --primary '#1f4e79' "
    "--fallback hi,en",
)
@click.option("--hotline", default=None, help="Hotline number printed on every leaflet.")
@click.option("--link", default=None, help="Link the QR code carries (else the hotline).")
@click.option("--logo", type=click.Path(path_type=Path, dir_okay=False), help="PNG or JPEG logo.")
@click.option("--primary", default=None, help="Main colour, e.g. #1f4e79.")
@click.option("--accent", default=None, help="Accent colour, e.g. #c0392b.")
@click.option("--fallback", default=None, help="Content languages to fall back on, e.g. hi,en.")
@json_option
@pass_ctx
def theme(ctx, hotline, link, logo, primary, accent, fallback, as_json: bool) -> None:
    from fieldkit.leaflets import Theme
    from fieldkit.leaflets.theme import check_logo

    profile = ctx.profile()
    current = Theme.from_profile(profile)
    settings = {
        "leaflet_hotline": hotline,
        "leaflet_link": link,
        "leaflet_primary": primary,
        "leaflet_accent": accent,
        "content_fallback": fallback,
    }
    settings = {k: v for k, v in settings.items() if v is not None}
    Theme(primary=primary or current.primary, accent=accent or current.accent)  # checks colours
    if logo is not None:
        try:
            data = logo.read_bytes()
        except OSError as exc:
            raise click.ClickException(
                _("Cannot read %(path)s (%(error)s).") % {"path": logo, "error": exc.strerror}
            ) from None
        check_logo(data)
        settings["leaflet_logo"] = profile.attach_bytes(data, logo.name)
    if settings:
        profile.set_settings(**settings)
        current = Theme.from_profile(profile)
    shown = {
        "organization": current.organization,
        "hotline": current.hotline,
        "link": current.link,
        "logo": profile.setting("leaflet_logo") or "",
        "primary": current.primary,
        "accent": current.accent,
        "fallback": profile.setting("content_fallback") or "en",
    }
    if as_json:
        emit_json(shown)
        return
    labels = {
        "organization": _("Organisation"),
        "hotline": _("Hotline"),
        "link": _("Link"),
        "logo": _("Logo"),
        "primary": _("Main colour"),
        "accent": _("Accent colour"),
        "fallback": _("Content fallback"),
    }
    emit_record(shown, labels)


def register(cli: click.Group) -> None:
    cli.add_command(leaflet)
