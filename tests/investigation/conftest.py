"""An investigation in a case of Noah (10), run by jeugdconsulent Jeroen of Gemeente Dalfsen, and
helpers that walk it through its phases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from jeugdketen.auditlog.services import CLI
from jeugdketen.cases.models import Case
from jeugdketen.investigation import services
from jeugdketen.investigation.models import Conversation, HelpKind, Investigation
from jeugdketen.organisations.models import Organisation
from tests.factories import OrganisationFactory, UserFactory, YouthFactory, case_with, professional


def born(years: int) -> date:
    """A date of birth that makes a youth exactly ``years`` old today (birthday a month ago)."""
    last_month = timezone.localdate() - timedelta(days=30)
    try:
        return last_month.replace(year=last_month.year - years)
    except ValueError:  # 29 February
        return last_month.replace(year=last_month.year - years, day=28)


@pytest.fixture
def gemeente():
    return OrganisationFactory(name="Gemeente Dalfsen", kind=Organisation.Kind.GEMEENTE)


@pytest.fixture
def consulent(gemeente):
    return professional(
        "jeugdconsulent", organisation=gemeente, user=UserFactory(first_name="Jeroen", last_name="Hulshof")
    )


@pytest.fixture
def youth():
    return YouthFactory(first_name="Noah", last_name="Jansen", date_of_birth=born(10))


@pytest.fixture
def case(youth, consulent):
    return case_with(youth, consulent, "jeugdconsulent", status=Case.Status.ONDERZOEK)


@pytest.fixture
def investigation(case, consulent) -> Investigation:
    today = timezone.localdate()
    return services.investigation_start(case=case, consulent=consulent, decide_by=today + timedelta(weeks=8))


@pytest.fixture
def provider():
    return OrganisationFactory(name="Jeugdhulp Vechtdal", kind=Organisation.Kind.JEUGDHULPAANBIEDER)


def add_conversation(investigation, actor, **kwargs) -> Conversation:
    return services.conversation_add(
        actor=actor,
        investigation=investigation,
        kind=kwargs.pop("kind", Conversation.Kind.KEUKENTAFEL),
        held_on=kwargs.pop("held_on", timezone.localdate()),
        participants=kwargs.pop("participants", "moeder, vader, Noah"),
        summary=kwargs.pop("summary", "Aan de keukentafel: de avonden zijn onrustig."),
        access_point=CLI,
    )


def finish_analyse(investigation, actor) -> Investigation:
    add_conversation(investigation, actor)
    services.findings_update(
        actor=actor,
        investigation=investigation,
        upbringing_findings="Grenzen stellen lukt de ouders 's avonds niet.",
        psychological_findings="Geen zorgen.",
        safety_findings="Geen zorgen over de veiligheid.",
        strengths="Betrokken grootouders; Noah voetbalt graag.",
        access_point=CLI,
    )
    return services.investigation_advance(actor=actor, investigation=investigation, access_point=CLI)


def finish_oordeel(investigation, actor) -> Investigation:
    services.judgement_update(
        actor=actor, investigation=investigation, judgement="Opvoedingsvragen; lichte hulp volstaat.", access_point=CLI
    )
    return services.investigation_advance(actor=actor, investigation=investigation, access_point=CLI)


def decide(investigation, actor, **kwargs) -> Investigation:
    return services.decision_update(
        actor=actor,
        investigation=investigation,
        help_kind=kwargs.pop("help_kind", HelpKind.LICHT),
        motivation=kwargs.pop("motivation", "Ouders willen zelf aan de slag met steun van Saam Welzijn."),
        access_point=CLI,
        **kwargs,
    )


def shared(investigation, actor) -> Investigation:
    """The investigation through all three phases, its report shared."""
    investigation = finish_analyse(investigation, actor)
    investigation = finish_oordeel(investigation, actor)
    decide(investigation, actor)
    return services.investigation_share(actor=actor, investigation=investigation, access_point=CLI)


@pytest.fixture
def actor(consulent):
    return consulent.user
