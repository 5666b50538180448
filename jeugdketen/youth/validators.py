from operator import mul

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)  # of the elfproef, digit by digit


def bsn_is_valid(value: str) -> bool:
    """The elfproef for a burgerservicenummer: 9 digits d1..d9 with
    9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11 (and not 0).
    Source: Wet algemene bepalingen burgerservicenummer; Logius, "Burgerservicenummer (BSN)
    elfproef"."""
    if len(value) != 9 or not value.isdigit():
        return False
    total = sum(map(mul, map(int, value), WEIGHTS))
    return total != 0 and total % 11 == 0


def normalise_bsn(value: str) -> str:
    """Strip spaces and dots; an 8-digit BSN gets its leading zero back."""
    digits = value.replace(" ", "").replace(".", "")
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits
    return digits


def validate_bsn(value: str) -> None:
    if not bsn_is_valid(normalise_bsn(value)):
        raise ValidationError(
            _("Dit is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef."), code="invalid_bsn"
        )
