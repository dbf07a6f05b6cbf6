"""``fieldkit contacts|campaigns|outreach|materials|laws add|list|show|edit|delete|restore``.

The commands are built from the entity declarations, so every field is an
option (``--follow-up 2024-05-01``, ``--tags "police, delhi"``).
"""

from __future__ import annotations

from typing import Any

import click

from fieldkit.cli import pass_ctx
from fieldkit.cli.output import emit_json, emit_record, json_option, readable, table
from fieldkit.data import entities as E
from fieldkit.display import choice_label
from fieldkit.i18n import N_, _, format_date
from fieldkit.i18n_click import Help, HelpOption

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

# Each kind of record's help and messages as whole sentences, so that every language
# words (and inflects) them its own way. %(example)s is a command line, never translated.
TEXTS: dict[str, dict[str, str]] = {
    "contacts": {
        "group": N_("Contacts: add, list, show, edit, delete.\n\nExample:\n\n    %(example)s"),
        "add": N_("Add a contact.\n\nExample:\n\n    %(example)s"),
        "list": N_("List contacts, with filters.\n\nExample:\n\n    %(example)s"),
        "show": N_("Show one contact.\n\nExample:\n\n    %(example)s"),
        "edit": N_(
            "Change fields of a contact; only the options given change.\n\n"
            "Example:\n\n    %(example)s"
        ),
        "delete": N_("Delete a contact (it can be restored).\n\nExample:\n\n    %(example)s"),
        "restore": N_("Bring back a deleted contact.\n\nExample:\n\n    %(example)s"),
        "none": N_("No contacts found."),
    },
    "campaigns": {
        "group": N_("Campaigns: add, list, show, edit, delete.\n\nExample:\n\n    %(example)s"),
        "add": N_("Add a campaign.\n\nExample:\n\n    %(example)s"),
        "list": N_("List campaigns, with filters.\n\nExample:\n\n    %(example)s"),
        "show": N_("Show one campaign.\n\nExample:\n\n    %(example)s"),
        "edit": N_(
            "Change fields of a campaign; only the options given change.\n\n"
            "Example:\n\n    %(example)s"
        ),
        "delete": N_("Delete a campaign (it can be restored).\n\nExample:\n\n    %(example)s"),
        "restore": N_("Bring back a deleted campaign.\n\nExample:\n\n    %(example)s"),
        "none": N_("No campaigns found."),
    },
    "outreach": {
        "group": N_("Outreach: add, list, show, edit, delete.\n\nExample:\n\n    %(example)s"),
        "add": N_("Log an outreach entry.\n\nExample:\n\n    %(example)s"),
        "list": N_("List outreach entries, with filters.\n\nExample:\n\n    %(example)s"),
        "show": N_("Show one outreach entry.\n\nExample:\n\n    %(example)s"),
        "edit": N_(
            "Change fields of an outreach entry; only the options given change.\n\n"
            "Example:\n\n    %(example)s"
        ),
        "delete": N_(
            "Delete an outreach entry (it can be restored).\n\nExample:\n\n    %(example)s"
        ),
        "restore": N_("Bring back a deleted outreach entry.\n\nExample:\n\n    %(example)s"),
        "none": N_("No outreach entries found."),
    },
    "materials": {
        "group": N_("Materials: add, list, show, edit, delete.\n\nExample:\n\n    %(example)s"),
        "add": N_("Add a material.\n\nExample:\n\n    %(example)s"),
        "list": N_("List materials, with filters.\n\nExample:\n\n    %(example)s"),
        "show": N_("Show one material.\n\nExample:\n\n    %(example)s"),
        "edit": N_(
            "Change fields of a material; only the options given change.\n\n"
            "Example:\n\n    %(example)s"
        ),
        "delete": N_("Delete a material (it can be restored).\n\nExample:\n\n    %(example)s"),
        "restore": N_("Bring back a deleted material.\n\nExample:\n\n    %(example)s"),
        "none": N_("No materials found."),
    },
    "laws": {
        "group": N_("Laws: add, list, show, edit, delete.\n\nExample:\n\n    %(example)s"),
        "add": N_("Add a law.\n\nExample:\n\n    %(example)s"),
        "list": N_("List laws, with filters.\n\nExample:\n\n    %(example)s"),
        "show": N_("Show one law.\n\nExample:\n\n    %(example)s"),
        "edit": N_(
            "Change fields of a law; only the options given change.\n\nExample:\n\n    %(example)s"
        ),
        "delete": N_("Delete a law (it can be restored).\n\nExample:\n\n    %(example)s"),
        "restore": N_("Bring back a deleted law.\n\nExample:\n\n    %(example)s"),
        "none": N_("No laws found."),
    },
}

# What a value of each kind of field looks like on the command line.
FIELD_HELP = {
    E.LIST: N_("%(field)s (comma-separated)"),
    E.DATE: N_("%(field)s (YYYY-MM-DD)"),
    E.COUNTRY: N_("%(field)s (two-letter code, e.g. IN)"),
    E.JURISDICTION: N_("%(field)s (two-letter code or intl)"),
    E.REF: N_("%(field)s (id)"),
    E.LANG: N_("%(field)s (language code, e.g. hi)"),
}
FILTER_HELP = N_("%(field)s: only records with this value.")


