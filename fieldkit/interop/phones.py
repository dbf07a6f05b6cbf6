"""Phone and fax numbers to E.164 with phonenumbers; the number as typed is always kept."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

from fieldkit.data.entities import PHONE_RE
from fieldkit.i18n import _


@dataclass(frozen=True)
class PhoneResult:
    """A typed number, its E.164 form when it is a possible number, and what is wrong if not."""

    typed: str
    e164: str | None
    problem: str | None = None

    @property
    def storable(self) -> bool:
        """Whether the typed text fits the phone field (digits and punctuation only)."""
        return bool(PHONE_RE.match(self.typed))


class PhoneNormalizer:
    """Converts numbers for one profile (its default country); remembers numbers seen."""

    def __init__(self, default_country: str | None):
        self.country = (default_country or "").upper() or None
        self._seen: dict[tuple[str, str | None], PhoneResult] = {}

    def __call__(self, typed: str, country: str | None = None) -> PhoneResult:
        """``typed`` in E.164; a national number is read for ``country`` (the contact's
        country) or else the profile's default country."""
        typed = " ".join(typed.split())
        region = country or self.country
        found = self._seen.get((typed, region))
        if found is None:
            found = self._seen[(typed, region)] = self._convert(typed, region)
        return found

    def _convert(self, typed: str, region: str | None) -> PhoneResult:
        text = typed
        if text.startswith("00"):
            text = "+" + text[2:]
        if not text.startswith("+") and region is None:
            return PhoneResult(
                typed,
                None,
                _(
                    "“%(number)s” has no country code and the profile has no default country; "
                    "it is kept as typed. Set the country with “fieldkit init --country” or "
                    "add the +code."
                )
                % {"number": typed},
            )
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_possible_number(number):
            return PhoneResult(
                typed,
                None,
                _("“%(number)s” is not a possible phone number; it is kept as typed.")
                % {"number": typed},
            )
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return PhoneResult(typed, e164)
