"""A case of Noah (10) in uitvoering with jeugdconsulent Jeroen as casusregisseur, ambulant
begeleider Bram involved, and a Plan van Aanpak. The sweep runs on a frozen ``TODAY`` (passed in as
``today=``), a month from now, so nothing created "now" is silent yet."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from jeugdketen.cases.models import Case, Involvement
from jeugdketen.organisations.models import Organisation
from jeugdketen.plans.models import Agreement, Evaluation, Plan
from jeugdketen.signals.models import Signal
from tests.factories import OrganisationFactory, UserFactory, YouthFactory, case_with, involve, professional

TODAY = timezone.localdate() + timedelta(days=30)


def at(day: date) -> datetime:
    """Noon on ``day``, local time."""
    return timezone.make_aware(datetime.combine(day, time(12)))


@pytest.fixture
def gemeente():
    return OrganisationFactory(name="Gemeente Dalfsen", kind=Organisation.Kind.GEMEENTE)


@pytest.fixture
def regisseur(gemeente):
    return professional(
        "jeugdconsulent", organisation=gemeente, user=UserFactory(first_name="Jeroen", last_name="Hulshof")
    )


@pytest.fixture
def begeleider():
    swv = OrganisationFactory(name="SWV Veld, Vaart en Vecht", kind=Organisation.Kind.SAMENWERKINGSVERBAND)
    return professional("ambulant_begeleider", organisation=swv, user=UserFactory(first_name="Bram"))


@pytest.fixture
def youth():
    return YouthFactory(first_name="Noah", last_name="Jansen", date_of_birth=date(2016, 3, 4))


@pytest.fixture
def case(youth, regisseur, begeleider) -> Case:
    case = case_with(youth, regisseur, "jeugdconsulent", status=Case.Status.UITVOERING)
    involve(case, begeleider, "ambulant_begeleider")
    return case


@pytest.fixture
def plan(case) -> Plan:
    return Plan.objects.create(case=case)


def agreement(plan: Plan, owner=None, *, due_on: date, kind: str = "professional", **kwargs) -> Agreement:
    return Agreement.objects.create(
        plan=plan,
        what=kwargs.pop("what", "Noah elke ochtend naar school begeleiden"),
        owner_kind=kind,
        owner_professional=owner if kind == "professional" else None,
        due_on=due_on,
        **kwargs,
    )


def evaluation(plan: Plan, *, planned_on: date, **kwargs) -> Evaluation:
    return Evaluation.objects.create(plan=plan, planned_on=planned_on, **kwargs)


def quiet_since(case: Case, day: date) -> None:
    """The case's last activity (case and plan changes; journal entries are made by the test) on ``day``."""
    Case.objects.filter(pk=case.pk).update(updated_at=at(day))
    Plan.objects.filter(case=case).update(updated_at=at(day))


def close(case: Case, on: date | None = None) -> None:
    Case.objects.filter(pk=case.pk).update(status=Case.Status.AFGESLOTEN, closed_on=on or timezone.localdate())


def end_involvement(case: Case, pro) -> None:
    Involvement.objects.filter(case=case, professional=pro).update(until=timezone.localdate())


def open_signals(**filters):
    return list(Signal.objects.filter(resolved_at__isnull=True, **filters).order_by("pk"))
