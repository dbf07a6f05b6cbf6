"""Phone and fax numbers to E.164 with phonenumbers; the number as typed is always kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

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
        fast = international_e164(text)
        if fast:
            return PhoneResult(typed, fast)
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


_NOT_DIGIT = re.compile(r"\D+")
_PLAIN_INTERNATIONAL = re.compile(r"^\+[0-9][0-9 ().\-/]{5,30}$")


@cache
def _metadata(code: int) -> tuple[re.Pattern | None, frozenset[int]] | None:
    regions = COUNTRY_CODE_TO_REGION_CODE.get(code)
    if not regions:
        return None
    meta = PhoneMetadata.metadata_for_region_or_calling_code(code, regions[0])
    if meta is None or meta.general_desc is None:
        return None
    prefix = meta.national_prefix_for_parsing
    lengths = frozenset(meta.general_desc.possible_length or ())
    return (re.compile(prefix) if prefix else None), lengths


def international_e164(text: str) -> str | None:
    """E.164 of a plain international number (``+`` then digits and punctuation), or None.

    The same answer as phonenumbers' parse, is_possible_number and E.164 format when it
    answers at all, without its cost (about 50 µs a number): it answers only when the
    number can have no national prefix to strip and its length is a possible one; in every
    other case it returns None and the caller asks phonenumbers.
    """
    if not _PLAIN_INTERNATIONAL.match(text) or "(0)" in text:
        return None
    digits = _NOT_DIGIT.sub("", text)
    for size in (1, 2, 3):
        code = int(digits[:size])
        if code in COUNTRY_CODE_TO_REGION_CODE:
            found = _metadata(code)
            if found is None:
                return None
            prefix, lengths = found
            national = digits[size:]
            if prefix is not None and prefix.match(national):
                return None
            return "+" + digits if len(national) in lengths else None
    return None
