"""``fieldkit org|sync|export|import|conflicts``: sync from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from fieldkit.cli import pass_ctx
from fieldkit.cli.output import emit_json, json_option, table
from fieldkit.display import NP_, entity_label, field_label, field_value
from fieldkit.errors import FieldKitError
from fieldkit.i18n import N_, _, format_datetime, pgettext

if TYPE_CHECKING:
    from fieldkit.sync.engine import SyncReport

# Stored codes as the tables show them (--json keeps the codes).
ROLES = {"hq": N_("Headquarters"), "device": N_("Office device")}
TARGET_KINDS = {"folder": N_("Folder"), "webdav": N_("WebDAV")}
AUTO = {
    "off": NP_("sync when online", "Off"),
    "background": NP_("sync when online", "In the background"),
    "ask": NP_("sync when online", "Ask first"),
}

passphrase_option = click.option(
    "--passphrase",
    envvar="FIELDKIT_SYNC_PASSPHRASE",
    default=None,
    help="Passphrase that protects the file (or set FIELDKIT_SYNC_PASSPHRASE).",
)


def _write_file(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise FieldKitError(
            _("Cannot write %(path)s (%(error)s).") % {"path": path, "error": exc.strerror}
        ) from exc


outside_option = click.option(
    "--outside",
    is_flag=True,
    help="The target is outside the organisation (a partner NGO, a lawyer): restricted "
    "records' personal fields and local-only records are left out.",
)
include_restricted_option = click.option(
    "--include-restricted",
    is_flag=True,
    help="With --outside: send the personal fields of restricted records too.",
)


def _check_include(outside: bool, include_restricted: bool) -> None:
    if include_restricted and not outside:
        raise FieldKitError(
            _(
                "--include-restricted is for targets outside the organisation (add --outside); "
                "inside it, restricted fields are always sent."
            )
        )


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FieldKitError(
            _("Cannot read %(path)s (%(error)s).") % {"path": path, "error": exc.strerror}
        ) from exc


# --- org --------------------------------------------------------------------------


@click.group(
    help="The organisation: headquarters' key, enrolled devices, revocations.\n\nExample:\n\n"
    '    fieldkit org create "Shakti Vahini"'
)
def org() -> None:
    pass


@org.command(
    "create",
    help="Make this device headquarters of a new organisation (creates its signing key).\n\n"
    'Example:\n\n    fieldkit org create "Shakti Vahini"',
)
@click.argument("name")
@pass_ctx
def org_create(ctx, name: str) -> None:
    from fieldkit.sync.org import create_org

    created = create_org(ctx.profile(), name)
    click.echo(
        _("Organisation “%(name)s” created; this device is headquarters.") % {"name": created.name}
    )


@org.command(
    "issue",
    help="Headquarters: write an enrolment file for a new device. Keep it secret: it holds "
    "the device's key.\n\nExample:\n\n"
    '    fieldkit org issue "Delhi office" --out delhi.fkenrol --passphrase "long words"',
)
@click.argument("device_name")
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option("--hq", is_flag=True, help="Enrol another headquarters device (may send snapshots).")
@passphrase_option
@pass_ctx
def org_issue(ctx, device_name: str, out: Path, hq: bool, passphrase: str | None) -> None:
    from fieldkit.sync.org import DEVICE, HQ, issue_enrolment

    data = issue_enrolment(
        ctx.profile(), device_name, role=HQ if hq else DEVICE, passphrase=passphrase
    )
    _write_file(out, data)
    click.echo(
        _("Enrolment file for “%(name)s” written to %(path)s.") % {"name": device_name, "path": out}
    )


@org.command(
    "join",
    help="Join the organisation with an enrolment file from headquarters.\n\nExample:\n\n"
    '    fieldkit org join delhi.fkenrol --passphrase "long words"',
)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@passphrase_option
@pass_ctx
def org_join(ctx, file: Path, passphrase: str | None) -> None:
    from fieldkit.sync.org import join

    joined = join(ctx.profile(), _read_file(file), passphrase)
    click.echo(_("This device joined “%(name)s”.") % {"name": joined.name})


@org.command(
    "revoke",
    help="Headquarters: revoke a device; its later bundles are refused everywhere.\n\n"
    "Example:\n\n    fieldkit org revoke 01931c2e-…",
)
@click.argument("device")
@pass_ctx
def org_revoke(ctx, device: str) -> None:
    from fieldkit.sync.org import devices, revoke

    profile = ctx.profile()
    matches = [d["device"] for d in devices(profile) if d["device"].startswith(device)]
    revoke(profile, matches[0] if len(matches) == 1 else device)
    click.echo(_("Device revoked. Sync to pass the revocation on to every device."))


@org.command(
    "devices",
    help="List the devices this profile knows.\n\nExample:\n\n    fieldkit org devices --json",
)
@json_option
@pass_ctx
def org_devices(ctx, as_json: bool) -> None:
    from fieldkit.sync.org import devices

    rows = devices(ctx.profile())
    if as_json:
        emit_json(rows)
        return
    shown = [
        {
            **row,
            "role": _label(ROLES, row["role"]),
            "revoked": format_datetime(row["revoked"]),
        }
        for row in rows
    ]
    click.echo(
        table(
            shown,
            ["device", "name", "role", "revoked"],
            [_("Device"), _("Name"), _("Role"), _("Revoked")],
        )
    )


# --- sync, export, import ----------------------------------------------------------


@click.command(
    "sync",
    help="Sync with a folder (USB stick, shared folder) or a WebDAV address: send this device's "
    "new changes, apply everyone else's, and report counts. TARGET is a saved target's name, "
    "a folder or an http(s) URL; --save NAME remembers it (the password goes to the system "
    "keyring, or is stored encrypted).\n\nExample:\n\n"
    "    fieldkit sync /media/usb\n"
    "    FIELDKIT_SYNC_PASSWORD=… fieldkit sync https://cloud.example.org/remote.php/dav/files/me/ "
    "--user me --save hq-cloud\n"
    "    fieldkit sync /media/lawyer-stick --outside --save lawyer",
)
@click.argument("target", required=False)
@click.option("--list", "list_targets", is_flag=True, help="List saved targets and stop.")
@click.option("--user", default=None, help="WebDAV user name.")
@click.option(
    "--password",
    envvar="FIELDKIT_SYNC_PASSWORD",
    default=None,
    help="WebDAV password (or FIELDKIT_SYNC_PASSWORD).",
)
@passphrase_option
@click.option(
    "--encrypt-to-hq", is_flag=True, help="Encrypt what this device sends to headquarters' key."
)
@outside_option
@include_restricted_option
@click.option("--save", "save_as", default=None, help="Remember this target under a name.")
@click.option(
    "--auto",
    type=click.Choice(["off", "background", "ask"]),
    default=None,
    help="Sync when online: off, in the background, or ask first.",
)
@json_option
@pass_ctx
def sync_cmd(
    ctx,
    target,
    list_targets,
    user,
    password,
    passphrase,
    encrypt_to_hq,
    outside,
    include_restricted,
    save_as,
    auto,
    as_json,
) -> None:
    from fieldkit.sync import engine
    from fieldkit.sync import targets as sync_targets

    profile = ctx.profile()
    if list_targets or not target:
        rows = [
            t.__dict__ | {"options": json.dumps(t.options), "outside": t.outside}
            for t in sync_targets.targets(profile)
        ]
        if as_json:
            emit_json(rows)
        elif not target and not rows:
            click.echo(_("No saved targets. Sync with a folder or URL and add --save NAME."))
        else:
            for row in rows:
                row["outside"] = _("yes") if row["outside"] else ""
                row["kind"] = _label(TARGET_KINDS, row["kind"])
                if row["auto"] in AUTO:
                    row["auto"] = pgettext(*AUTO[row["auto"]])
                row["last_sync"] = format_datetime(row["last_sync"]) or _("never")
            click.echo(
                table(
                    rows,
                    ["name", "kind", "location", "outside", "auto", "last_sync"],
                    [
                        _("Name"),
                        _("Kind"),
                        _("Location"),
                        _("Outside the organisation"),
                        _("Sync when online"),
                        _("Last sync"),
                    ],
                )
            )
        return
    chosen = sync_targets.get_target(profile, target)
    if outside:
        chosen.options["outside"] = True
    _check_include(chosen.outside, include_restricted)
    if include_restricted:
        chosen.options["include_restricted"] = True
    if user:
        chosen.username = user
    if encrypt_to_hq:
        chosen.options["encrypt_to_hq"] = True
    if auto:
        chosen.auto = auto
    if save_as:
        chosen.name = save_as
        sync_targets.save_target(profile, chosen, password=password, passphrase=passphrase)
    try:
        report = engine.sync(profile, chosen, password=password, passphrase=passphrase)
    except Exception as exc:
        # What was done before the failure stays done: say so before the error itself.
        done = engine.report_of_failed(exc)
        if done is not None:
            _echo_notices(done, err=True)
        raise
    if as_json:
        emit_json(report.as_dict())
        return
    click.echo(
        _(
            "Synced with %(target)s. Files sent: %(uploaded)d (changes: %(exported)d). "
            "Files applied: %(applied)d (changes: %(changes)d). New conflicts: %(conflicts)d."
        )
        % report.as_dict()
    )
    if chosen.outside:
        click.echo(_outside_note(chosen.include_restricted))
    _echo_notices(report)


def _echo_notices(report: SyncReport, *, err: bool = False) -> None:
    """The files a sync made again (on stdout unless ``err``), held back as damaged and
    refused (on stderr)."""
    for _file, notice in report.rebuilt:
        click.echo(notice, err=err)
    for _file, message in report.damaged:
        click.echo(message, err=True)
    for name, reason in report.refused:
        click.echo(_("Refused %(file)s: %(reason)s") % {"file": name, "reason": reason}, err=True)


def _outside_note(include_restricted: bool) -> str:
    if include_restricted:
        return _(
            "Outside the organisation: restricted fields were sent, as asked; local-only "
            "records were left out."
        )
    return _("Outside the organisation: restricted fields and local-only records were left out.")


@click.command(
    "export",
    help="Write this device's changes (or, at headquarters, a snapshot of everything) to one "
    "bundle file, optionally encrypted. With --outside the file is for someone outside the "
    "organisation and leaves out restricted fields and local-only records.\n\nExample:\n\n"
    "    fieldkit export /media/usb/delhi.fkb --encrypt-to-hq\n"
    "    fieldkit export hq-snapshot.fkb --snapshot\n"
    '    fieldkit export for-lawyer.fkb --snapshot --outside --passphrase "long words"',
)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--snapshot", is_flag=True, help="Everything as it is now, to start a new device.")
@click.option("--encrypt-to-hq", is_flag=True, help="Only headquarters can open the file.")
@outside_option
@include_restricted_option
@passphrase_option
@pass_ctx
def export_cmd(
    ctx,
    file: Path,
    snapshot: bool,
    encrypt_to_hq: bool,
    outside: bool,
    include_restricted: bool,
    passphrase,
) -> None:
    from fieldkit.sync.exchange import export_changes, export_snapshot, protect

    _check_include(outside, include_restricted)
    profile = ctx.profile()
    options = {"outside": outside, "include_restricted": include_restricted}
    data = export_snapshot(profile, **options) if snapshot else export_changes(profile, **options)
    if data is None:
        click.echo(_("This device has no changes to export."))
        return
    _write_file(file, protect(profile, data, to_hq=encrypt_to_hq, passphrase=passphrase))
    click.echo(_("Bundle written to %(path)s.") % {"path": file})
    if outside:
        click.echo(_outside_note(include_restricted))


@click.command(
    "import",
    help="Verify and apply one bundle file. A damaged, forged or untrusted bundle is refused "
    "and nothing changes.\n\nExample:\n\n    fieldkit import /media/usb/delhi.fkb",
)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@passphrase_option
@json_option
@pass_ctx
def import_cmd(ctx, file: Path, passphrase, as_json: bool) -> None:
    from fieldkit.sync.exchange import import_bytes

    profile = ctx.profile()
    data = _read_file(file)
    profile.backup("before-import")
    result = import_bytes(profile, data, passphrase=passphrase)
    m = result.merge
    if as_json:
        emit_json({"bundle_id": result.bundle_id, "device": result.device, **m.__dict__})
        return
    if result.already:
        click.echo(_("This bundle was already applied; nothing changed."))
        return
    click.echo(
        _(
            "Applied the bundle from %(device)s. Changes applied: %(applied)d, "
            "already known: %(skipped)d, new conflicts: %(conflicts)d."
        )
        % {**m.__dict__, "device": result.device_name or result.device}
    )


# --- conflicts ----------------------------------------------------------------------


@click.group(
    help="Review conflicts: edits of the same field made at the same time on two devices.\n\n"
    "Example:\n\n    fieldkit conflicts list"
)
def conflicts() -> None:
    pass


@conflicts.command(
    "list",
    help="List unresolved conflicts with both values.\n\nExample:\n\n"
    "    fieldkit conflicts list --json",
)
@click.option("--all", "include_resolved", is_flag=True, help="Include resolved ones.")
@json_option
@pass_ctx
def conflicts_list(ctx, include_resolved: bool, as_json: bool) -> None:
    from fieldkit.sync.conflicts import list_conflicts

    rows = list_conflicts(ctx.profile(), include_resolved=include_resolved)
    if as_json:
        emit_json(rows)
        return
    click.echo(
        table(
            [_conflict_shown(row) for row in rows],
            ["short", "entity", "title", "field", "kept_value", "lost_value"],
            [_("Id"), _("Kind"), _("Record"), _("Field"), _("Current value"), _("Other value")],
        )
    )


@conflicts.command(
    "keep",
    help="Settle a conflict: keep the current value, or bring back the other one.\n\n"
    "Example:\n\n    fieldkit conflicts keep 3fa2c1d0 --other",
)
@click.argument("conflict_id")
@click.option("--other", is_flag=True, help="Bring back the value that lost.")
@pass_ctx
def conflicts_keep(ctx, conflict_id: str, other: bool) -> None:
    from fieldkit.sync.conflicts import KEPT, LOST, keep

    keep(ctx.profile(), conflict_id, LOST if other else KEPT)
    click.echo(_("Conflict settled."))


def _label(labels: dict[str, str], code: str | None) -> str:
    """A stored code's label in the UI language (the code itself when it has none)."""
    message = labels.get(code or "")
    return _(message) if message else code or ""


def _conflict_shown(row: dict) -> dict:
    """A conflict as the table shows it: the kind of record, the field and both values
    in the UI language."""
    tbl, name = row["tbl"], row["field"]
    return {
        **row,
        "short": row["id"][:8],
        "entity": entity_label(tbl),
        "field": field_label(tbl, name),
        "kept_value": field_value(tbl, name, row["kept_value"]),
        "lost_value": field_value(tbl, name, row["lost_value"]),
    }


def register(cli: click.Group) -> None:
    cli.add_command(org)
    cli.add_command(sync_cmd)
    cli.add_command(export_cmd)
    cli.add_command(import_cmd)
    cli.add_command(conflicts)
