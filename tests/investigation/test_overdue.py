"""Overdue steps: the consulent sees their own with the youth's name; the teamleider those of the
consulenten of their organisation, without anything that identifies the youth."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.investigation import selectors, services
from jeugdketen.investigation.models import Investigation
from tests.factories import OrganisationFactory, YouthFactory, case_with, professional

pytestmark = pytest.mark.django_db


def started_days_ago(investigation, days: int) -> Investigation:
    day = timezone.localdate() - timedelta(days=days)
    Investigation.objects.filter(pk=investigation.pk).update(started_on=day, phase_started_on=day)
    investigation.refresh_from_db()
    return investigation


def new_investigation(consulent, *, days_ago: int, first_name="Sem"):
    case = case_with(YouthFactory(first_name=first_name, last_name="de Vries"), consulent, "jeugdconsulent")
    investigation = services.investigation_start(case=case, consulent=consulent, decide_by=None)
    return started_days_ago(investigation, days_ago)


def test_the_consulent_sees_their_own_overdue_investigations_with_the_youths_name(investigation, consulent):
    started_days_ago(investigation, 31)  # analysis norm 28 days: 3 days overdue
    new_investigation(consulent, days_ago=10)  # not overdue
    [row] = selectors.overdue_investigations(actor=consulent.user, access_point=CLI)
    assert (row.youth_name, row.case_reference, row.phase, row.days_overdue) == (
        "Noah Jansen",
        investigation.case.reference,
        "analyse",
        3,
    )
    assert row.due_on == timezone.localdate() - timedelta(days=3)
    entry = AccessLogEntry.objects.get(event="list")
    assert (entry.youth_id, entry.function_code, entry.description, entry.categories) == (
        investigation.case.youth_id,
        "jeugdconsulent",
        "Onderzoeken over de termijn",
        ["identity", "youthcare"],
    )


def test_the_besluitvorming_is_overdue_after_the_decision_term(investigation, consulent):
    Investigation.objects.filter(pk=investigation.pk).update(
        phase="besluitvorming", decide_by=timezone.localdate() - timedelta(days=2)
    )
    [row] = selectors.overdue_investigations(actor=consulent.user, access_point=CLI)
    assert (row.phase, row.days_overdue) == ("besluitvorming", 2)


def test_the_teamleider_sees_the_teams_overdue_steps_without_the_youth(investigation, consulent, gemeente):
    teamleider = professional("manager", organisation=gemeente)
    colleague = professional("jeugdconsulent", organisation=gemeente)
    elsewhere = professional("jeugdconsulent", organisation=OrganisationFactory(name="Gemeente Ommen"))
    started_days_ago(investigation, 40)
    late = new_investigation(colleague, days_ago=30, first_name="Mila")
    new_investigation(colleague, days_ago=3)
    new_investigation(elsewhere, days_ago=60)
    rows = selectors.overdue_investigations(actor=teamleider.user, access_point=CLI)
    assert [(r.case_reference, r.consulent_name, r.days_overdue) for r in rows] == [
        (investigation.case.reference, consulent.name, 12),
        (late.case.reference, colleague.name, 2),
    ]
    assert all(r.youth_name is None and r.youth_id is None and r.case_id is None for r in rows)
    entries = AccessLogEntry.objects.filter(event="list", user_id=teamleider.user_id)
    assert entries.count() == 2 and all(e.ground == "" and e.categories == ["youthcare"] for e in entries)

    workload = selectors.team_workload(actor=teamleider.user)
    assert [(w.consulent_name, w.open, w.overdue) for w in workload] == sorted(
        [(consulent.name, 1, 1), (colleague.name, 2, 1)]
    )


def test_others_see_no_overdue_investigations(investigation):
    started_days_ago(investigation, 40)
    for user in (
        professional("leerkracht").user,
        professional("manager", organisation=OrganisationFactory(kind="school", brin="99ZZ", sector="po")).user,
    ):
        assert selectors.overdue_investigations(actor=user, access_point=CLI) == []


def test_a_final_investigation_is_never_overdue(investigation, consulent):
    Investigation.objects.filter(pk=investigation.pk).update(
        phase="definitief",
        shared_on=timezone.localdate() - timedelta(days=60),
        zienswijze_until=timezone.localdate() - timedelta(days=46),
        finalised_on=timezone.localdate() - timedelta(days=40),
    )
    assert selectors.overdue_investigations(actor=consulent.user, access_point=CLI) == []
    [row] = selectors.my_investigations(actor=consulent.user, access_point=CLI)
    assert (row.due_on, row.days_overdue) == (None, 0)
