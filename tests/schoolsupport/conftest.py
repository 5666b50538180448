"""Passend onderwijs in Dalfsen. OBS De Vecht (school A) has the leerkracht Sanne, the IB'er Ilse and
the schoolleider Hans; CBS De Akker (school B) has the leerkracht Tom. Both belong to SWV Vechtdal,
whose coördinator is Carla and whose ambulant begeleider is Bram; SWV IJssel-Vecht (another SWV)
has the coördinator Karin and the ambulant begeleider Anouk. GGD IJsselland's jeugdverpleegkundige
Jolien is OBS De Vecht's contact person. Noah (10) and Lisa (13) are pupils of OBS De Vecht.

The school's support profile (with its SWV and GGD contact) is its own fixture, ``profile``: some
tests need the school without one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from jeugdketen.auditlog.services import CLI
from jeugdketen.organisations.models import Organisation, Professional
from jeugdketen.schoolsupport import services
from jeugdketen.schoolsupport.models import OPP, PupilSignal, SupportNote, SupportPlan
from jeugdketen.youth.models import Youth
from tests.factories import EnrolmentFactory, OrganisationFactory, SchoolFactory, UserFactory, YouthFactory
from tests.factories import professional as make_professional


def born(years: int) -> date:
    """A date of birth that makes a youth exactly ``years`` old today (birthday a month ago)."""
    last_month = timezone.localdate() - timedelta(days=30)
    try:
        return last_month.replace(year=last_month.year - years)
    except ValueError:  # 29 February
        return last_month.replace(year=last_month.year - years, day=28)


def days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def pro(code: str, organisation: Organisation, username: str, first: str, last: str) -> Professional:
    return make_professional(
        code, organisation=organisation, user=UserFactory(username=username, first_name=first, last_name=last)
    )


@dataclass
class People:
    school: Organisation
    other_school: Organisation
    swv: Organisation
    other_swv: Organisation
    ggd: Organisation
    teacher: Professional
    ib: Professional
    head: Professional
    other_teacher: Professional
    coordinator: Professional
    other_coordinator: Professional
    ab: Professional
    other_ab: Professional
    nurse: Professional


@pytest.fixture
def people(db) -> People:
    school = SchoolFactory(name="OBS De Vecht")
    other_school = SchoolFactory(name="CBS De Akker")
    swv = OrganisationFactory(name="SWV Vechtdal", kind=Organisation.Kind.SAMENWERKINGSVERBAND)
    other_swv = OrganisationFactory(name="SWV IJssel-Vecht", kind=Organisation.Kind.SAMENWERKINGSVERBAND)
    ggd = OrganisationFactory(name="GGD IJsselland", kind=Organisation.Kind.GGD)
    return People(
        school=school,
        other_school=other_school,
        swv=swv,
        other_swv=other_swv,
        ggd=ggd,
        teacher=pro("leerkracht", school, "sanne", "Sanne", "Kroeze"),
        ib=pro("intern_begeleider", school, "ilse", "Ilse", "Dekker"),
        head=pro("schoolleider", school, "hans", "Hans", "Wessels"),
        other_teacher=pro("leerkracht", other_school, "tom", "Tom", "Smit"),
        coordinator=pro("coordinator_swv", swv, "carla", "Carla", "Nijenhuis"),
        other_coordinator=pro("coordinator_swv", other_swv, "karin", "Karin", "Brink"),
        ab=pro("ambulant_begeleider", swv, "bram", "Bram", "Veneman"),
        other_ab=pro("ambulant_begeleider", other_swv, "anouk", "Anouk", "Mulder"),
        nurse=pro("jeugdverpleegkundige", ggd, "jolien", "Jolien", "Oosterhof"),
    )


@pytest.fixture
def noah(people) -> Youth:
    youth = YouthFactory(first_name="Noah", last_name="Jansen", date_of_birth=born(10))
    EnrolmentFactory(youth=youth, school=people.school, group="groep 6")
    return youth


@pytest.fixture
def lisa(people) -> Youth:
    youth = YouthFactory(first_name="Lisa", last_name="Bos", date_of_birth=born(13))
    EnrolmentFactory(youth=youth, school=people.school, group="groep 8")
    return youth


@pytest.fixture
def profile(people):
    """OBS De Vecht's schoolondersteuningsprofiel: SWV Vechtdal, Jolien as the GGD contact."""
    return services.support_profile_update(
        actor=people.ib.user,
        school=people.school,
        basic_support="Rekenen en lezen in drie niveaus; een time-out plek.",
        extra_support="Een remedial teacher twee ochtenden per week.",
        samenwerkingsverband=people.swv,
        ggd_contact=people.nurse,
    )


# --- helpers that walk the cycle through the services -----------------------------------------------------


