"""Who reads and who changes an investigation, from both sides: the consulent who is casusregisseur
changes; involved professionals with youth care read; parents with gezag (child under 16) and the
youth (from 12) read the report once it is shared and add a zienswijze; everyone else gets 404
with the refusal logged."""

import pytest

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.cases import services as case_services
from jeugdketen.investigation import selectors, services
from jeugdketen.investigation.models import Phase, Zienswijze
from tests.factories import UserFactory, YouthFactory, case_with, involve, parent_of, professional

from .conftest import born, shared

pytestmark = pytest.mark.django_db


def read(user, investigation):
    return selectors.investigation_detail(actor=user, investigation_id=investigation.pk, access_point=CLI)


def refusals(user) -> list[str]:
    return list(AccessLogEntry.objects.filter(event="refused", user_id=user.pk).values_list("description", flat=True))


def test_the_consulent_reads_and_changes_and_the_read_is_logged(investigation, actor):
    view = read(actor, investigation)
    assert view.can_change and not view.is_family
    entry = AccessLogEntry.objects.get(event="read")
    assert (entry.object_type, entry.categories, entry.ground) == ("investigation", ["youthcare"], "case")


def test_an_involved_nurse_reads_but_does_not_change(investigation, case):
    nurse = professional("jeugdverpleegkundige")
    involve(case, nurse, "jeugdverpleegkundige")
    assert not read(nurse.user, investigation).can_change
    with pytest.raises(NotAllowed, match="Alleen de jeugdconsulent die casusregisseur is"):
        services.findings_update(actor=nurse.user, investigation=investigation, strengths="x", access_point=CLI)
    assert refusals(nurse.user) == ["alleen de casusregisseur (jeugdconsulent)"]
    investigation.refresh_from_db()
    assert investigation.strengths == ""


def test_an_involved_teacher_does_not_read_youth_care(investigation, case):
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    with pytest.raises(NotFoundOrForbidden):
        read(teacher.user, investigation)
    assert refusals(teacher.user) == [""]


def test_an_unrelated_consulent_gets_not_found_and_the_refusal_is_logged(investigation):
    stranger = professional("jeugdconsulent")
    with pytest.raises(NotFoundOrForbidden):
        read(stranger.user, investigation)
    with pytest.raises(NotFoundOrForbidden):
        services.investigation_advance(actor=stranger.user, investigation=investigation, access_point=CLI)
    assert len(refusals(stranger.user)) == 2
    assert AccessLogEntry.objects.filter(event="refused", youth_id=investigation.case.youth_id).count() == 2


def test_the_teamleider_does_not_read_the_investigation(investigation, gemeente):
    teamleider = professional("manager", organisation=gemeente)
    with pytest.raises(NotFoundOrForbidden):
        read(teamleider.user, investigation)


def test_an_involved_consulent_who_is_not_casusregisseur_does_not_change(investigation, case):
    colleague = professional("jeugdconsulent")
    involve(case, colleague, "jeugdconsulent")
    assert read(colleague.user, investigation)
    with pytest.raises(NotAllowed):
        services.investigation_advance(actor=colleague.user, investigation=investigation, access_point=CLI)


def test_a_casusregisseur_who_is_not_jeugdconsulent_cannot_open_an_investigation():
    generalist = professional("lichte_jeugdhulp")
    case = case_with(YouthFactory(), generalist, "lichte_jeugdhulp")
    with pytest.raises(NotAllowed):
        services.investigation_open(actor=generalist.user, case=case, access_point=CLI)
    assert refusals(generalist.user) == ["alleen de casusregisseur (jeugdconsulent)"]


def test_after_a_handover_of_regie_the_new_consulent_continues(investigation, case, actor):
    successor = professional("jeugdconsulent")
    involve(case, successor, "jeugdconsulent")
    case_services.casusregisseur_transfer(actor=actor, case=case, to=successor, access_point=CLI)
    with pytest.raises(NotAllowed):
        services.findings_update(actor=actor, investigation=investigation, strengths="x", access_point=CLI)
    investigation = services.findings_update(
        actor=successor.user, investigation=investigation, strengths="Opa helpt mee.", access_point=CLI
    )
    assert investigation.consulent == successor


