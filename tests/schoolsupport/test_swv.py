"""The school's request to its samenwerkingsverband and the CAT's decision: the request goes only
with the documented steps (and, for a TLV, a set OPP the parents agreed with), is kept as sent,
and the SWV's coördinator reads that, not the school's file. A TLV needs the advice of two
deskundigen, one an orthopedagoog or psycholoog, and a school type, category and period."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import CLI
from jeugdketen.schoolsupport import selectors, services
from jeugdketen.schoolsupport.models import CATAdvice, CATMeeting, SWVRequest

from .conftest import OPP_CONTENT, days_ago, document_support, log_of, opp_draft, opp_final

pytestmark = pytest.mark.django_db

ALL_STEPS = [
    "signal",
    "pupil_talk",
    "parent_talk",
    "basic_support",
    "consultation",
    "plan",
    "evaluation",
    "opp",
    "opp_consent",
]


def missing(steps):
    return [s.key for s in steps if s.required and not s.done]


def submit(actor, youth, kind="tlv", question="Is een plek in het SBO passend voor Noah?", **kwargs):
    return services.swv_request_submit(
        actor=actor.user, youth=youth, kind=kind, question=question, access_point=CLI, **kwargs
    )


@pytest.fixture
def request_tlv(people, profile, noah):
    """Noah's documented support, his set OPP with the parents' agreement, and the TLV request."""
    document_support(people, noah)
    opp_final(people.ib, noah)
    return submit(people.ib, noah)


def advise(actor, request, expertise, name="Drs. P. de Vries"):
    return services.cat_advice_add(
        actor=actor.user,
        request=request,
        expert_name=name,
        expertise=expertise,
        advice="Een plek in het SBO sluit aan bij wat Noah nodig heeft.",
        access_point=CLI,
    )


def decide(actor, request, outcome="tlv", **kwargs):
    if outcome == "tlv":
        kwargs.setdefault("tlv_school_type", "sbo")
        kwargs.setdefault("tlv_category", "laag")
        kwargs.setdefault("valid_from", timezone.localdate())
        kwargs.setdefault("valid_until", timezone.localdate() + timedelta(days=2 * 365))
    return services.swv_request_decide(
        actor=actor.user,
        request=request,
        outcome=outcome,
        motivation=kwargs.pop("motivation", "De school heeft de basis- en extra ondersteuning uitgeput."),
        access_point=CLI,
        **kwargs,
    )


# --- readiness and submitting ------------------------------------------------------------------------------


def test_readiness_lists_every_step_still_missing(people, noah):
    assert missing(services.swv_readiness(noah, people.school, "tlv")) == ALL_STEPS
    # An arrangement does not need the OPP.
    assert missing(services.swv_readiness(noah, people.school, "arrangement")) == ALL_STEPS[:-2]


def test_readiness_follows_what_the_school_documented(people, noah):
    document_support(people, noah)
    assert missing(services.swv_readiness(noah, people.school, "arrangement")) == []
    assert missing(services.swv_readiness(noah, people.school, "tlv")) == ["opp", "opp_consent"]

    opp_draft(people.ib, noah, **OPP_CONTENT)
    steps = {s.key: s for s in services.swv_readiness(noah, people.school, "tlv")}
    assert (steps["opp"].done, steps["opp"].detail) == (False, "concept")


def test_readiness_is_per_school(people, noah):
    document_support(people, noah)
    assert missing(services.swv_readiness(noah, people.other_school, "arrangement")) == ALL_STEPS[:-2]


def test_a_tlv_request_without_the_documented_steps_is_refused_naming_them(people, profile, noah):
    with pytest.raises(ValidationError) as error:
        submit(people.ib, noah)
    assert error.value.message_dict == {
        "kind": [
            "Nog niet gedocumenteerd: Signaal van de leerkracht vastgelegd; Gesprek met de leerling; "
            "Gesprek met de ouders; Gegeven basisondersteuning beschreven; Consultatie met de intern begeleider; "
            "Extra ondersteuning in een handelingsplan; Handelingsplan geëvalueerd; OPP vastgesteld; "
            "Ouders stemden in met het handelingsdeel van het OPP."
        ]
    }
    assert not SWVRequest.objects.exists()


def test_a_tlv_request_needs_a_set_opp_and_the_parents_agreement(people, profile, noah):
    document_support(people, noah)
    with pytest.raises(ValidationError) as error:
        submit(people.ib, noah)
    assert error.value.message_dict == {
        "kind": ["Nog niet gedocumenteerd: OPP vastgesteld; Ouders stemden in met het handelingsdeel van het OPP."]
    }

    opp_final(people.ib, noah, consent=False)
    with pytest.raises(ValidationError) as error:
        submit(people.ib, noah)
    assert error.value.message_dict == {
        "kind": ["Nog niet gedocumenteerd: Ouders stemden in met het handelingsdeel van het OPP."]
    }
    assert not SWVRequest.objects.exists()
    assert not log_of(noah, description__startswith="aanvraag").exists()


def test_a_complete_tlv_request_is_submitted_and_kept_as_sent(people, profile, noah):
    document_support(people, noah)
    opp = opp_final(people.ib, noah)
    request = submit(people.ib, noah)

    assert (request.youth, request.school, request.swv, request.kind) == (noah, people.school, people.swv, "tlv")
    assert (request.status, request.opp, request.submitted_by) == (SWVRequest.Status.SUBMITTED, opp, people.ib)
    assert (request.submitted_on, request.outcome) == (days_ago(0), "")
    assert request.reference == f"SWV-{timezone.localdate().year}-0001"
    sent = request.sent
    assert sent["youth"] == {"name": "Noah Jansen", "date_of_birth": noah.date_of_birth.isoformat()}
    assert sent["school"] == "OBS De Vecht"
    assert len(sent["steps"]) == len(ALL_STEPS) and all(step["done"] for step in sent["steps"])
    assert sent["steps"][0] == {"label": "Signaal van de leerkracht vastgelegd", "done": True, "detail": ""}
    assert sent["history"] == services.opp_history(noah, people.school) and sent["history"]
    assert sent["opp"]["status"] == "Vastgesteld"
    assert sent["opp"]["finalised_on"] == opp.finalised_on.isoformat()
    assert sent["opp"]["consent_on"] == days_ago(5).isoformat()
    assert sent["opp"]["uitstroom"] == {"label": "uitstroomprofiel", "value": "Vervolgonderwijs"}
    assert sent["opp"]["onderbouwing"] == {
        "label": "onderbouwing van het uitstroomperspectief",
        "value": OPP_CONTENT["onderbouwing"],
    }
    assert sent["opp"]["handelingsdeel"]["value"] == OPP_CONTENT["handelingsdeel"]

    entry = log_of(noah).last()
    assert (entry.event, entry.ground, entry.function_code, entry.object_ids) == (
        "create",
        "school",
        "intern_begeleider",
        [f"swvrequest:{request.pk}"],
    )


def test_what_was_sent_stays_as_sent(people, profile, noah):
    document_support(people, noah)
    request = submit(people.ib, noah, kind="arrangement", question="Ambulante begeleiding voor Noah?")
    services.note_add(
        actor=people.teacher.user, youth=noah, kind="gesprek_ouders", text="Nieuw gesprek.", access_point=CLI
    )
    request.refresh_from_db()
    assert "Nieuw gesprek." not in request.sent["history"]
    assert "opp" not in request.sent  # an arrangement went without an OPP


def test_one_open_request_of_a_kind_at_a_time(people, profile, request_tlv, noah):
    with pytest.raises(ValidationError) as error:
        submit(people.ib, noah)
    assert error.value.message_dict == {"kind": ["Er loopt al zo'n aanvraag voor deze leerling."]}


def test_a_school_without_an_swv_does_not_submit(people, noah):
    document_support(people, noah)
    with pytest.raises(ValidationError) as error:
        submit(people.ib, noah, kind="arrangement")
    assert list(error.value.message_dict) == ["kind"]
    assert not SWVRequest.objects.exists()


def test_the_teacher_does_not_submit(people, profile, noah):
    document_support(people, noah)
    with pytest.raises(NotAllowed):
        submit(people.teacher, noah, kind="arrangement")


# --- the CAT --------------------------------------------------------------------------------------------


def test_the_coordinator_puts_the_request_on_the_agenda_of_a_cat_meeting(people, request_tlv, noah):
    meeting = services.cat_meeting_plan(actor=people.coordinator.user, swv=people.swv, held_on=days_ago(-7))
    assert (meeting.swv, meeting.chair) == (people.swv, people.coordinator)
    request = services.swv_request_schedule(
        actor=people.coordinator.user, request=request_tlv, meeting=meeting, access_point=CLI
    )
    assert (request.status, request.cat_meeting) == (SWVRequest.Status.ON_AGENDA, meeting)
    entry = log_of(noah).last()
    assert (entry.event, entry.ground, entry.function_code, entry.ground_detail) == (
        "update",
        "swv",
        "coordinator_swv",
        request.reference,
    )


def test_a_request_goes_on_a_meeting_of_its_own_swv(people, request_tlv):
    elsewhere = services.cat_meeting_plan(
        actor=people.other_coordinator.user, swv=people.other_swv, held_on=days_ago(-7)
    )
    with pytest.raises(ValidationError) as error:
        services.swv_request_schedule(
            actor=people.coordinator.user, request=request_tlv, meeting=elsewhere, access_point=CLI
        )
    assert list(error.value.message_dict) == ["meeting"]


def test_a_tlv_needs_two_advices(people, request_tlv):
    advise(people.coordinator, request_tlv, "orthopedagoog")
    with pytest.raises(ValidationError) as error:
        decide(people.coordinator, request_tlv)
    assert error.value.message_dict == {
        "outcome": ["Er is 1 advies van een deskundige; voor een TLV zijn er minstens 2 nodig."]
    }
    request_tlv.refresh_from_db()
    assert (request_tlv.status, request_tlv.outcome) == (SWVRequest.Status.SUBMITTED, "")


def test_a_tlv_needs_an_orthopedagoog_or_a_psycholoog(people, request_tlv):
    advise(people.coordinator, request_tlv, "arts", "Dr. A. Bakker")
    advise(people.coordinator, request_tlv, "maatschappelijk_werker", "M. Kok")
    with pytest.raises(ValidationError) as error:
        decide(people.coordinator, request_tlv)
    assert error.value.message_dict == {
        "outcome": ["Eén van de deskundigen moet een orthopedagoog of psycholoog zijn."]
    }


@pytest.mark.parametrize(
    ("missing_field", "value"),
    [
        ("tlv_school_type", ""),
        ("tlv_category", "extra"),
        ("valid_from", None),
        ("valid_until", None),
    ],
)
def test_a_tlv_names_the_school_type_the_category_and_the_period(people, request_tlv, missing_field, value):
    advise(people.coordinator, request_tlv, "orthopedagoog")
    advise(people.coordinator, request_tlv, "arts", "Dr. A. Bakker")
    with pytest.raises(ValidationError) as error:
        decide(people.coordinator, request_tlv, **{missing_field: value})
    assert list(error.value.message_dict) == [missing_field]
    request_tlv.refresh_from_db()
    assert request_tlv.status == SWVRequest.Status.SUBMITTED


def test_a_tlv_ends_after_it_starts(people, request_tlv):
    advise(people.coordinator, request_tlv, "orthopedagoog")
    advise(people.coordinator, request_tlv, "psycholoog", "Dr. B. Smit")
    with pytest.raises(ValidationError) as error:
        decide(people.coordinator, request_tlv, valid_until=days_ago(1))
    assert list(error.value.message_dict) == ["valid_until"]


def test_the_cat_decides_on_a_tlv_with_the_advice_of_an_orthopedagoog_and_an_arts(people, request_tlv, noah):
    meeting = services.cat_meeting_plan(actor=people.coordinator.user, swv=people.swv, held_on=days_ago(0))
    services.swv_request_schedule(actor=people.coordinator.user, request=request_tlv, meeting=meeting, access_point=CLI)
    ortho = advise(people.coordinator, request_tlv, "orthopedagoog")
    advise(people.coordinator, request_tlv, "arts", "Dr. A. Bakker")
    assert (ortho.recorded_by, ortho.given_on) == (people.coordinator, days_ago(0))
    request = decide(people.coordinator, request_tlv)
    request.refresh_from_db()
    assert (request.status, request.outcome, request.tlv_school_type, request.tlv_category) == (
        SWVRequest.Status.DECIDED,
        "tlv",
        "sbo",
        "laag",
    )
    assert (request.decided_on, request.decided_by, request.valid_from) == (
        days_ago(0),
        people.coordinator,
        days_ago(0),
    )
    entry = log_of(noah).last()
    assert (entry.event, entry.ground, entry.function_code, entry.description) == (
        "update",
        "swv",
        "coordinator_swv",
        f"besluit CAT op {request.reference}: tlv afgegeven",
    )
    with pytest.raises(ValidationError):
        decide(people.coordinator, request, outcome="afgewezen")
    with pytest.raises(ValidationError):
        advise(people.coordinator, request, "psycholoog")


def test_a_rejection_is_motivated(people, request_tlv):
    with pytest.raises(ValidationError) as error:
        decide(people.coordinator, request_tlv, outcome="afgewezen", motivation="  ")
    assert error.value.message_dict == {"motivation": ["Motiveer het besluit."]}
    request = decide(people.coordinator, request_tlv, outcome="afgewezen")
    assert (request.outcome, request.tlv_school_type, request.valid_from) == ("afgewezen", "", None)


def test_the_coordinator_of_another_swv_gets_not_found(people, request_tlv, noah):
    other = people.other_coordinator
    with pytest.raises(NotFoundOrForbidden) as error:
        advise(other, request_tlv, "orthopedagoog")
    assert isinstance(error.value, Http404)
    with pytest.raises(NotFoundOrForbidden):
        decide(other, request_tlv, outcome="afgewezen")
    meeting = services.cat_meeting_plan(actor=people.coordinator.user, swv=people.swv, held_on=days_ago(-7))
    with pytest.raises(NotFoundOrForbidden):
        services.swv_request_schedule(actor=other.user, request=request_tlv, meeting=meeting, access_point=CLI)
    with pytest.raises(NotFoundOrForbidden):
        services.cat_meeting_plan(actor=other.user, swv=people.swv, held_on=days_ago(-7))
    with pytest.raises(NotFoundOrForbidden):
        selectors.request_detail(actor=other.user, request_id=request_tlv.pk, access_point=CLI)
    assert not CATAdvice.objects.exists() and CATMeeting.objects.count() == 1
    request_tlv.refresh_from_db()
    assert (request_tlv.status, request_tlv.outcome) == (SWVRequest.Status.SUBMITTED, "")
    refusals = log_of(noah, event="refused", user_id=other.user_id)
    assert refusals.count() == 4  # the advice, the decision, the agenda and the read


def test_the_school_does_not_decide(people, request_tlv):
    with pytest.raises(NotFoundOrForbidden):
        decide(people.ib, request_tlv, outcome="afgewezen")


# --- what the SWV reads ----------------------------------------------------------------------------------


def test_the_coordinator_reads_the_request_as_sent(people, request_tlv, noah):
    view = selectors.request_detail(actor=people.coordinator.user, request_id=request_tlv.pk, access_point=CLI)
    assert (view.request, view.youth, view.is_coordinator, view.is_school, view.is_family) == (
        request_tlv,
        noah,
        True,
        False,
        False,
    )
    assert view.grant.ground == "swv"
    assert view.advice_missing == [
        "Er zijn 0 adviezen van deskundigen; voor een TLV zijn er minstens 2 nodig.",
        "Eén van de deskundigen moet een orthopedagoog of psycholoog zijn.",
    ]
    entry = log_of(noah, event="read").get()
    assert (entry.user_id, entry.ground, entry.function_code, entry.object_ids) == (
        people.coordinator.user_id,
        "swv",
        "coordinator_swv",
        [f"swvrequest:{request_tlv.pk}"],
    )


def test_the_coordinator_does_not_read_the_schools_file(people, request_tlv, noah):
    with pytest.raises(NotFoundOrForbidden):
        selectors.pupil_support(actor=people.coordinator.user, youth_id=noah.pk, access_point=CLI)
    refusal = log_of(noah, event="refused").get()
    assert refusal.user_id == people.coordinator.user_id


def test_the_school_that_sent_it_reads_the_request(people, request_tlv):
    view = selectors.request_detail(actor=people.ib.user, request_id=request_tlv.pk, access_point=CLI)
    assert (view.is_coordinator, view.is_school, view.grant.ground) == (False, True, "school")
    assert view.meetings == [] and view.advice_missing == []


def test_a_request_does_not_go_on_a_meeting_that_was_held(people, request_tlv):
    held = CATMeeting.objects.create(swv=people.swv, held_on=days_ago(3), chair=people.coordinator)
    with pytest.raises(ValidationError) as raised:
        services.swv_request_schedule(
            actor=people.coordinator.user, request=request_tlv, meeting=held, access_point=CLI
        )
    assert raised.value.message_dict == {"meeting": ["Deze CAT-vergadering is al geweest; kies een volgende."]}
