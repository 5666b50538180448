"""The family's overview ("Mijn gezin" / "Mijn overzicht"): parents with gezag (child under 16)
and the youth from 12 see what is going on, who is involved and how to reach them, the plan and
their own agreements, meeting outcomes and what asks for their attention — and nobody else's."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import AccessPoint
from jeugdketen.plans import services as plans
from tests.factories import UserFactory, YouthFactory, case_with, involve, parent_of, professional

pytestmark = pytest.mark.django_db
WEB = AccessPoint("web", "127.0.0.1")
URL = "/mijn/"


def years_ago(years: int, days: int = 0) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=days)


def main_of(response) -> str:
    return response.text.split("<main", 1)[1].split("</main>", 1)[0]


class Family:
    def __init__(self, age: int = 9):
        self.youth = YouthFactory(first_name="Noah", date_of_birth=years_ago(age, 30), user=UserFactory())
        self.parent = parent_of(self.youth)
        self.regisseur = professional("jeugdconsulent", phone="06-11112222")
        self.case = case_with(self.youth, self.regisseur, "jeugdconsulent", status="uitvoering", subject="Buikpijn")
        self.teacher = professional("leerkracht")
        involve(self.case, self.teacher, "leerkracht")
        self.police = professional("politie")
        involve(self.case, self.police, "politie")
        self.plan = plans.plan_start(actor=self.regisseur.user, case=self.case, access_point=WEB)
        self.add_goal("Noah gaat weer elke dag naar school.")
        today = timezone.localdate()
        self.add("Huisarts bellen", "ouder", today - timedelta(days=2), owner_carer=self.parent)
        self.add("Dagboek bijhouden", "jeugdige", today + timedelta(days=10))
        self.add("Observatie in de klas", "professional", today + timedelta(days=5), owner_professional=self.teacher)

    def v(self) -> int:
        self.plan.refresh_from_db()
        return self.plan.version

    def add_goal(self, text):
        plans.goal_add(
            actor=self.regisseur.user, plan=self.plan, expected_version=self.v(), text=text, access_point=WEB
        )

    def add(self, what, kind, due, **owner):
        return plans.agreement_add(
            actor=self.regisseur.user, plan=self.plan, expected_version=self.v(), what=what, owner_kind=kind,
            due_on=due, access_point=WEB, **owner,
        )  # fmt: skip


@pytest.fixture
def family():
    return Family()


def test_a_parent_sees_the_plan_their_agreements_and_who_to_reach(client, family):
    client.force_login(family.parent.user)
    response = client.get(URL)
    assert response.status_code == 200
    main = main_of(response)
    assert "Mijn gezin" in main and "Noah" in main
    assert "Noah gaat weer elke dag naar school." in main
    assert family.regisseur.name in main and "06-11112222" in main and "casusregisseur" in main
    assert family.teacher.name in main
    assert family.police.name not in main  # police involvement is police data
    # Her own agreement is asked of her, and it is overdue: first in the list, marked.
    attention = main.split('id="h-attention"', 1)[1].split("</section>", 1)[0]
    assert "Afspraak voor u (Noah): Huisarts bellen — uiterlijk" in attention and "(die datum is voorbij)" in attention
    assert "Let op" in attention
    assert "Dagboek bijhouden" not in attention  # the youth's, not hers
    assert "Nog 2 open afspraken van anderen." in main
    # She has not agreed to this version of the plan yet.
    assert f"(versie {family.v()})" in attention


def test_the_overview_is_logged_once_per_child(client, family):
    client.force_login(family.parent.user)
    client.get(URL)
    [entry] = AccessLogEntry.objects.filter(object_type="portaal")
    assert entry.youth_id == family.youth.pk and entry.user_id == family.parent.user.pk
    assert entry.ground == "parent" and entry.event == "read"
    assert f"plan:{family.plan.pk}" in entry.object_ids and "plan" in entry.categories


def test_after_agreeing_the_plan_no_longer_asks(client, family):
    plans.approval_add(
        actor=family.parent.user, plan=family.plan, version=family.v(), agrees=True, comment="", access_point=WEB
    )
    client.force_login(family.parent.user)
    main = main_of(client.get(URL))
    assert "eens met versie" in main
    assert "laat weten of u het ermee eens bent" not in main


def test_the_youth_from_12_sees_their_own_overview_and_agreements():
    family = Family(age=13)
    from django.test import Client

    client = Client()
    client.force_login(family.youth.user)
    main = main_of(client.get(URL))
    assert "Mijn overzicht" in main
    assert "Afspraak voor u (Noah): Dagboek bijhouden" in main
    assert "Huisarts bellen — " not in main.split('id="h-attention"', 1)[1].split("</section>", 1)[0]


def test_the_youth_under_12_has_no_overview():
    family = Family(age=11)
    from django.test import Client

    client = Client()
    client.force_login(family.youth.user)
    main = main_of(client.get(URL))
    assert "Noah gaat weer" not in main and "vanaf je 12e" in main


@pytest.mark.parametrize("who", ["parent_without_gezag", "parent_of_a_16_year_old", "other_parent"])
def test_others_see_nothing_of_the_child(client, who):
    family = Family(age=16 if who == "parent_of_a_16_year_old" else 9)
    user = {
        "parent_without_gezag": lambda: parent_of(family.youth, has_gezag=False).user,
        "parent_of_a_16_year_old": lambda: family.parent.user,
        "other_parent": lambda: parent_of(YouthFactory()).user,
    }[who]()
    client.force_login(user)
    main = main_of(client.get(URL))
    assert "Noah" not in main and "Huisarts bellen" not in main
    assert not AccessLogEntry.objects.filter(object_type="portaal", youth=family.youth).exists()


def test_a_professional_is_sent_to_their_own_start_page(client, family):
    client.force_login(family.regisseur.user)
    response = client.get(URL)
    assert response.status_code == 302 and response.url == reverse("cases:my_cases")


def test_the_family_lands_on_the_overview(client, family):
    client.force_login(family.parent.user)
    assert client.get("/").url == reverse("portal:home")


def test_the_query_count_does_not_grow_with_the_plan(client, family, django_assert_num_queries):
    client.force_login(family.parent.user)
    client.get(URL)  # warm the session
    with django_assert_num_queries(PORTAL_QUERIES):
        client.get(URL)
    for n in range(10):
        family.add(f"Extra stap {n}", "ouder", timezone.localdate() + timedelta(days=n + 1), owner_carer=family.parent)
        family.add_goal(f"Extra doel {n}")
    with django_assert_num_queries(PORTAL_QUERIES):
        client.get(URL)


# Session, user, the children, per child its access (policy), school, cases and involvements; the
# plans with goals, agreements, evaluations, approvals and questions; meeting outcomes and invitations;
# reports; the open leerplichtzaken (none here, so no read of their steps); the signals in the
# verwijsindex; the handed-over onderwijskundig rapporten; the log.
PORTAL_QUERIES = 27


def test_an_agreement_for_the_parents_without_a_name_is_asked_of_each_parent(client, family):
    family.add("Samen naar het oudergesprek", "ouder", timezone.localdate() + timedelta(days=4))
    other = parent_of(family.youth)
    for carer in (family.parent, other):
        client.force_login(carer.user)
        attention = main_of(client.get(URL)).split('id="h-attention"', 1)[1].split("</section>", 1)[0]
        assert "Afspraak voor u (Noah): Samen naar het oudergesprek" in attention
    assert "Huisarts bellen" not in attention  # named for the first parent only


def test_a_parent_sees_the_planned_meeting_she_is_invited_to_and_no_other(client, family):
    from jeugdketen.meetings.models import Meeting, MeetingCase, Participant

    meeting = Meeting.objects.create(
        kind="mdo", starts_at=timezone.now() + timedelta(days=7), place="OBS De Vecht", chair=family.regisseur,
        organised_by=family.regisseur,
    )  # fmt: skip
    item = MeetingCase.objects.create(meeting=meeting, case=family.case)
    Participant.objects.create(meeting=meeting, role="ouder", item=item, carer=family.parent)
    client.force_login(family.parent.user)
    assert "U bent uitgenodigd" in main_of(client.get(URL)) and "OBS De Vecht" in main_of(client.get(URL))
    client.force_login(parent_of(family.youth).user)  # the other parent was not invited
    assert "U bent uitgenodigd" not in main_of(client.get(URL))


def leerplicht_case(family, *, steps: int = 1):
    """An open leerplichtzaak of Noah with a conversation (its report is the consulent's), a coming
    invitation and ``steps`` open agreements."""
    from jeugdketen.leerplicht.models import CaseStep, LeerplichtCase
    from tests.factories import OrganisationFactory, SchoolFactory

    consulent = professional(
        "leerplicht",
        organisation=OrganisationFactory(name="Gemeente Dalfsen", kind="gemeente"),
        phone="0529-488388",
        email="lotte@dalfsen.nl",
    )
    case = LeerplichtCase.objects.create(
        reference=f"LP-2026-{LeerplichtCase.objects.count() + 1:05d}",
        youth=family.youth,
        municipality=family.youth.municipality,
        consulent=consulent,
        school=SchoolFactory(),
    )
    step = dict(case=case, phase="waarnemen", by=consulent)
    CaseStep.objects.create(kind="gesprek", title="Eerste gesprek", text="Moeder vertelt over de ruzies thuis.", **step)
    CaseStep.objects.create(
        kind="uitnodiging",
        title="Uitnodiging",
        appointment_at=timezone.now() + timedelta(days=3),
        location="Gemeentehuis Dalfsen",
        with_whom="Noah en moeder",
        **step,
    )
    for n in range(steps):
        CaseStep.objects.create(
            kind="afspraak", title=f"Noah is om 8.25 uur op school ({n})", due_on=timezone.localdate(), **step
        )
    return case


def test_a_parent_sees_the_leerplichtzaak_the_consulent_and_what_is_agreed(client, family):
    case = leerplicht_case(family)
    client.force_login(family.parent.user)
    text = main_of(client.get(URL))
    assert f"Leerplicht: leerplichtzaak {case.reference}" in text
    assert case.consulent.name in text and "0529-488388" in text and "lotte@dalfsen.nl" in text
    assert "Gemeentehuis Dalfsen" in text and "Noah is om 8.25 uur op school (0)" in text
    assert "ruzies thuis" not in text  # the consulent's report of the conversation is not shown
    entry = AccessLogEntry.objects.filter(user=family.parent.user, youth=family.youth).latest("pk")
    assert "leerplicht" in entry.categories and f"leerplichtzaak:{case.pk}" in entry.object_ids


def test_a_closed_leerplichtzaak_and_a_parent_without_gezag_show_nothing(client, family):
    case = leerplicht_case(family)
    other = parent_of(family.youth, has_gezag=False)
    client.force_login(other.user)
    assert case.reference not in client.get(URL).text
    case.status = "gesloten"
    case.save()
    client.force_login(family.parent.user)
    assert case.reference not in main_of(client.get(URL))


def test_the_query_count_does_not_grow_with_the_leerplicht_steps(client, family, django_assert_num_queries):
    from jeugdketen.leerplicht.models import CaseStep

    case = leerplicht_case(family, steps=1)
    client.force_login(family.parent.user)
    client.get(URL)
    with django_assert_num_queries(PORTAL_QUERIES + 1):  # the leerplichtzaak's steps
        client.get(URL)
    for n in range(5):
        CaseStep.objects.create(
            case=case, kind="afspraak", phase="plannen", by=case.consulent, title=f"Extra {n}", due_on=date.today()
        )
    with django_assert_num_queries(PORTAL_QUERIES + 1):
        assert "Extra 4" in client.get(URL).text
