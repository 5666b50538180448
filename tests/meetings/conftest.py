"""An MDO in Dalfsen about two cases. Noah (10) at OBS De Vecht: jeugdconsulent Jeroen holds the
case; the IB'er Ilse, the jeugdverpleegkundige Jolien and the jeugdagent Peter are involved; his
mother Marloes has gezag. Lisa (14): Jeroen holds her case too, with her mentor Sanne; she has her
own login. Ilse and Peter are involved in Noah's case only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from jeugdketen.auditlog.services import CLI
from jeugdketen.meetings import services
from jeugdketen.meetings.models import Meeting, Section
from jeugdketen.organisations.models import Organisation
from tests.factories import (
    OrganisationFactory,
    SchoolFactory,
    UserFactory,
    YouthFactory,
    case_with,
    involve,
    parent_of,
    professional,
)


def born(years: int) -> date:
    """A date of birth that makes a youth exactly ``years`` old today (birthday a month ago)."""
    last_month = timezone.localdate() - timedelta(days=30)
    try:
        return last_month.replace(year=last_month.year - years)
    except ValueError:  # 29 February
        return last_month.replace(year=last_month.year - years, day=28)


def pro(code: str, organisation, username: str, first: str, last: str):
    return professional(
        code, organisation=organisation, user=UserFactory(username=username, first_name=first, last_name=last)
    )


@pytest.fixture
def people(db):
    gemeente = OrganisationFactory(name="Gemeente Dalfsen", kind=Organisation.Kind.GEMEENTE)
    school = SchoolFactory(name="OBS De Vecht")
    ggd = OrganisationFactory(name="GGD IJsselland", kind=Organisation.Kind.GGD)
    politie = OrganisationFactory(name="Politie basisteam Vechtdal", kind=Organisation.Kind.POLITIE)
    return {
        "consulent": pro("jeugdconsulent", gemeente, "jeroen", "Jeroen", "Hulshof"),
        "ib": pro("intern_begeleider", school, "ilse", "Ilse", "Dekker"),
        "mentor": pro("leerkracht", school, "sanne", "Sanne", "Kroeze"),
        "nurse": pro("jeugdverpleegkundige", ggd, "jolien", "Jolien", "Oosterhof"),
        "agent": pro("politie", politie, "peter", "Peter", "Mensink"),
        "outsider": pro("jeugdconsulent", gemeente, "fatima", "Fatima", "El Amrani"),
        "gemeente": gemeente,
    }


@pytest.fixture
def noah():
    return YouthFactory(first_name="Noah", last_name="Jansen", date_of_birth=born(10))


@pytest.fixture
def lisa():
    youth = YouthFactory(first_name="Lisa", last_name="Bos", date_of_birth=born(14))
    youth.user = UserFactory(username="lisa", first_name="Lisa", last_name="Bos", email="lisa@example.nl")
    youth.save(update_fields=["user"])
    return youth


@pytest.fixture
def mother(noah):
    carer = parent_of(noah)
    carer.email = "marloes@example.nl"
    carer.save(update_fields=["email"])
    return carer


@pytest.fixture
def case_a(people, noah, mother):
    case = case_with(noah, people["consulent"], "jeugdconsulent")
    involve(case, people["ib"], "intern_begeleider")
    involve(case, people["nurse"], "jeugdverpleegkundige")
    involve(case, people["agent"], "politie")
    return case


@pytest.fixture
def case_b(people, lisa):
    case = case_with(lisa, people["consulent"], "jeugdconsulent")
    involve(case, people["mentor"], "leerkracht")
    return case


def schedule(actor, cases, **kwargs) -> Meeting:
    return services.meeting_schedule(
        actor=actor,
        kind=kwargs.pop("kind", Meeting.Kind.MDO),
        starts_at=kwargs.pop("starts_at", timezone.now()),
        place=kwargs.pop("place", "OBS De Vecht, kamer van de IB"),
        chair=kwargs.pop("chair", None) or actor.professional,
        cases=cases,
        access_point=CLI,
    )


def invite(actor, meeting, professionals=(), family=()):
    return services.participants_invite(
        actor=actor, meeting=meeting, professionals=professionals, family=family, access_point=CLI
    )


def item_of(meeting, case):
    return meeting.items.select_related("meeting", "case__youth").get(case=case)


def minute(actor, item, category, text="Besproken.", section=Section.SITUATION):
    return services.minute_add(actor=actor, item=item, section=section, category=category, text=text, access_point=CLI)


def decide(actor, item, **kwargs):
    return services.decision_add(
        actor=actor,
        item=item,
        what=kwargs.pop("what", "Gesprek met ouders over de avonden."),
        owner_kind=kwargs.pop("owner_kind", "professional"),
        owner_professional=kwargs.pop("owner_professional", actor.professional),
        due_on=kwargs.pop("due_on", timezone.localdate() + timedelta(days=14)),
        access_point=CLI,
        **kwargs,
    )


@pytest.fixture
def meeting(people, case_a, case_b, mother, lisa):
    """The MDO about both cases with everyone invited: Ilse, Jolien, Peter, Sanne; Marloes for Noah,
    Lisa for herself."""
    jeroen = people["consulent"].user
    meeting = schedule(jeroen, [case_a, case_b])
    invite(
        jeroen,
        meeting,
        professionals=[people["ib"], people["nurse"], people["agent"], people["mentor"]],
        family=[(item_of(meeting, case_a), mother), (item_of(meeting, case_b), None)],
    )
    return meeting
