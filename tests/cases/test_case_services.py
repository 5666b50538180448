"""Cases: the casusregisseur involves others, involved professionals write in the journal in
the categories of their function, and every change is logged."""

import pytest
from django.core.exceptions import ValidationError

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.cases import services
from jeugdketen.cases.models import Case, JournalEntry
from tests.factories import YouthFactory, case_with, function, involve, professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    return case_with(YouthFactory(), professional("jeugdconsulent"), "jeugdconsulent")


def test_the_regisseur_involves_a_professional_who_then_sees_the_youth(case):
    nurse = professional("jeugdverpleegkundige")
    assert not policy.access_for(nurse.user, case.youth)
    services.involvement_add(
        actor=case.casusregisseur.user,
        case=case,
        professional=nurse,
        function=function("jeugdverpleegkundige"),
        access_point=CLI,
    )
    assert policy.access_for(nurse.user, case.youth).can("health")
    entry = AccessLogEntry.objects.filter(object_type="involvement").get()
    assert entry.function_code == "jeugdconsulent"
    assert entry.ground == "case"


def test_someone_else_involved_cannot_involve_others(case):
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    with pytest.raises(NotAllowed, match="Alleen de casusregisseur"):
        services.involvement_add(
            actor=teacher.user,
            case=case,
            professional=professional("politie"),
            function=function("politie"),
            access_point=CLI,
        )


def test_a_stranger_gets_not_found_and_the_refusal_is_logged(case):
    stranger = professional("jeugdconsulent")
    with pytest.raises(NotFoundOrForbidden):
        services.involvement_add(
            actor=stranger.user, case=case, professional=stranger, function=function("jeugdconsulent"), access_point=CLI
        )
    assert AccessLogEntry.objects.filter(event="refused", user_id=stranger.user_id, youth_id=case.youth_id).exists()


def test_involving_in_a_function_the_person_does_not_hold_is_refused(case):
    teacher = professional("leerkracht")
    with pytest.raises(ValidationError) as error:
        services.involvement_add(
            actor=case.casusregisseur.user,
            case=case,
            professional=teacher,
            function=function("jeugdarts"),
            access_point=CLI,
        )
    assert "function" in error.value.message_dict


def test_a_teacher_writes_school_support_but_not_health(case):
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    services.journal_entry_add(
        actor=teacher.user,
        case=case,
        category="school",
        title="Observatie",
        text="Onrustig in de kring.",
        access_point=CLI,
    )
    with pytest.raises(ValidationError) as error:
        services.journal_entry_add(
            actor=teacher.user, case=case, category="health", title="x", text="y", access_point=CLI
        )
    assert error.value.message_dict == {
        "category": ["Als Leerkracht / mentor kunt u niet schrijven in de categorie Gezondheid (GGD)."]
    }
    assert JournalEntry.objects.count() == 1


def test_closing_a_case_sets_the_closed_date_and_ends_case_access(case):
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    services.case_update(actor=case.casusregisseur.user, case=case, status=Case.Status.AFGESLOTEN, access_point=CLI)
    case.refresh_from_db()
    assert case.closed_on is not None
    assert not policy.access_for(teacher.user, case.youth)


def test_the_regisseur_cannot_leave_without_handing_over(case):
    involvement = case.involvements.get()
    with pytest.raises(ValidationError):
        services.involvement_end(actor=case.casusregisseur.user, involvement=involvement, access_point=CLI)


def test_handing_over_regie_then_leaving(case):
    ib = professional("intern_begeleider")
    involve(case, ib, "intern_begeleider")
    old = case.casusregisseur
    services.casusregisseur_transfer(actor=old.user, case=case, to=ib, access_point=CLI)
    services.involvement_end(actor=old.user, involvement=case.involvements.get(professional=old), access_point=CLI)
    assert not policy.access_for(old.user, case.youth)


def test_a_professional_ends_their_own_involvement(case):
    teacher = professional("leerkracht")
    inv = involve(case, teacher, "leerkracht")
    services.involvement_end(actor=teacher.user, involvement=inv, access_point=CLI)
    assert not policy.access_for(teacher.user, case.youth)


def test_a_partial_update_leaves_out_fields_alone(case):
    from datetime import date

    services.case_update(
        actor=case.casusregisseur.user,
        case=case,
        next_date=date(2026, 12, 1),
        next_date_label="Evaluatie met ouders",
        access_point=CLI,
    )
    services.case_update(actor=case.casusregisseur.user, case=case, next_date=date(2026, 12, 8), access_point=CLI)
    case.refresh_from_db()
    assert (case.next_date, case.next_date_label) == (date(2026, 12, 8), "Evaluatie met ouders")


def test_emergency_access_cannot_open_a_case():
    from datetime import timedelta

    from django.utils import timezone

    from jeugdketen.access.models import EmergencyAccess

    youth = YouthFactory()
    agent = professional("ambulant_begeleider")
    EmergencyAccess.objects.create(
        professional=agent, youth=youth, reason="x" * 30, expires_at=timezone.now() + timedelta(hours=1)
    )
    with pytest.raises(NotAllowed):
        services.case_open(actor=agent.user, youth=youth, subject="Zorgen", access_point=CLI)
    assert not Case.objects.filter(youth=youth).exists()
    assert AccessLogEntry.objects.filter(event="refused", user_id=agent.user_id, object_type="case").exists()
