"""Whose consent youth care needs, by age (Jeugdwet art. 7.3.5, BW 7:447/7:450): pinned."""

import pytest

from jeugdketen.access import consent


def test_the_ages_of_the_law():
    assert (consent.YOUTH_CONSENTS_FROM_AGE, consent.YOUTH_ALONE_FROM_AGE) == (12, 16)


@pytest.mark.parametrize(
    ("age", "needed"),
    [
        (0, "ouders"),
        (11, "ouders"),
        (12, "ouders_jeugdige"),
        (15, "ouders_jeugdige"),
        (16, "jeugdige"),
        (22, "jeugdige"),
    ],
)
def test_consent_needed_from(age, needed):
    assert consent.consent_needed_from(age) == needed


@pytest.mark.parametrize(
    ("given", "age", "covers"),
    [
        ("ouders", 11, True),
        ("ouders", 12, False),  # from 12 the youth agrees too
        ("jeugdige", 15, False),  # under 16 the parents too
        ("ouders_jeugdige", 14, True),
        ("ouders_jeugdige", 8, True),
        ("ouders_jeugdige", 17, True),
        ("jeugdige", 16, True),
        ("ouders", 16, False),  # from 16 the youth decides alone
    ],
)
def test_covers(given, age, covers):
    assert consent.covers(given, age) is covers
