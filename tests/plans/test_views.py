"""The plan page over HTTP: reading, forms, the 409 on a conflict, and a constant query count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jeugdketen.plans import services
from jeugdketen.plans.models import Agreement

from .test_services import WEB, World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return World()


def test_the_regisseur_starts_and_fills_the_plan(client, world):
    client.force_login(world.regisseur.user)
    page = client.get(f"/plan/casus/{world.case.pk}/").content.decode()
    assert "Doel toevoegen" in page and "Afspraak toevoegen" in page
    response = client.post(f"/plan/casus/{world.case.pk}/doelen/", {"version": world.v(), "text": ""})
    assert response.status_code == 422
    assert "Doel: Vul het doel in." in response.content.decode()
    response = client.post(f"/plan/casus/{world.case.pk}/doelen/", {"version": world.v(), "text": "Naar school"})
    assert response.status_code == 302
    response = client.post(
        f"/plan/casus/{world.case.pk}/afspraken/",
        {
            "version": world.v(),
            "what": "Gesprek met mentor",
            "owner": f"professional:{world.teacher.pk}",
            "due_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
            "goal": "",
        },
    )
    assert response.status_code == 302
    assert Agreement.objects.get().owner_professional == world.teacher


def test_a_save_on_an_outdated_version_answers_409_with_what_changed(client, world):
    client.force_login(world.regisseur.user)
    version = world.v()
    services.goal_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=version, text="Rust in huis", access_point=WEB
    )
    response = client.post(f"/plan/casus/{world.case.pk}/doelen/", {"version": version, "text": "Naar school"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft het plan intussen gewijzigd" in html
    assert "Doel toegevoegd: Rust in huis" in html
    assert "Naar school" in html  # the user's input is kept
    assert f'name="version" value="{version + 1}"' in html  # resubmitting saves on the version shown


def test_the_teacher_marks_their_agreement_done(client, world):
    agreement = services.agreement_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), what="Observatie",
        owner_kind="professional", owner_professional=world.teacher,
        due_on=timezone.localdate() + timedelta(days=3), access_point=WEB,
    )  # fmt: skip
    other = services.agreement_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), what="Huisbezoek",
        owner_kind="jeugdige", due_on=timezone.localdate() + timedelta(days=3), access_point=WEB,
    )  # fmt: skip
    client.force_login(world.teacher.user)
    page = client.get(f"/plan/casus/{world.case.pk}/").content.decode()
    url = f"/plan/casus/{world.case.pk}/afspraken/{agreement.pk}/"
    assert "Doel toevoegen" not in page and url in page
    assert f"/afspraken/{other.pk}/" not in page
    assert client.get(url).status_code == 200
    assert client.get(f"/plan/casus/{world.case.pk}/afspraken/{other.pk}/").status_code == 403
    stale = client.post(url, {"version": world.v() - 1, "status": "gedaan", "note": ""})
    assert stale.status_code == 409
    response = client.post(url, {"version": world.v(), "status": "gedaan", "note": ""})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "gedaan"


def test_the_regisseur_records_an_evaluation_on_its_page(client, world):
    evaluation = services.evaluation_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), planned_on=timezone.localdate(),
        access_point=WEB,
    )  # fmt: skip
    url = f"/plan/casus/{world.case.pk}/evaluaties/{evaluation.pk}/"
    client.force_login(world.regisseur.user)
    page = client.get(url).content.decode()
    assert world.teacher.name in page  # the involved professionals, to check
    response = client.post(url, {"version": world.v(), "held_on": timezone.localdate(), "outcome": "Beter."})
    assert response.status_code == 422
    assert "Controleer bij elke evaluatie wie er betrokken is" in response.content.decode()
    response = client.post(
        url, {"version": world.v(), "held_on": timezone.localdate(), "outcome": "Beter.", "contacts_confirmed": "on"}
    )
    assert response.status_code == 302
    client.force_login(world.teacher.user)
    assert client.get(url).status_code == 403


def test_the_parent_sees_the_plan_and_reacts(client, world):
    client.force_login(world.parent.user)
    page = client.get(f"/plan/casus/{world.case.pk}/").content.decode()
    assert "Bent u het eens met dit plan?" in page and "Doel toevoegen" not in page
    response = client.post(
        f"/plan/casus/{world.case.pk}/instemming/", {"version": world.v(), "agrees": "nee", "comment": ""}
    )
    assert response.status_code == 422
    response = client.post(
        f"/plan/casus/{world.case.pk}/instemming/", {"version": world.v(), "agrees": "ja", "comment": ""}
    )
    assert response.status_code == 302


def test_the_police_gets_not_found(client, world):
    from tests.factories import involve, professional

    agent = professional("politie")
    involve(world.case, agent, "politie")
    client.force_login(agent.user)
    assert client.get(f"/plan/casus/{world.case.pk}/").status_code == 404
    case_page = client.get(f"/casussen/{world.case.pk}/").content.decode()
    assert "/plan/casus/" not in case_page


PLAN_PAGE_QUERIES = 22  # constant: the plan with its goals, agreements, evaluations, approvals, versions


@pytest.mark.parametrize("n", [5, 50])
def test_the_plan_page_costs_the_same_for_5_and_50_agreements(client, world, n):
    for i in range(n):
        services.agreement_add(
            actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), what=f"Afspraak {i}",
            owner_kind="professional", owner_professional=world.teacher if i % 2 else world.regisseur,
            due_on=timezone.localdate() + timedelta(days=i - 10), access_point=WEB,
        )  # fmt: skip
    client.force_login(world.regisseur.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/plan/casus/{world.case.pk}/")
    assert response.status_code == 200
    assert len(queries) == PLAN_PAGE_QUERIES
