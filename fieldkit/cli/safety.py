"""``fieldkit passphrase set|change``, ``fieldkit erase`` and ``fieldkit audit``."""

from __future__ import annotations

import os
from pathlib import Path

import click

from fieldkit import audit as _audit
from fieldkit.cli import pass_ctx
from fieldkit.cli.output import emit_json, json_option, table
from fieldkit.data import encryption
from fieldkit.data.encryption import ERASE_WORD
from fieldkit.errors import FieldKitError
from fieldkit.i18n import _, local_timezone, ngettext
from fieldkit.profile import DB_NAME, Profile

PASSPHRASE_ENV = "FIELDKIT_PASSPHRASE"
NEW_PASSPHRASE_ENV = "FIELDKIT_NEW_PASSPHRASE"


def passphrase_for(profile_path: Path) -> str | None:
    """The passphrase of an encrypted profile: from FIELDKIT_PASSPHRASE, else asked for.

    None for a profile that is not encrypted (or when nothing can be asked:
    opening then says a passphrase is needed).
    """
    if not encryption.is_encrypted(profile_path / DB_NAME):
        return None
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given
    try:
        return click.prompt(_("Passphrase"), hide_input=True, err=True)
    except click.Abort:
        return None


def new_passphrase() -> str:
    """A new passphrase from FIELDKIT_NEW_PASSPHRASE, else asked for twice."""
    given = os.environ.get(NEW_PASSPHRASE_ENV)
    if given is not None:
        return given
    return click.prompt(
        _("New passphrase"),
        hide_input=True,
        confirmation_prompt=_("Repeat the new passphrase"),
        err=True,
    )


@click.group(
    help="Protect the profile with a passphrase, or change it.\n\nExample:\n\n"
    "    fieldkit passphrase change"
)
def passphrase() -> None:
    pass


@passphrase.command(
    "set",
    help="Encrypt this profile (store, attachments, backups) with a new passphrase. "
    "Scripts can give it in FIELDKIT_NEW_PASSPHRASE.\n\nExample:\n\n"
    "    fieldkit passphrase set",
)
@pass_ctx
def passphrase_set(ctx) -> None:
    db_path = ctx.profile_path / DB_NAME
    if not db_path.exists():
        Profile.open(ctx.profile_path).close()  # raises the "no profile here" message
    if encryption.is_encrypted(db_path):
        raise FieldKitError(
            _(
                "This profile is already protected by a passphrase; change it with "
                "“fieldkit passphrase change”."
            )
        )
    ctx.close()
    new = new_passphrase()
    encryption.check_new_passphrase(new)
    Profile.open(ctx.profile_path).close()  # fails clearly if in use or damaged
    encryption.protect(ctx.profile_path, DB_NAME, new)
    with Profile.open(ctx.profile_path, passphrase=new) as profile:
        _audit.record(profile.store, "encrypt", backups=len(profile.backups()))
    click.echo(
        _(
            "The profile is now encrypted. Keep the passphrase safe: without it the "
            "profile cannot be opened."
        )
    )


@passphrase.command(
    "change",
    help="Change the passphrase (a backup is taken first; backups follow the new "
    "passphrase). Scripts can give the new one in FIELDKIT_NEW_PASSPHRASE.\n\nExample:\n\n"
    "    fieldkit passphrase change",
)
@pass_ctx
def passphrase_change(ctx) -> None:
    profile = ctx.profile()
    current = profile.store.passphrase or ""
    moved = encryption.change_passphrase(profile, current, new_passphrase())
    click.echo(_("Passphrase changed; backups now using the new passphrase: %(n)d.") % {"n": moved})


@click.command(
    help="Erase this device's profile: the store, its keys, attachments, backups and logs. "
    "Asks you to type ERASE.\n\nExample:\n\n    fieldkit erase --yes-erase-this-device"
)
@click.option(
    "--yes-erase-this-device",
    "confirmed",
    is_flag=True,
    help="Required: you really mean to erase the profile on this device.",
)
@pass_ctx
def erase(ctx, confirmed: bool) -> None:
    if not confirmed:
        raise FieldKitError(
            _(
                "Nothing was erased. To erase the profile on this device, run "
                "“fieldkit erase --yes-erase-this-device”."
            )
        )
    folder = ctx.profile_path
    if not (folder / DB_NAME).exists():
        raise FieldKitError(_("There is no FieldKit profile at %(path)s.") % {"path": folder})
    typed = click.prompt(
        _(
            "This removes the profile at %(path)s, its backups and attachments, for good. "
            "Type %(word)s to confirm"
        )
        % {"path": folder, "word": ERASE_WORD},
        default="",
        show_default=False,
        err=True,
    )
    if typed.strip() != ERASE_WORD:
        raise FieldKitError(_("Nothing was erased: the confirmation did not match."))
    try:
        forgotten = _forget_sync_secrets(ctx.profile())
    except FieldKitError:  # a forgotten passphrase must not stop an erase
        forgotten = 0
        click.echo(
            _(
                "The profile could not be opened, so passwords of sync targets kept in the "
                "system keyring (if any) stay there; the profile is erased anyway."
            ),
            err=True,
        )
    ctx.close()
    removed = encryption.erase_profile(folder)
    if forgotten:
        click.echo(
            ngettext(
                "Forgot the password of %(n)d sync target.",
                "Forgot the passwords of %(n)d sync targets.",
                forgotten,
            )
            % {"n": forgotten}
        )
    click.echo(
        ngettext("Erased the profile (%(n)d file).", "Erased the profile (%(n)d files).", removed)
        % {"n": removed}
    )


def _forget_sync_secrets(profile: Profile) -> int:
    """Remove the sync targets' passwords kept outside the profile (the system keyring)."""
    from fieldkit.sync import targets as sync_targets

    return sync_targets.forget_all_targets(profile)


@click.command(
    help="Show the audit log: imports, exports, syncs, restores, passphrase changes "
    "(no record contents).\n\nExample:\n\n    fieldkit audit --action import --limit 20"
)
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--action", type=click.Choice(sorted(_audit.ACTIONS)), default=None)
@json_option
@pass_ctx
def audit(ctx, limit: int, action: str | None, as_json: bool) -> None:
    found = _audit.entries(ctx.profile().store, limit=limit, action=action)
    if as_json:
        emit_json(found)
        return
    if not found:
        click.echo(_("The audit log is empty."))
        return
    tz = local_timezone()  # stored in UTC, shown in this computer's time
    rows = [_audit.shown(e, tz) for e in found]
    headers = [_("When"), _("What"), _("Details")]
    click.echo(table(rows, ["at", "label", "details"], headers, whole=["details"]))


def register(cli: click.Group) -> None:
    for command in (passphrase, erase, audit):
        cli.add_command(command)
