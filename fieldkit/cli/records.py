"""``fieldkit contacts|campaigns|outreach|materials|laws add|list|show|edit|delete|restore``.

The commands are built from the entity declarations, so every field is an
option (``--follow-up 2024-05-01``, ``--tags "police, delhi"``).
"""

from __future__ import annotations

from typing import Any

import click

from fieldkit.cli import pass_ctx
from fieldkit.cli.output import emit_json, emit_record, json_option, table
from fieldkit.data import entities as E
from fieldkit.i18n import _

EXAMPLES = {
    "contacts": (
        'fieldkit contacts add --name "Asha Rao" --kind official --title "Deputy Secretary" '
        "--phone +91-11-2338-0000 --country IN --tags police,delhi"
    ),
    "campaigns": (
        'fieldkit campaigns add --title "Fund the shelters" --asks "Vote yes, Fund shelters" '
        "--status active --country IN"
    ),
    "outreach": (
        "fieldkit outreach add --contact-id ID --campaign-id ID --channel call "
        '--date 2024-05-01 --outcome "Agreed to meet" --follow-up 2024-05-15'
    ),
    "materials": (
        'fieldkit materials add --kind fact_card --title "Forced sexual exploitation" '
        '--figure "4.5 million" --source ILO --year 2012 --lang en'
    ),
    "laws": (
        'fieldkit laws add --title "Palermo Protocol" --jurisdiction intl --kind treaty '
        "--adopted-date 2000-11-15 --lang en"
    ),
}

COMMAND_ENTITIES = ("contacts", "campaigns", "outreach", "materials", "laws")


def _option_name(field: E.Field) -> str:
    return "--" + field.name.replace("_", "-")


def _field_options(entity: E.Entity):
    def decorate(func):
        for field in reversed(entity.fields):
            kwargs: dict[str, Any] = {"default": None, "help": _help(field)}
            if field.kind == E.ENUM:
                kwargs["type"] = click.Choice(field.choices)
            func = click.option(_option_name(field), field.name, **kwargs)(func)
        return func

    return decorate


def _help(field: E.Field) -> str:
    hints = {
        E.LIST: "comma-separated",
        E.DATE: "YYYY-MM-DD",
        E.COUNTRY: "two-letter code, e.g. IN",
        E.JURISDICTION: "two-letter code or intl",
        E.REF: "id",
        E.LANG: "language code, e.g. hi",
    }
    hint = hints.get(field.kind)
    return f"{field.label} ({hint})" if hint else field.label


