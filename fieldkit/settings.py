"""This device's settings of a profile, as the Settings page and ``fieldkit settings`` show them.

Both check new values with :func:`validate_settings` and save what it returns with
``Profile.set_settings``, so a value the app refuses is refused on the command line with the
same message, and the app's idle lock reads the time with :func:`idle_minutes` whichever of
the two saved it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldkit import i18n
from fieldkit.data import entities as E
from fieldkit.errors import ValidationError
from fieldkit.i18n import N_, _

if TYPE_CHECKING:
    from fieldkit.profile import Profile

IDLE_SETTING = "lock_after_minutes"
DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 240


@dataclass(frozen=True)
class Setting:
    """One setting: its key in the profile and its label (marked, translated when shown)."""

    key: str
    label: str


# In the order of the Settings page.
SETTINGS = (
    Setting("organization", N_("Organisation")),
    Setting("device_name", N_("Device name")),
    Setting("language", N_("Language")),
    Setting("default_country", N_("Default country")),
    Setting(IDLE_SETTING, N_("Lock after (minutes without use)")),
)
KEYS = tuple(setting.key for setting in SETTINGS)


def idle_minutes(profile: Profile) -> int:
    """The idle time saved in the profile, in minutes (0: the idle lock is off)."""
    raw = profile.setting(IDLE_SETTING, str(DEFAULT_IDLE_MINUTES))
    try:
        return max(0, int(raw or 0))
    except ValueError:
        return DEFAULT_IDLE_MINUTES


def current_settings(profile: Profile) -> dict[str, str | int]:
    """The settings as saved, by key (the lock time as the lock reads it)."""
    return {
        "organization": profile.setting("organization") or "",
        "device_name": profile.setting("device_name") or "",
        "language": profile.setting("language") or i18n.DEFAULT_LANGUAGE,
        "default_country": profile.setting("default_country") or "",
        IDLE_SETTING: idle_minutes(profile),
    }


def setting_key(name: str) -> str:
    """The key of a setting named ``name`` (``lock-after-minutes`` is ``lock_after_minutes``).

    An unknown name raises :class:`ValidationError` naming the settings there are.
    """
    key = name.strip().replace("-", "_").lower()
    if key not in KEYS:
        raise ValidationError(
            {
                name: _("There is no setting “%(name)s”. The settings are: %(keys)s.")
                % {"name": name, "keys": ", ".join(KEYS)}
            }
        )
    return key


def _validate(key: str, value: Any) -> str | int:
    if key == "language":
        language = str(value).strip()
        if language not in i18n.LANGUAGES:
            raise ValueError(
                _("FieldKit does not speak “%(value)s”. Choose one of: %(languages)s.")
                % {"value": language, "languages": ", ".join(i18n.LANGUAGES)}
            )
        return language
    if key == "default_country":
        country = str(value).strip()
        if not country:
            return ""
        try:
            return E.normalize(E.CONTACTS, {"country": country}, partial=True)["country"]
        except ValidationError as exc:
            raise ValueError(exc.errors["country"]) from None
    if key == IDLE_SETTING:
        text = str(value).strip()
        minutes = int(text) if text.isdecimal() else -1
        if not 0 <= minutes <= MAX_IDLE_MINUTES:
            raise ValueError(
                _(
                    "“%(value)s” is not a lock time: give a whole number of minutes from 0 "
                    "(never lock) to %(max)d."
                )
                % {"value": value, "max": MAX_IDLE_MINUTES}
            )
        return minutes
    return str(value).strip()


def validate_settings(values: Mapping[str, Any]) -> dict[str, str | int]:
    """``values`` (by key) as they are saved; :class:`ValidationError` for any bad one.

    Text is trimmed, the country is an upper-case ISO code (or empty), the language one
    FieldKit speaks, and the lock time a whole number of minutes from 0 (never) to
    :data:`MAX_IDLE_MINUTES`. The error maps each bad key to its message.
    """
    clean: dict[str, str | int] = {}
    errors: dict[str, str] = {}
    for name, value in values.items():
        key = setting_key(name)
        try:
            clean[key] = _validate(key, value)
        except ValueError as exc:
            errors[key] = str(exc)
    if errors:
        raise ValidationError(errors)
    return clean
