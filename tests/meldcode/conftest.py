"""The people around one case with a safety concern, and a quick way through the steps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from jeugdketen.auditlog.services import CLI
from jeugdketen.cases.models import Case
from jeugdketen.meldcode import services
from jeugdketen.meldcode.models import Track
from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Youth
from tests.factories import UserFactory, YouthFactory, case_with, involve, parent_of, professional

DAY = timedelta(days=1)


@dataclass
class Setting:
    youth: Youth
    case: Case
    consulent: Professional  # jeugdconsulent, casusregisseur
    samen_doen: Professional  # medewerker Samen Doen, involved
    teacher: Professional  # leerkracht, involved
    nurse: Professional  # jeugdverpleegkundige, involved
    stranger: Professional  # jeugdconsulent without any relationship to the youth
    parent_user: object  # parent with gezag
    youth_user: object  # the youth themselves, 14


@pytest.fixture
def setting(db) -> Setting:
    today = timezone.localdate()
    youth_user = UserFactory()
    youth = YouthFactory(date_of_birth=today.replace(year=today.year - 14, day=1), user=youth_user)
    consulent = professional("jeugdconsulent")
    case = case_with(youth, consulent, "jeugdconsulent")
    samen_doen = professional("samen_doen")
    teacher = professional("leerkracht")
    nurse = professional("jeugdverpleegkundige")
    involve(case, samen_doen, "samen_doen")
    involve(case, teacher, "leerkracht")
    involve(case, nurse, "jeugdverpleegkundige")
    return Setting(
        youth=youth,
        case=case,
        consulent=consulent,
        samen_doen=samen_doen,
        teacher=teacher,
        nurse=nurse,
        stranger=professional("jeugdconsulent"),
        parent_user=parent_of(youth).user,
        youth_user=youth_user,
    )


def days_ago(n: int) -> date:
    return timezone.localdate() - n * DAY


ALL_YES = {n: True for n in range(1, 6)}
HELP_WITHOUT_REPORT = {1: True, 2: False, 3: True, 4: True, 5: True}


def motivations(answers: dict) -> dict:
    return {n: f"Motivering {n}." for n, answer in answers.items() if answer is not None}


def open_track(setting: Setting, actor=None, *, opened_on: date | None = None) -> Track:
    return services.meldcode_open(
        actor=(actor or setting.consulent).user,
        case=setting.case,
        reason="Blauwe plekken op de armen; vertelt thuis 'straf' te krijgen.",
        opened_on=opened_on or days_ago(10),
        access_point=CLI,
    )


def walk(track: Track, actor: Professional, upto: int, *, answers: dict | None = None) -> Track:
    """Record steps 1..``upto`` (at most 4: the decision is what tests look at)."""
    for number in range(1, min(upto, 3) + 1):
        services.meldcode_step_record(
            actor=actor.user,
            track=track,
            number=number,
            done_on=days_ago(9 - number),
            notes=f"Verslag van stap {number}.",
            held=True if number == 3 else None,
            access_point=CLI,
        )
    if upto >= 4:
        answers = answers or HELP_WITHOUT_REPORT
        services.meldcode_weigh(
            actor=actor.user,
            track=track,
            done_on=days_ago(4),
            answers=answers,
            motivations=motivations(answers),
            access_point=CLI,
        )
    return track
