"""What identifies a person is stripped from a beleidssignaal, and a child's name is found."""

import pytest

from jeugdketen.policysignals import scrub


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("BSN 123456782 staat erin", "bsn"),
        ("BSN 1234.56.782 staat erin", "bsn"),
        ("geboren 12-03-2015 in Dalfsen", "date"),
        ("op 2015-03-12 aangemeld", "date"),
        ("mail naar ouder@example.nl", "email"),
        ("bel 06-12345678 of 0529 123456", "phone"),
        ("woont op 7721 AB", "postcode"),
    ],
)
def test_identifying_details_are_stripped(text, kind):
    cleaned = scrub.strip(text)
    assert cleaned.removed == [kind]
    assert scrub.REMOVED in cleaned.text


def test_numbers_that_are_no_bsn_stay():
    text = "In 2026 wachtten 123456789 minuten, 40 gezinnen, 16 uur per week."
    assert scrub.strip(text) == scrub.Scrubbed(text, [])


def test_a_known_first_name_followed_by_a_surname_is_a_name():
    names = {"Noah", "Julia"}
    assert scrub.names_in("Ik zie dat Noah Jansen niet naar school gaat", names) == ["Noah Jansen"]
    assert scrub.names_in("Julia van der Veen wacht al lang", names) == ["Julia van der Veen"]
    assert scrub.names_in("Kinderen zoals Noah wachten lang", names) == []
    assert scrub.names_in("Saam Welzijn heeft geen plek", names) == []
