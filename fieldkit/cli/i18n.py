"""``fieldkit i18n report|outdated|versions``: translation status of the UI and of content."""

from __future__ import annotations

import click

from fieldkit import content_i18n as ci
from fieldkit.cli import pass_ctx
from fieldkit.cli.output import emit_json, json_option, table
from fieldkit.errors import NotFound
from fieldkit.i18n import (
    _,
    format_percent,
    language_name,
    ngettext,
    on_language_changed,
)
from fieldkit.i18n_click import localize, use_for_click


@click.group(
    "i18n",
    help="Translation status of the user interface and of materials and laws.\n\nExample:\n\n"
    "    fieldkit i18n report",
)
def i18n_group() -> None:
    pass


def _ui_rows() -> list[dict]:
    return [
        {
            "language": s.language,
            "name": language_name(s.language),
            "translated": s.translated,
            "total": s.total,
            "fuzzy": s.fuzzy,
            "percent": round(100 * s.ratio, 1),
            "error": s.error,
        }
        for s in ci.ui_report()
    ]


def _content_rows(ctx, languages: tuple[str, ...]) -> list[dict]:
    return [
        {
            "entity": s.entity,
            "language": s.language,
            "name": language_name(s.language),
            "present": s.present,
            "missing": s.missing,
            "outdated": s.outdated,
            "total": s.total,
            "percent": round(100 * s.ratio, 1),
        }
        for s in ci.content_report(ctx.profile(), list(languages) or None)
    ]


@i18n_group.command(
    help="Show how complete each language is: the UI catalogs (strings translated) and the "
    "content (materials and laws that exist in a language and are up to date with their "
    "source). With --min, exit with an error when a UI catalog is below that percentage."
    "\n\nExample:\n\n    fieldkit i18n report --lang hi --lang sw\n"
    "    fieldkit i18n report --ui --min 95"
)
@click.option("--ui", "ui_only", is_flag=True, help="Only the UI catalogs (no profile needed).")
@click.option("--lang", "languages", multiple=True, help="Content language to report (repeat).")
@click.option("--min", "minimum", type=float, default=None, help="Least UI percentage to accept.")
@json_option
@pass_ctx
def report(
    ctx, ui_only: bool, languages: tuple[str, ...], minimum: float | None, as_json: bool
) -> None:
    ui = _ui_rows()
    content = [] if ui_only else _content_rows(ctx, languages)
    if as_json:
        emit_json({"ui": ui, "content": content} if not ui_only else {"ui": ui})
    else:
        _print_ui(ui)
        if not ui_only:
            _print_content(content)
    low = [row for row in ui if minimum is not None and row["percent"] < minimum]
    if low:
        raise click.ClickException(
            ngettext(
                "%(count)d UI catalog is below %(min)s%%: %(languages)s.",
                "%(count)d UI catalogs are below %(min)s%%: %(languages)s.",
                len(low),
            )
            % {
                "count": len(low),
                "min": f"{minimum:g}",
                "languages": ", ".join(row["language"] for row in low),
            }
        )


def _print_ui(rows: list[dict]) -> None:
    click.echo(_("User interface"))
    shown = [
        {
            **row,
            "percent": format_percent(row["percent"] / 100),
            "state": row["error"] and _("unreadable") or "",
        }
        for row in rows
    ]
    click.echo(
        table(
            shown,
            ["language", "name", "translated", "total", "fuzzy", "percent", "state"],
            [
                _("Code"),
                _("Language"),
                _("Translated"),
                _("Strings"),
                _("Fuzzy"),
                _("Complete"),
                _("State"),
            ],
        )
    )


def _print_content(rows: list[dict]) -> None:
    for entity, title in (("materials", _("Materials")), ("laws", _("Laws"))):
        click.echo("")
        click.echo(title)
        shown = [
            {**row, "percent": format_percent(row["percent"] / 100)}
            for row in rows
            if row["entity"] == entity
        ]
        click.echo(
            table(
                shown,
                ["language", "name", "present", "missing", "outdated", "percent"],
                [
                    _("Code"),
                    _("Language"),
                    _("Available"),
                    _("Missing"),
                    _("Outdated"),
                    _("Up to date"),
                ],
            )
        )


