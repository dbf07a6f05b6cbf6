"""The ``fieldkit`` command: everything FieldKit does, without a window.

A thin click layer over :class:`fieldkit.profile.Profile`. Command groups
live in their own modules and are registered at the bottom of this file.
Errors meant for people (:class:`FieldKitError`) become one line on stderr
and a non-zero exit; anything else is logged with its traceback and
reported as an unexpected error, never shown raw.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import click

from fieldkit import __version__
from fieldkit.errors import FieldKitError
from fieldkit.i18n import _, environment_language, set_language
from fieldkit.logs import setup_logging
from fieldkit.profile import Profile, data_dir, default_profile_path

log = logging.getLogger("fieldkit.cli")

EXIT_UNEXPECTED = 70


class Context:
    """What every command gets: where the profile is, and the open profile on demand."""

    def __init__(self, profile_path: Path | None):
        self.profile_path = profile_path or default_profile_path()
        self._profile: Profile | None = None

    def profile(self) -> Profile:
        if self._profile is None:
            from fieldkit.cli.safety import passphrase_for

            self._profile = Profile.open(
                self.profile_path, passphrase=passphrase_for(self.profile_path)
            )
            language = self._profile.setting("language")
            if language:
                set_language(language)
        return self._profile

    def close(self) -> None:
        if self._profile is not None:
            self._profile.close()
            self._profile = None


pass_ctx = click.make_pass_decorator(Context)


class FieldKitGroup(click.Group):
    """Turns FieldKit errors into one clear line and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except FieldKitError as exc:
            log.info("command failed: %s", type(exc).__name__)
            raise click.ClickException(str(exc)) from None
        except sqlite3.Error as exc:
            log.exception("database error")
            raise click.ClickException(
                _("The profile's database reported an error (%(error)s). Details are in %(log)s.")
                % {"error": type(exc).__name__, "log": data_dir() / "logs"}
            ) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception:
            log.exception("unexpected error")
            click.echo(
                _("Unexpected error: nothing was changed. Details are in %(log)s.")
                % {"log": data_dir() / "logs" / "fieldkit.log"},
                err=True,
            )
            ctx.exit(EXIT_UNEXPECTED)


@click.group(cls=FieldKitGroup)
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="FIELDKIT_PROFILE",
    help="Profile folder to use (default: the profile in the platform data folder).",
)
@click.version_option(__version__, prog_name="fieldkit")
@click.pass_context
def cli(ctx: click.Context, profile_path: Path | None) -> None:
    """FieldKit: contacts, campaigns, materials and law summaries, offline.

    Example:

        fieldkit --profile ./office init --org "Shakti Vahini" --country IN
    """
    setup_logging(data_dir() / "logs")
    ctx.obj = Context(profile_path)
    ctx.call_on_close(ctx.obj.close)


def main() -> None:
    """The ``fieldkit`` program: it speaks the user's language until a profile is open.

    That is ``FIELDKIT_LANGUAGE`` when set, else the system's language (``LANGUAGE``,
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG``) when FieldKit speaks it, else English; an open
    profile's language then takes over.
    """
    set_language(environment_language())
    cli(prog_name="fieldkit")


def register() -> None:
    from fieldkit.cli import admin, records, settings

    admin.register(cli)
    records.register(cli)
    settings.register(cli)
    _register_optional()


def _register_optional() -> None:
    """Command groups from other parts of FieldKit, when present."""
    import importlib

    for module in ("leaflets", "sync", "interop", "i18n", "safety"):
        try:
            mod = importlib.import_module(f"fieldkit.cli.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"fieldkit.cli.{module}":
                raise
            continue
        mod.register(cli)


register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
