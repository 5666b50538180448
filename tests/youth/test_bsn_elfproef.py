"""The BSN is checked with the elfproef (9 digits; 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11)."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from jeugdketen.youth.validators import bsn_is_valid, normalise_bsn, validate_bsn


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999999990"])
def test_known_valid_numbers_pass(bsn):
    assert bsn_is_valid(bsn)


@pytest.mark.parametrize("bsn", ["123456789", "111222334", "000000000", "12345678", "1234567890", "12345678a", ""])
def test_invalid_numbers_fail(bsn):
    assert not bsn_is_valid(bsn)


def test_an_eight_digit_bsn_gets_its_leading_zero():
    assert normalise_bsn("12345672") == "012345672"
    assert normalise_bsn("1112.22.333") == "111222333"


def test_the_error_message_is_dutch_and_says_why():
    with pytest.raises(ValidationError) as error:
        validate_bsn("123456789")
    assert error.value.messages == ["Dit is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef."]


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_changing_one_digit_of_a_valid_bsn_always_breaks_it(digits):
    if not bsn_is_valid(digits):
        return
    for position in range(9):
        for replacement in "0123456789":
            if replacement != digits[position]:
                changed = digits[:position] + replacement + digits[position + 1 :]
                assert not bsn_is_valid(changed) or changed == "000000000"