def _given(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _make_group(entity: E.Entity) -> click.Group:
    example = EXAMPLES[entity.name]

    @click.group(
        name=entity.name,
        help=f"{entity.plural}: add, list, show, edit, delete.\n\nExample:\n\n    {example}",
    )
    def group() -> None:
        pass

    @group.command("add", help=f"Add a {entity.label.lower()}.\n\nExample:\n\n    {example}")
    @_field_options(entity)
    @json_option
    @pass_ctx
    def add(ctx, as_json: bool, **values: Any) -> None:
        row_id = ctx.profile().records(entity.name).add(_given(values))
        if as_json:
            emit_json({"id": row_id})
        else:
            click.echo(row_id)

    filter_names = [f for f in entity.filters if f != "tag"]

    @group.command(
        "list",
        help=f"List {entity.plural.lower()}, with filters.\n\nExample:\n\n"
        f"    fieldkit {entity.name} list --limit 20"
        + (f" --{filter_names[0]} {_sample(entity, filter_names[0])}" if filter_names else ""),
    )
    @click.option("--tag", default=None, help="Only records with this tag.")
    @click.option("--sort", "order_by", default=None, help="Field to sort by.")
    @click.option("--desc", is_flag=True, help="Sort in descending order.")
    @click.option("--limit", type=click.IntRange(1), default=None, help="At most this many.")
    @click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many first.")
    @click.option("--deleted", is_flag=True, help="Include deleted records.")
    @json_option
    @pass_ctx
    def list_(ctx, tag, order_by, desc, limit, offset, deleted, as_json, **filters) -> None:
        records = ctx.profile().records(entity.name)
        rows = records.list(
            _given({**filters, "tag": tag}),
            order_by=order_by,
            descending=desc,
            limit=limit,
            offset=offset,
            include_deleted=deleted,
        )
        if as_json:
            emit_json(rows)
            return
        if not rows:
            click.echo(_("No %(entity)s found.") % {"entity": _(entity.plural).lower()})
            return
        columns = ["id", *entity.list_fields]
        headers = ["ID", *(_(entity.field(c).label) for c in entity.list_fields)]
        click.echo(table(rows, columns, headers))

    for name in reversed(filter_names):
        field = entity.field(name)
        kwargs: dict[str, Any] = {"default": None, "help": f"Only this {field.label.lower()}."}
        if field.kind == E.ENUM:
            kwargs["type"] = click.Choice(field.choices)
        list_ = click.option(_option_name(field), name, **kwargs)(list_)

    @group.command(
        "show",
        help=f"Show one {entity.label.lower()}.\n\nExample:\n\n    fieldkit {entity.name} show ID",
    )
    @click.argument("row_id", metavar="ID")
    @json_option
    @pass_ctx
    def show(ctx, row_id: str, as_json: bool) -> None:
        profile = ctx.profile()
        record = profile.records(entity.name).get(row_id, include_deleted=True)
        extra: dict[str, Any] = {}
        if entity.name == "campaigns":
            extra["targets"] = [
                f"{t['name']} ({t['role'] or t['kind']}) {t['phone'] or ''} {t['email'] or ''}"
                for t in profile.targets(row_id)
            ]
            extra["timeline"] = [f"{u['date']}  {u['text']}" for u in profile.timeline(row_id)]
        if as_json:
            emit_json({**record, **extra})
            return
        labels = {"id": "ID", **{f.name: _(f.label) for f in entity.fields}}
        labels.update({"targets": _("Targets"), "timeline": _("Timeline")})
        labels.update({"modified": _("Modified")})
        emit_record({**record, **extra}, labels)
        if record["deleted"]:
            click.echo(
                _("(deleted: bring it back with “fieldkit %(cmd)s restore %(id)s”)")
                % {"cmd": entity.name, "id": row_id}
            )

    @group.command(
        "edit",
        help=f"Change fields of a {entity.label.lower()}; only the options given change."
        f"\n\nExample:\n\n    fieldkit {entity.name} edit ID --{_first_option(entity)} …",
    )
    @click.argument("row_id", metavar="ID")
    @_field_options(entity)
    @pass_ctx
    def edit(ctx, row_id: str, **values: Any) -> None:
        changes = _given(values)
        if not changes:
            raise click.UsageError(_("Give at least one field to change (see --help)."))
        changed = ctx.profile().records(entity.name).update(row_id, changes)
        click.echo(_("Saved.") if changed else _("Nothing to change."))

    @group.command(
        "delete",
        help=f"Delete a {entity.label.lower()} (it can be restored)."
        f"\n\nExample:\n\n    fieldkit {entity.name} delete ID",
    )
    @click.argument("row_id", metavar="ID")
    @pass_ctx
    def delete(ctx, row_id: str) -> None:
        ctx.profile().records(entity.name).delete(row_id)
        click.echo(
            _("Deleted. Undo with “fieldkit %(cmd)s restore %(id)s”.")
            % {"cmd": entity.name, "id": row_id}
        )

    @group.command(
        "restore",
        help=f"Bring back a deleted {entity.label.lower()}."
        f"\n\nExample:\n\n    fieldkit {entity.name} restore ID",
    )
    @click.argument("row_id", metavar="ID")
    @pass_ctx
    def restore(ctx, row_id: str) -> None:
        ctx.profile().records(entity.name).restore(row_id)
        click.echo(_("Restored."))

    return group


def _first_option(entity: E.Entity) -> str:
    return entity.fields[0].name.replace("_", "-")


def _sample(entity: E.Entity, name: str) -> str:
    field = entity.field(name)
    if field.choices:
        return field.choices[0]
    return {E.COUNTRY: "IN", E.JURISDICTION: "intl", E.LANG: "hi"}.get(field.kind, "…")


def _campaign_extras(group: click.Group) -> None:
    @group.command(
        "add-target",
        help="Add a contact as a target of a campaign.\n\nExample:\n\n"
        '    fieldkit campaigns add-target CAMPAIGN_ID CONTACT_ID --role "Committee chair"',
    )
    @click.argument("campaign_id")
    @click.argument("contact_id")
    @click.option("--role", default="", help="Why this contact is a target.")
    @pass_ctx
    def add_target(ctx, campaign_id: str, contact_id: str, role: str) -> None:
        click.echo(ctx.profile().add_target(campaign_id, contact_id, role))

    @group.command(
        "add-update",
        help="Add a dated entry to a campaign's timeline.\n\nExample:\n\n"
        "    fieldkit campaigns add-update CAMPAIGN_ID --date 2018-03-21 "
        '--text "Passed the Senate 97-2"',
    )
    @click.argument("campaign_id")
    @click.option("--date", required=True, help="YYYY-MM-DD")
    @click.option("--text", required=True, help="What happened.")
    @pass_ctx
    def add_update(ctx, campaign_id: str, date: str, text: str) -> None:
        click.echo(ctx.profile().add_update(campaign_id, date, text))


def _outreach_extras(group: click.Group) -> None:
    @group.command(
        "due",
        help="Upcoming follow-ups, soonest first.\n\nExample:\n\n"
        "    fieldkit outreach due --until 2024-06-30",
    )
    @click.option("--until", default=None, help="Only follow-ups on or before this date.")
    @json_option
    @pass_ctx
    def due(ctx, until: str | None, as_json: bool) -> None:
        if until:
            E.normalize(E.OUTREACH, {"follow_up": until}, partial=True)
        profile = ctx.profile()
        rows = profile.follow_ups(until)
        if as_json:
            emit_json(rows)
            return
        if not rows:
            click.echo(_("No follow-ups due."))
            return
        names = {}
        for r in rows:
            if r["contact_id"] not in names:
                names[r["contact_id"]] = profile.contacts.get(
                    r["contact_id"], include_deleted=True
                )["name"]
            r["contact"] = names[r["contact_id"]]
        click.echo(
            table(
                rows,
                ["follow_up", "contact", "channel", "outcome"],
                [_("Follow-up date"), _("Contact"), _("Channel"), _("Outcome")],
            )
        )


def register(cli: click.Group) -> None:
    for name in COMMAND_ENTITIES:
        group = _make_group(E.ENTITIES[name])
        if name == "campaigns":
            _campaign_extras(group)
        if name == "outreach":
            _outreach_extras(group)
        cli.add_command(group)