def _option_name(field: E.Field) -> str:
    return "--" + field.name.replace("_", "-")


def _field_options(entity: E.Entity):
    def decorate(func):
        for field in reversed(entity.fields):
            kwargs: dict[str, Any] = {"default": None, "help": _help(field), "cls": HelpOption}
            if field.kind == E.ENUM:
                kwargs["type"] = click.Choice(field.choices)
            func = click.option(_option_name(field), field.name, **kwargs)(func)
        return func

    return decorate


def _help(field: E.Field) -> Help:
    """An option's help: the field's label, and what its value looks like."""
    template = FIELD_HELP.get(field.kind)
    return Help(template, field=Help(field.label)) if template else Help(field.label)


def _given(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _make_group(entity: E.Entity) -> click.Group:
    example = EXAMPLES[entity.name]
    texts = TEXTS[entity.name]
    command = f"fieldkit {entity.name}"

    @click.group(name=entity.name, help=Help(texts["group"], example=example))
    def group() -> None:
        pass

    @group.command("add", help=Help(texts["add"], example=example))
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

    list_example = f"{command} list --limit 20" + (
        f" --{filter_names[0]} {_sample(entity, filter_names[0])}" if filter_names else ""
    )

    @group.command("list", help=Help(texts["list"], example=list_example))
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
            nothing = texts["none"]
            click.echo(_(nothing))
            return
        columns = ["id", *entity.list_fields]
        headers = [_("ID"), *(_(entity.field(c).label) for c in entity.list_fields)]
        click.echo(table([readable(entity, row) for row in rows], columns, headers))

    for name in reversed(filter_names):
        field = entity.field(name)
        kwargs: dict[str, Any] = {
            "default": None,
            "help": Help(FILTER_HELP, field=Help(field.label)),
            "cls": HelpOption,
        }
        if field.kind == E.ENUM:
            kwargs["type"] = click.Choice(field.choices)
        list_ = click.option(_option_name(field), name, **kwargs)(list_)

    @group.command("show", help=Help(texts["show"], example=f"{command} show ID"))
    @click.argument("row_id", metavar="ID")
    @json_option
    @pass_ctx
    def show(ctx, row_id: str, as_json: bool) -> None:
        profile = ctx.profile()
        record = profile.records(entity.name).get(row_id, include_deleted=True)
        targets = profile.targets(row_id) if entity.name == "campaigns" else []
        timeline = profile.timeline(row_id) if entity.name == "campaigns" else []
        if as_json:
            extra: dict[str, Any] = {}
            if entity.name == "campaigns":
                extra["targets"] = [
                    f"{t['name']} ({t['role'] or t['kind']}) {t['phone'] or ''} {t['email'] or ''}"
                    for t in targets
                ]
                extra["timeline"] = [f"{u['date']}  {u['text']}" for u in timeline]
            emit_json({**record, **extra})
            return
        shown = readable(entity, record, keep_lists=True)
        if entity.name == "campaigns":
            shown["targets"] = [
                f"{t['name']} ({t['role'] or choice_label(t['kind'] or '')}) "
                f"{t['phone'] or ''} {t['email'] or ''}"
                for t in targets
            ]
            shown["timeline"] = [f"{format_date(u['date'])}  {u['text']}" for u in timeline]
        labels = {"id": _("ID"), **{f.name: _(f.label) for f in entity.fields}}
        labels.update({"targets": _("Targets"), "timeline": _("Timeline")})
        labels.update({"modified": _("Modified")})
        emit_record(shown, labels)
        if record["deleted"]:
            click.echo(
                _("(deleted: bring it back with “fieldkit %(cmd)s restore %(id)s”)")
                % {"cmd": entity.name, "id": row_id}
            )

    @group.command(
        "edit",
        help=Help(texts["edit"], example=f"{command} edit ID --{_first_option(entity)} …"),
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

    @group.command("delete", help=Help(texts["delete"], example=f"{command} delete ID"))
    @click.argument("row_id", metavar="ID")
    @pass_ctx
    def delete(ctx, row_id: str) -> None:
        ctx.profile().records(entity.name).delete(row_id)
        click.echo(
            _("Deleted. Undo with “fieldkit %(cmd)s restore %(id)s”.")
            % {"cmd": entity.name, "id": row_id}
        )

    @group.command("restore", help=Help(texts["restore"], example=f"{command} restore ID"))
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
        shown = []
        for r in rows:
            if r["contact_id"] not in names:
                names[r["contact_id"]] = profile.contacts.get(
                    r["contact_id"], include_deleted=True
                )["name"]
            shown.append({**readable(E.OUTREACH, r), "contact": names[r["contact_id"]]})
        click.echo(
            table(
                shown,
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
