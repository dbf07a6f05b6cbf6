"""``fieldkit contacts import`` and ``fieldkit contacts export``: contacts in and out.

Import shows every row's fate first and writes only after confirmation (or --yes).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from fieldkit.cli import pass_ctx
from fieldkit.cli.output import table
from fieldkit.formats import layout_name
from fieldkit.i18n import _, ngettext
from fieldkit.interop.apply import apply_plan
from fieldkit.interop.export import FORMATS, export_contacts
from fieldkit.interop.layouts import parse_mapping
from fieldkit.interop.plan import ACTION_LABELS, CHOICES, CREATE, ImportPlan, build_plan
from fieldkit.text import printable

PREVIEW_LIMIT = 200


def preview_rows(plan: ImportPlan, limit: int = PREVIEW_LIMIT) -> tuple[list[dict], int]:
    """Rows worth a look (not a plain create), as table rows; and how many more there are."""
    shown = []
    hidden = 0
    for row in plan.rows:
        if row.action == CREATE and not row.warnings and not row.match:
            continue
        if len(shown) >= limit:
            hidden += 1
            continue
        shown.append(
            {
                "line": row.line,
                "action": _(ACTION_LABELS[row.action]),
                "name": row.values.get("name", ""),
                "organization": row.values.get("organization", ""),
                "why": " ".join([row.reason, *row.warnings]).strip(),
            }
        )
    return shown, hidden


def print_preview(plan: ImportPlan) -> None:
    click.echo(
        ngettext(
            "%(file)s: %(layout)s layout, %(rows)d row.",
            "%(file)s: %(layout)s layout, %(rows)d rows.",
            len(plan.rows),
        )
        % {
            "file": plan.path.name,
            "layout": layout_name(plan.layout),
            "rows": len(plan.rows),
        }
    )
    rows, hidden = preview_rows(plan)
    if rows:
        click.echo(
            table(
                rows,
                ["line", "action", "name", "organization"],
                [_("Line"), _("Action"), _("Name"), _("Organisation")],
            )
        )
        click.echo(_("Reasons:"))
        for row in rows:
            click.echo(
                _("  line %(line)d: %(why)s") % {"line": row["line"], "why": printable(row["why"])}
            )
    if hidden:
        click.echo(
            ngettext(
                "… and %(n)d more row like these (not shown).",
                "… and %(n)d more rows like these (not shown).",
                hidden,
            )
            % {"n": hidden}
        )
    click.echo(plan.summary())


@click.command(
    "import",
    help=(
        "Import contacts from a CSV file (Google Contacts, Outlook or any columns) or a "
        "vCard file. Shows what will be created, updated, skipped and rejected, then asks "
        "before writing; a backup is made first.\n\nExample:\n\n"
        '    fieldkit contacts import phonebook.csv --mapping "Mobile=phone,Org=organization" '
        "--on-duplicate fill --dry-run"
    ),
)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--mapping",
    default=None,
    help='Columns to fields, e.g. "Mobile=phone,3=email,Notes=ignore".',
)
@click.option("--dry-run", is_flag=True, help="Show the preview only; write nothing.")
@click.option(
    "--on-duplicate",
    type=click.Choice(CHOICES),
    default="skip",
    show_default=True,
    help="What to do with duplicates: skip, update, fill empty fields, or import as new.",
)
@click.option("--yes", "-y", is_flag=True, help="Import without asking for confirmation.")
@pass_ctx
def import_contacts(
    ctx, file: Path, mapping: str | None, dry_run: bool, on_duplicate: str, yes: bool
) -> None:
    profile = ctx.profile()
    plan = build_plan(
        profile,
        file,
        mapping=parse_mapping(mapping) if mapping else None,
        on_duplicate=on_duplicate,
    )
    print_preview(plan)
    if dry_run:
        click.echo(_("Dry run: nothing was written."))
        return
    counts = plan.counts()
    if not counts["create"] and not counts["update"]:
        click.echo(_("Nothing to import."))
        return
    if not yes and not click.confirm(_("Import now? A backup is made first."), default=False):
        click.echo(_("Nothing was written."))
        return
    total = counts["create"] + counts["update"]
    with click.progressbar(length=total, label=_("Importing"), file=sys.stderr) as bar:
        state = {"done": 0}

        def progress(done: int, _total: int) -> None:
            bar.update(max(0, done - state["done"]))
            state["done"] = max(state["done"], done)

        result = apply_plan(profile, plan, progress=progress)
    click.echo(result.summary())
    click.echo(_("A backup of the profile before the import: %(path)s") % {"path": result.backup})


@click.command(
    "export",
    help=(
        "Export contacts to CSV or vCard 4.0: all, those with a tag, kind or country, or a "
        "campaign's targets. Personal fields of restricted contacts and local-only contacts "
        "stay out unless you ask for them.\n\nExample:\n\n"
        "    fieldkit contacts export --format vcard --tag police --out police.vcf"
    ),
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="csv or vcard.")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="File to write (default: print to the screen).",
)
@click.option("--tag", default=None, help="Only contacts with this tag.")
@click.option("--kind", default=None, help="Only contacts of this kind.")
@click.option("--country", default=None, help="Only contacts in this country (e.g. IN).")
@click.option("--campaign", "campaign_id", default=None, help="Only this campaign's targets.")
@click.option(
    "--include-restricted",
    is_flag=True,
    help="Include phone, email, address and notes of restricted contacts.",
)
@click.option(
    "--include-local-only",
    is_flag=True,
    help="Also export local-only contacts (they are meant never to leave this device).",
)
@pass_ctx
def export_cmd(
    ctx,
    fmt: str,
    out: Path | None,
    tag: str | None,
    kind: str | None,
    country: str | None,
    campaign_id: str | None,
    include_restricted: bool,
    include_local_only: bool,
) -> None:
    result = export_contacts(
        ctx.profile(),
        fmt,
        out if out else sys.stdout,
        filters={"tag": tag, "kind": kind, "country": country},
        campaign_id=campaign_id,
        include_restricted=include_restricted,
        include_local_only=include_local_only,
    )
    click.echo(result.summary(), err=out is None)
    if out:
        click.echo(_("Written to %(path)s") % {"path": out})


def register(cli: click.Group) -> None:
    contacts = cli.commands["contacts"]
    contacts.add_command(import_contacts)
    contacts.add_command(export_cmd)
