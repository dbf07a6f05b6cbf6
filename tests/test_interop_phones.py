"""E.164 (#7): the fast path for plain international numbers agrees with phonenumbers."""

from __future__ import annotations

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.interop.phones import PhoneNormalizer, international_e164

CODES = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


def slow(text: str) -> str | None:
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@settings(max_examples=400, deadline=None)
@given(
    code=st.sampled_from(CODES),
    national=st.text("0123456789", min_size=3, max_size=14),
    separator=st.sampled_from(["", " ", "-", "."]),
)
def test_fast_path_answers_as_phonenumbers_does(code, national, separator):
    text = f"+{code}{separator}{national[:3]}{separator}{national[3:]}"
    fast = international_e164(text)
    if fast is not None:
        assert fast == slow(text)


def test_national_numbers_use_the_contact_country_then_the_default():
    phones = PhoneNormalizer("IN")
    assert phones("011 2338 0000").e164 == "+911123380000"
    assert phones("01 42 00 00 00", "FR").e164 == "+33142000000"
    assert phones("0044 20 7946 0000").e164 == "+442079460000"
    assert phones("+44 (0)20 7946 0000").e164 == "+442079460000"
    flagged = phones("12")
    assert flagged.e164 is None and "not a possible phone number" in flagged.problem
    no_country = PhoneNormalizer(None)("2338 0000")
    assert no_country.e164 is None and "no default country" in no_country.problem