@pytest.mark.parametrize("age", [10, 15])
def test_a_parent_with_gezag_reads_the_report_only_once_it_is_shared(consulent, age):
    youth = YouthFactory(date_of_birth=born(age))
    parent = parent_of(youth).user
    case = case_with(youth, consulent, "jeugdconsulent")
    investigation = services.investigation_start(case=case, consulent=consulent, decide_by=None)
    with pytest.raises(NotFoundOrForbidden):
        read(parent, investigation)
    assert refusals(parent) == ["onderzoeksverslag nog niet gedeeld"]

    investigation = shared(investigation, consulent.user)
    view = read(parent, investigation)
    assert view.is_family and view.can_add_zienswijze and not view.can_change
    assert view.phase_changes == []  # the professional's process log is not part of the report
    assert AccessLogEntry.objects.filter(event="read", user_id=parent.pk, ground="parent").exists()
    zienswijze = services.zienswijze_add(
        actor=parent, investigation=investigation, text="Wij missen de rol van school.", access_point=CLI
    )
    assert (zienswijze.role, zienswijze.author_name, zienswijze.share_round) == ("ouder", "Marloes Jansen", 1)


def test_a_parent_does_not_change_the_report(consulent, youth, investigation):
    parent = parent_of(youth).user
    investigation = shared(investigation, consulent.user)
    with pytest.raises(NotAllowed):
        services.investigation_finalise(
            actor=parent, investigation=investigation, no_zienswijze_note="x", access_point=CLI
        )
    investigation.refresh_from_db()
    assert investigation.phase == Phase.VERSLAG


def test_a_parent_of_a_sixteen_year_old_and_a_parent_without_gezag_are_refused(consulent):
    youth = YouthFactory(date_of_birth=born(16))
    parent = parent_of(youth).user
    investigation = services.investigation_start(
        case=case_with(youth, consulent, "jeugdconsulent"), consulent=consulent, decide_by=None
    )
    investigation = shared(investigation, consulent.user)
    with pytest.raises(NotFoundOrForbidden):
        read(parent, investigation)
    with pytest.raises(NotFoundOrForbidden):
        services.zienswijze_add(actor=parent, investigation=investigation, text="Mag ik?", access_point=CLI)

    young = YouthFactory(date_of_birth=born(9))
    without_gezag = parent_of(young, has_gezag=False).user
    other = shared(
        services.investigation_start(
            case=case_with(young, consulent, "jeugdconsulent"), consulent=consulent, decide_by=None
        ),
        consulent.user,
    )
    with pytest.raises(NotFoundOrForbidden):
        read(without_gezag, other)
    assert not Zienswijze.objects.exists()


@pytest.mark.parametrize(("age", "allowed"), [(11, False), (12, True)])
def test_the_youth_reads_the_shared_report_from_twelve(consulent, age, allowed):
    user = UserFactory()
    youth = YouthFactory(first_name="Lisa", last_name="Bosch", date_of_birth=born(age), user=user)
    investigation = services.investigation_start(
        case=case_with(youth, consulent, "jeugdconsulent"), consulent=consulent, decide_by=None
    )
    investigation = shared(investigation, consulent.user)
    if not allowed:
        with pytest.raises(NotFoundOrForbidden):
            read(user, investigation)
        assert refusals(user) == [""]
        return
    assert read(user, investigation).grant.ground == "self"
    zienswijze = services.zienswijze_add(
        actor=user, investigation=investigation, text="Ik wil zelf praten.", access_point=CLI
    )
    assert (zienswijze.role, zienswijze.author_name) == ("jeugdige", "Lisa Bosch")


def test_a_professional_does_not_add_a_zienswijze(investigation, actor):
    investigation = shared(investigation, actor)
    with pytest.raises(NotAllowed, match="Een zienswijze geven de ouders en de jeugdige zelf"):
        services.zienswijze_add(actor=actor, investigation=investigation, text="Namens moeder", access_point=CLI)


def test_readable_investigations_for_links_from_the_case_and_the_dossier(investigation, case, consulent, youth):
    from jeugdketen.access import policy

    parent = parent_of(youth).user
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    assert selectors.readable_investigations(policy.access_for(consulent.user, youth), [case]) == {
        case.pk: investigation
    }
    assert selectors.readable_investigations(policy.access_for(teacher.user, youth), [case]) == {}
    assert selectors.readable_investigations(policy.access_for(parent, youth), [case]) == {}
    shared(investigation, consulent.user)
    assert list(selectors.readable_investigations(policy.access_for(parent, youth), [case])) == [case.pk]
    assert not AccessLogEntry.objects.filter(event__in=["read", "refused"]).exists()
