"""The terms of passend onderwijs, pinned with dates: the OPP within six weeks of enrolment (moved
past weekends and holidays by the Algemene termijnenwet), its yearly evaluation with the parents,
the zorgplicht of six weeks (once extended by four), and the advice of the deskundigen a TLV needs.
Then the same terms through the services, with explicit dates."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.services import CLI
from jeugdketen.schoolsupport import services, terms
from jeugdketen.schoolsupport.models import Admission

from .conftest import days_ago, opp_final

# --- pure ---------------------------------------------------------------------------------------------


def test_the_opp_is_set_within_six_weeks_of_enrolment():
    assert terms.OPP_TERM == timedelta(weeks=6)
    assert terms.opp_due_on(date(2026, 9, 7)) == date(2026, 10, 19)  # Monday to Monday


@pytest.mark.parametrize(
    ("enrolled_on", "due_on"),
    [
        (date(2026, 9, 19), date(2026, 11, 2)),  # ends on Saturday 31 October: the Monday after
        (date(2026, 3, 16), date(2026, 4, 28)),  # ends on Koningsdag (Monday 27 April 2026)
        (date(2024, 11, 14), date(2024, 12, 27)),  # ends on tweede kerstdag (Thursday 26 December 2024)
        (date(2025, 11, 14), date(2025, 12, 29)),  # ends on tweede kerstdag, then a weekend
    ],
)
def test_the_algemene_termijnenwet_moves_the_opp_term_past_weekends_and_holidays(enrolled_on, due_on):
    assert terms.opp_due_on(enrolled_on) == due_on


@pytest.mark.parametrize(
    ("last", "due"),
    [
        (date(2026, 3, 10), date(2027, 3, 10)),
        (date(2024, 2, 29), date(2025, 2, 28)),  # a leap day: the last day of February a year on
        (date(2026, 10, 31), date(2027, 10, 31)),  # a yearly evaluation is no statutory end: not moved
    ],
)
def test_the_opp_is_evaluated_with_the_parents_a_year_after_it_was_set_or_last_evaluated(last, due):
    assert terms.opp_evaluation_due(last) == due


def test_the_zorgplicht_is_six_weeks_and_once_four_more():
    assert terms.zorgplicht_due_on(date(2026, 9, 7), extended=False) == date(2026, 10, 19)
    assert terms.zorgplicht_due_on(date(2026, 9, 7), extended=True) == date(2026, 11, 16)


def test_the_zorgplicht_term_moves_past_holidays_too():
    # Six weeks end on Koningsdag 2026, ten weeks on tweede pinksterdag (Monday 25 May 2026).
    assert terms.zorgplicht_due_on(date(2026, 3, 16), extended=False) == date(2026, 4, 28)
    assert terms.zorgplicht_due_on(date(2026, 3, 16), extended=True) == date(2026, 5, 26)
    # Ten weeks after Saturday 19 September 2026 is a Saturday: the Monday after.
    assert terms.zorgplicht_due_on(date(2026, 9, 19), extended=True) == date(2026, 11, 30)


def test_a_tlv_needs_the_advice_of_two_deskundigen():
    assert terms.tlv_advice_missing([]) == [
        "Er zijn 0 adviezen van deskundigen; voor een TLV zijn er minstens 2 nodig.",
        "Eén van de deskundigen moet een orthopedagoog of psycholoog zijn.",
    ]
    assert terms.tlv_advice_missing(["orthopedagoog"]) == [
        "Er is 1 advies van een deskundige; voor een TLV zijn er minstens 2 nodig."
    ]


def test_one_of_the_deskundigen_is_an_orthopedagoog_or_a_psycholoog():
    assert terms.tlv_advice_missing(["arts", "maatschappelijk_werker"]) == [
        "Eén van de deskundigen moet een orthopedagoog of psycholoog zijn."
    ]
    assert terms.tlv_advice_missing(["orthopedagoog", "arts"]) == []
    assert terms.tlv_advice_missing(["arts", "psycholoog"]) == []


# --- through the services ------------------------------------------------------------------------------


def register(people, received_on):
    return services.admission_register(
        actor=people.ib.user,
        school=people.school,
        first_name="Daan",
        last_name="Visser",
        date_of_birth=date(2019, 6, 2),
        support_need="Daan heeft een auditieve beperking en een ringleiding nodig.",
        received_on=received_on,
    )


def test_an_application_starts_the_six_week_term(people):
    admission = register(people, days_ago(7))
    assert admission.due_on == terms.zorgplicht_due_on(days_ago(7), extended=False)


def test_the_term_is_extended_once_by_four_weeks(people):
    admission = register(people, days_ago(7))
    admission = services.admission_extend(
        actor=people.ib.user, admission=admission, reason="Wachten op het audiologisch centrum."
    )
    assert admission.extended_on == days_ago(0)
    assert admission.due_on == terms.zorgplicht_due_on(days_ago(7), extended=True)

    with pytest.raises(ValidationError) as error:
        services.admission_extend(actor=people.ib.user, admission=admission, reason="Nog een keer.")
    assert error.value.message_dict == {"reason": ["De termijn is al eens verlengd; dat kan maar één keer."]}
    admission.refresh_from_db()
    assert admission.extension_reason == "Wachten op het audiologisch centrum."


def test_the_term_is_not_extended_once_the_six_weeks_have_passed(people):
    admission = register(people, days_ago(10 * 7))
    with pytest.raises(ValidationError) as error:
        services.admission_extend(actor=people.ib.user, admission=admission, reason="Te laat.")
    assert error.value.message_dict == {
        "reason": ["De termijn van zes weken is al voorbij; verlengen kan alleen daarbinnen."]
    }
    assert Admission.objects.get().extended_on is None


def test_a_teacher_does_not_extend_the_term(people):
    admission = register(people, days_ago(7))
    with pytest.raises(NotAllowed):
        services.admission_extend(actor=people.teacher.user, admission=admission, reason="Mag niet.")


def test_the_opp_evaluation_is_due_a_year_after_it_was_set_then_a_year_after_the_last_evaluation(people, noah):
    opp = opp_final(people.ib, noah, consent=False, enrolled_on=date(2024, 1, 15), finalised_on=date(2024, 2, 29))
    assert services.opp_evaluation_due(opp) == date(2025, 2, 28)

    evaluated_on = days_ago(3)
    services.opp_evaluate(
        actor=people.ib.user, opp=opp, held_on=evaluated_on, conclusion="Perspectief blijft staan.", access_point=CLI
    )
    assert services.opp_evaluation_due(opp) == terms.opp_evaluation_due(evaluated_on)


def test_an_evaluation_without_the_parents_does_not_count_as_the_yearly_one(people, noah):
    opp = opp_final(people.ib, noah, consent=False, enrolled_on=date(2024, 1, 15), finalised_on=date(2024, 2, 29))
    services.opp_evaluate(
        actor=people.ib.user,
        opp=opp,
        held_on=days_ago(3),
        conclusion="Intern besproken.",
        with_parents=False,
        access_point=CLI,
    )
    assert services.opp_evaluation_due(opp) == date(2025, 2, 28)


def test_a_draft_opp_has_no_evaluation_due(people, noah):
    opp = services.opp_create(actor=people.ib.user, youth=noah, enrolled_on=days_ago(10), access_point=CLI)
    assert services.opp_evaluation_due(opp) is None
    assert opp.due_on == terms.opp_due_on(days_ago(10))


def test_an_extension_is_not_dated_before_the_application_was_received(people):
    admission = register(people, days_ago(7))
    with pytest.raises(ValidationError):
        services.admission_extend(
            actor=people.ib.user, admission=admission, reason="Te vroeg gedateerd.", extended_on=days_ago(30)
        )