def signal(actor, youth, *, area="gedrag", observation="Noah is onrustig en boos na de pauze.", **kwargs):
    return services.signal_record(
        actor=actor.user, youth=youth, area=area, observation=observation, access_point=CLI, **kwargs
    )


def note(actor, youth, kind, text="Besproken.", **kwargs) -> SupportNote:
    return services.note_add(actor=actor.user, youth=youth, kind=kind, text=text, access_point=CLI, **kwargs)


def consult(actor, sig: PupilSignal, *, question="leervraag", outcome="handelingsplan", **kwargs):
    return services.consultation_record(
        actor=actor.user, signal=sig, question=question, outcome=outcome, access_point=CLI, **kwargs
    )


def make_plan(actor, youth, *, sig=None, starts_on=None, goals=None, **kwargs) -> SupportPlan:
    starts_on = starts_on or days_ago(30)
    return services.support_plan_create(
        actor=actor.user,
        youth=youth,
        title=kwargs.pop("title", "Rustig werken na de pauze"),
        approach=kwargs.pop("approach", "Een vaste plek, een time-timer en een dagelijks kort gesprek."),
        goals=goals if goals is not None else ["Werkt 20 minuten zelfstandig", "Vraagt om hulp in plaats van boos"],
        starts_on=starts_on,
        ends_on=kwargs.pop("ends_on", starts_on + timedelta(weeks=8)),
        evaluate_on=kwargs.pop("evaluate_on", starts_on + timedelta(weeks=6)),
        access_point=CLI,
        signal=sig,
        **kwargs,
    )


def evaluate(actor, plan, *, next_step="doorgaan", held_on=None, **kwargs):
    held_on = held_on or days_ago(1)
    if next_step == "doorgaan":
        kwargs.setdefault("next_evaluate_on", held_on + timedelta(weeks=6))
    return services.support_plan_evaluate(
        actor=actor.user,
        plan=plan,
        held_on=held_on,
        conclusion=kwargs.pop("conclusion", "Gaat beter, nog niet genoeg."),
        next_step=next_step,
        access_point=CLI,
        **kwargs,
    )


def document_support(p: People, youth) -> SupportPlan:
    """The documented steps of basic and extra support, up to an evaluated handelingsplan."""
    sig = signal(p.teacher, youth, observed_on=days_ago(90))
    note(p.teacher, youth, SupportNote.Kind.PUPIL_TALK, "Noah vertelt dat het in de pauze misgaat.", signal=sig)
    note(p.teacher, youth, SupportNote.Kind.PARENT_TALK, "Moeder herkent het van thuis.", signal=sig)
    note(p.teacher, youth, SupportNote.Kind.BASIC_SUPPORT, "Vaste plek vooraan, pauze binnen.", signal=sig)
    consult(p.ib, sig, held_on=days_ago(80))
    plan = make_plan(p.ib, youth, sig=sig, starts_on=days_ago(75))
    evaluate(p.ib, plan, held_on=days_ago(20))
    return plan


OPP_CONTENT = {
    "uitstroom": "vervolgonderwijs",
    "uitstroom_level": "vmbo basis/kader",
    "onderbouwing": "Toetsresultaten en het oordeel van de orthopedagoog.",
    "belemmerende_factoren": "Snel overprikkeld; moeite met plannen.",
    "bevorderende_factoren": "Gemotiveerd; goede band met de leerkracht.",
    "afwijkingen": "Eigen leerlijn rekenen vanaf groep 6.",
    "ondersteuning": "Remedial teaching twee keer per week; prikkelarme werkplek.",
    "handelingsdeel": "Doelen per periode; de leerkracht en de RT'er; evaluatie elk half jaar.",
}


def opp_draft(actor, youth, *, enrolled_on=None, **content) -> OPP:
    enrolled_on = enrolled_on or days_ago(60)
    opp = services.opp_create(actor=actor.user, youth=youth, enrolled_on=enrolled_on, access_point=CLI)
    if content:
        opp = services.opp_update(actor=actor.user, opp=opp, access_point=CLI, **content)
    return opp


def opp_final(actor, youth, *, consent=True, enrolled_on=None, finalised_on=None) -> OPP:
    """A complete OPP, the parents' agreement with the handelingsdeel recorded, and set."""
    opp = opp_draft(actor, youth, enrolled_on=enrolled_on, **OPP_CONTENT)
    if consent:
        opp = services.opp_consent_record(
            actor=actor.user, opp=opp, consent_by="Marloes Jansen (moeder)", consent_on=days_ago(5), access_point=CLI
        )
    return services.opp_finalise(actor=actor.user, opp=opp, access_point=CLI, finalised_on=finalised_on)


def log_of(youth, **filters):
    """The school-support entries of the access log about ``youth``, oldest first."""
    from jeugdketen.auditlog.models import AccessLogEntry

    return AccessLogEntry.objects.filter(youth_id=youth.pk, object_type="schoolsupport", **filters).order_by("id")