@i18n_group.command(
    help="List translations of materials and laws whose source changed after them."
    "\n\nExample:\n\n    fieldkit i18n outdated --entity laws --json"
)
@click.option(
    "--entity",
    type=click.Choice(ci.TRANSLATABLE),
    default=None,
    help="Only materials or only laws.",
)
@json_option
@pass_ctx
def outdated(ctx, entity: str | None, as_json: bool) -> None:
    rows = []
    for name in (entity,) if entity else ci.TRANSLATABLE:
        for group in ci.groups(ctx.profile(), name):
            for lang in group.outdated:
                row = group.versions[lang]
                rows.append(
                    {
                        "entity": name,
                        "id": row["id"],
                        "language": lang,
                        "title": row.get("title") or "",
                        "source_id": group.source["id"],
                        "source_language": ci.lang_key(group.source.get("lang")),
                        "modified": row.get("modified"),
                        "source_modified": group.source.get("modified"),
                    }
                )
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo(_("Every translation is up to date with its source."))
        return
    click.echo(
        ngettext(
            "%(count)d translation is older than its source:",
            "%(count)d translations are older than their source:",
            len(rows),
        )
        % {"count": len(rows)}
    )
    kinds = {"materials": _("Material"), "laws": _("Law")}
    click.echo(
        table(
            [{**row, "entity": kinds.get(row["entity"], row["entity"])} for row in rows],
            ["entity", "language", "title", "id"],
            [_("Kind"), _("Language"), _("Title"), _("Id")],
        )
    )


@i18n_group.command(
    help="The language versions of a material or law: which languages it exists in, which "
    "one is the source and which translations are older than it."
    "\n\nExample:\n\n    fieldkit i18n versions 01931c2e-… --json"
)
@click.argument("record_id")
@json_option
@pass_ctx
def versions(ctx, record_id: str, as_json: bool) -> None:
    profile = ctx.profile()
    group = _find_group(profile, record_id)
    rows = [
        {
            "language": lang,
            "name": language_name(lang),
            "title": row.get("title") or "",
            "id": row["id"],
            "state": "source"
            if row["id"] == group.source["id"]
            else "outdated"
            if lang in group.outdated
            else "up to date",
        }
        for lang in group.languages
        for row in (group.versions[lang],)
    ]
    if as_json:
        emit_json({"entity": group.entity, "group": group.group_id, "versions": rows})
        return
    states = {"source": _("Original"), "outdated": _("Outdated"), "up to date": _("Up to date")}
    shown = [{**row, "state": states[row["state"]]} for row in rows]
    click.echo(
        table(
            shown,
            ["language", "name", "state", "title", "id"],
            [_("Code"), _("Language"), _("State"), _("Title"), _("Id")],
        )
    )


def _find_group(profile, record_id: str) -> ci.Group:
    for entity in ci.TRANSLATABLE:
        try:
            return ci.group_of(profile, entity, record_id)
        except NotFound:
            continue
    raise NotFound(
        _("No material or law has the id %(id)s. List them with “fieldkit materials list”.")
        % {"id": record_id}
    )


def register(cli: click.Group) -> None:
    """Add ``fieldkit i18n`` and make every command's help follow the language.

    The help is translated when the command starts (every group is registered
    by then) and again after each language change (opening a profile sets its
    language). The language of ``--help`` is chosen by :func:`fieldkit.cli.main`:
    ``FIELDKIT_LANGUAGE``, else the system's language, else English.
    """
    cli.add_command(i18n_group)
    use_for_click()
    on_language_changed(lambda _language: localize(cli, _))
    make_context = cli.make_context

    def localized_make_context(*args, **kwargs) -> click.Context:
        localize(cli, _)
        return make_context(*args, **kwargs)

    cli.make_context = localized_make_context  # type: ignore[method-assign]
