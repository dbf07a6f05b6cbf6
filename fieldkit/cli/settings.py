"""``fieldkit settings [show|set]``: the Settings page's settings, without a window."""

from __future__ import annotations

import click

from fieldkit import settings as device_settings
from fieldkit.cli import Context
from fieldkit.cli.output import emit_json, json_option, table
from fieldkit.errors import ValidationError
from fieldkit.i18n import _, country_name, language_name, ngettext, set_language


def shown_value(key: str, value: str | int) -> str:
    """A setting's value as people read it, in the UI language."""
    if key == "language":
        return f"{language_name(str(value))} ({value})"
    if key == "default_country" and value:
        return f"{country_name(str(value))} ({value})"
    if key == device_settings.IDLE_SETTING:
        minutes = int(value)
        if minutes == 0:
            return _("Never")
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    return str(value)


def checked(values: dict[str, str]) -> dict[str, str | int]:
    """``values`` validated as the Settings page validates them; a bad one is one clear line."""
    try:
        return device_settings.validate_settings(values)
    except ValidationError as exc:
        raise click.ClickException(" ".join(exc.errors.values())) from None


def _show(ctx: Context, as_json: bool) -> None:
    values = device_settings.current_settings(ctx.profile())
    if as_json:
        emit_json(values)
        return
    rows = [
        {"key": s.key, "label": _(s.label), "value": shown_value(s.key, values[s.key])}
        for s in device_settings.SETTINGS
    ]
    click.echo(table(rows, ["key", "label", "value"], [_("Key"), _("Setting"), _("Value")]))


@click.group(
    "settings",
    invoke_without_command=True,
    help="Show this device's settings (organisation, device name, language, default country, "
    "idle lock time), or change one with “set”.\n\nExample:\n\n"
    "    fieldkit settings\n"
    "    fieldkit settings --json",
)
@json_option
@click.pass_context
def settings_group(click_ctx: click.Context, as_json: bool) -> None:
    if click_ctx.invoked_subcommand is None:
        _show(click_ctx.find_object(Context), as_json)


@settings_group.command(
    "show",
    help="Show this device's settings, with the keys that “fieldkit settings set” takes."
    "\n\nExample:\n\n    fieldkit settings show --json",
)
@json_option
@click.pass_context
def settings_show(click_ctx: click.Context, as_json: bool) -> None:
    parent_json = bool(click_ctx.parent and click_ctx.parent.params.get("as_json"))
    _show(click_ctx.find_object(Context), as_json or parent_json)


@settings_group.command(
    "set",
    help="Change one setting, checked as the Settings page checks it: organization, "
    "device_name, language (en, es, fr, pt_BR, ar, hi, sw, ru), default_country (two "
    'letters, or "" for none) or lock_after_minutes (0 to 240; 0: never lock when idle).'
    "\n\nExample:\n\n"
    "    fieldkit settings set lock_after_minutes 5\n"
    "    fieldkit settings set default_country KE",
    context_settings={"ignore_unknown_options": True},  # "-5" is a value to refuse, not an option
)
@click.argument("key")
@click.argument("value")
@click.pass_context
def settings_set(click_ctx: click.Context, key: str, value: str) -> None:
    ctx = click_ctx.find_object(Context)
    clean = checked({key: value})  # before the profile is opened (and its passphrase asked)
    ctx.profile().set_settings(**clean)
    ((name, saved),) = clean.items()
    if name == "language":
        set_language(str(saved))  # the profile's new language from this message on
    label = next(s.label for s in device_settings.SETTINGS if s.key == name)
    click.echo(
        _("Saved. %(setting)s: %(value)s")
        % {"setting": _(label), "value": shown_value(name, saved)}
    )


def register(cli: click.Group) -> None:
    cli.add_command(settings_group)
