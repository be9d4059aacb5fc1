"""The fast phone path must agree with the phonenumbers library wherever it answers."""

from __future__ import annotations

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.model.phones import fast_e164

REGIONS = [
    "GB",
    "RS",
    "XK",
    "AL",
    "BA",
    "MK",
    "TR",
    "IQ",
    "IR",
    "AF",
    "SY",
    "ER",
    "VN",
    "FR",
    "DE",
    "IT",
    "US",
    "GR",
    "BG",
    "HU",
    "HR",
]


def library_e164(text: str, region: str | None) -> str | None:
    # accord reads a leading 00 as the international prefix in every region (clean_phone does
    # the same before asking the library), as European agencies write numbers.
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def test_example_numbers_of_every_region_and_type_agree() -> None:
    checked = 0
    for region in phonenumbers.SUPPORTED_REGIONS:
        for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            international = phonenumbers.format_number(
                example, phonenumbers.PhoneNumberFormat.INTERNATIONAL
            )
            national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
            for text, hint in ((international, None), (national, region)):
                fast = fast_e164(text, hint)
                if fast is not None:
                    assert (fast or None) == library_e164(text, hint), (region, text)
                    checked += 1
    assert checked > 300


@settings(max_examples=2000)
@given(
    st.sampled_from(REGIONS), st.text(alphabet="0123456789", min_size=5, max_size=13), st.booleans()
)
def test_random_digit_strings_never_pass_where_the_library_refuses(
    region: str, digits: str, plus: bool
) -> None:
    text = f"+{digits}" if plus else digits
    fast = fast_e164(text, region)
    if fast is not None:
        assert (fast or None) == library_e164(text, region), (
            "INVALID ('') must mean the library refuses"
        )


def test_drama_range_is_refused_like_the_library() -> None:
    assert fast_e164("07700 900123", "GB") == ""
    assert library_e164("07700 900123", "GB") is None


def test_a_local_number_starting_with_the_calling_code_is_left_to_the_library() -> None:
    assert fast_e164("4930000", "DE") is None
    assert library_e164("4930000", "DE") == "+4930000"
