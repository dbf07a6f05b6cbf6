"""``fieldkit init|demo|search|backup|restore|stats``."""

from __future__ import annotations

from pathlib import Path

import click

from fieldkit.cli import pass_ctx
from fieldkit.cli.output import emit_json, json_option, table
from fieldkit.data.entities import ENTITIES, SEARCHABLE
from fieldkit.display import subtitle
from fieldkit.i18n import LANGUAGES, _, current_language, set_language
from fieldkit.profile import DB_NAME, Profile
from fieldkit.settings import IDLE_SETTING


@click.command(
    help="Create a new profile for this organisation and device.\n\nExample:\n\n"
    '    fieldkit --profile ./office init --org "Shakti Vahini" --device "Delhi laptop" '
    "--language hi --country IN"
)
@click.option("--org", "organization", default="", help="The organisation's name.")
@click.option("--device", "device_name", default="", help="A name for this device.")
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default=None,
    help="UI language (en, es, fr, pt_BR, ar, hi, sw, ru); by default the language this "
    "command speaks (FIELDKIT_LANGUAGE, else the system's).",
)
@click.option("--country", default="", help="Default country for phone numbers, e.g. IN.")
@click.option(
    "--encrypt",
    is_flag=True,
    help="Protect the profile with a passphrase (recommended; asked for, or "
    "FIELDKIT_NEW_PASSPHRASE).",
)
@click.option(
    "--lock-after",
    "lock_after",
    metavar="MINUTES",
    default=None,
    help="Lock the app after this many minutes without use (0 to 240; 0: never; default 10).",
)
@pass_ctx
def init(
    ctx,
    organization: str,
    device_name: str,
    language: str | None,
    country: str,
    encrypt: bool,
    lock_after: str | None,
) -> None:
    from fieldkit.cli.safety import new_passphrase
    from fieldkit.cli.settings import checked

    language = language or current_language()
    lock = checked({IDLE_SETTING: lock_after}) if lock_after is not None else {}
    profile = Profile.create(
        ctx.profile_path,
        organization=organization,
        device_name=device_name,
        language=language,
        country=country,
        passphrase=new_passphrase() if encrypt else None,
    )
    try:
        if lock:
            profile.set_settings(**lock)
    finally:
        profile.close()
    set_language(language)  # the new profile's language from its first message on
    click.echo(_("Created a profile at %(path)s.") % {"path": ctx.profile_path})


@click.command(
    help="Load the starter pack (laws, fact cards, a campaign, hotlines) into a profile, "
    "creating it if needed.\n\nExample:\n\n    fieldkit --profile ./demo demo"
)
@pass_ctx
def demo(ctx) -> None:
    from fieldkit.starter import load_starter

    if not (ctx.profile_path / DB_NAME).exists():
        Profile.create(ctx.profile_path, organization="FieldKit demo", device_name="demo").close()
    counts = load_starter(ctx.profile())
    click.echo(
        _(
            "Starter pack loaded. Contacts: %(contacts)d, campaigns: %(campaigns)d, "
            "materials: %(materials)d, laws: %(laws)d."
        )
        % counts
    )


@click.command(
    help="Search contacts, campaigns, materials and laws; the last word matches as a prefix."
    '\n\nExample:\n\n    fieldkit search "traff" --entity laws --country intl'
)
@click.argument("text")
@click.option("--entity", "entities", multiple=True, type=click.Choice(SEARCHABLE))
@click.option("--country", default=None, help="Only this country (or intl).")
@click.option("--tag", default=None, help="Only records with this tag.")
@click.option("--lang", default=None, help="Only this language.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@json_option
@pass_ctx
def search(ctx, text, entities, country, tag, lang, limit, as_json) -> None:
    hits = ctx.profile().search(
        text, entities=entities or None, country=country, tag=tag, lang=lang, limit=limit
    )
    if as_json:
        emit_json([h.as_dict() for h in hits])
    elif not hits:
        click.echo(_("Nothing matches “%(text)s”.") % {"text": text})
    else:
        rows = [
            {
                "entity": _(ENTITIES[h.entity].label),
                "id": h.id,
                "title": h.title,
                "subtitle": subtitle(h.entity, h.details),
            }
            for h in hits
        ]
        click.echo(
            table(rows, ["entity", "id", "title", "subtitle"], [_("Kind"), _("ID"), _("Title"), ""])
        )


@click.command(
    help="Back up the profile now (the last 10 backups are kept).\n\nExample:\n\n"
    "    fieldkit backup"
)
@click.option("--list", "list_only", is_flag=True, help="List the backups instead.")
@pass_ctx
def backup(ctx, list_only: bool) -> None:
    profile = ctx.profile()
    if list_only:
        backups = profile.backups()
        if not backups:
            click.echo(_("No backups yet."))
        for path in backups:
            click.echo(path.name)
        return
    path = profile.backup("manual")
    click.echo(_("Backup written: %(path)s") % {"path": path})


@click.command(
    help="Restore a backup (the newest if none is named); the current state is backed up "
    "first.\n\nExample:\n\n    fieldkit restore fieldkit-20240501T101500000000-manual.sqlite"
)
@click.argument("backup_file", required=False, type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_ctx
def restore(ctx, backup_file: Path | None, yes: bool) -> None:
    profile = ctx.profile()
    if not yes:
        click.confirm(
            _(
                "Replace the profile's content with the backup? "
                "(The current state is backed up first.)"
            ),
            abort=True,
        )
    used = profile.restore(backup_file)
    click.echo(_("Restored from %(name)s.") % {"name": used.name})


@click.command(
    help="Counts of records, changes, conflicts and backups.\n\nExample:\n\n"
    "    fieldkit stats --json"
)
@json_option
@pass_ctx
def stats(ctx, as_json: bool) -> None:
    data = ctx.profile().stats()
    if as_json:
        emit_json(data)
        return
    click.echo(_("Organisation: %(org)s") % {"org": data["organization"] or "—"})
    click.echo(_("Device: %(name)s (%(id)s)") % {"name": data["device"], "id": data["device_id"]})
    rows = [
        {
            "kind": _(ENTITIES[k].plural) if k in ENTITIES else k,
            "count": v,
            "deleted": data["deleted"][k],
        }
        for k, v in data["counts"].items()
    ]
    click.echo(table(rows, ["kind", "count", "deleted"], [_("Kind"), _("Records"), _("Deleted")]))
    click.echo(
        _("Changes: %(changes)d · open conflicts: %(conflicts)d · backups: %(backups)d") % data
    )


def register(cli: click.Group) -> None:
    for command in (init, demo, search, backup, restore, stats):
        cli.add_command(command)
