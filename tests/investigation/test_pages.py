"""The pages: the consulent works through the phases with a Dutch message at each field, the
parent adds a zienswijze on the shared report, overviews for the consulent and the teamleider,
and a pinned query count for the investigation page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.investigation.models import Investigation, Phase
from tests.factories import YouthFactory, case_with, involve, parent_of, professional

from .conftest import add_conversation, shared

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_consulent(client, consulent):
    client.force_login(consulent.user)
    return client


def url(investigation, action=""):
    base = f"/onderzoek/{investigation.pk}/"
    return base + action if action else base


def test_the_investigation_page_shows_the_phase_and_the_analysis_forms(as_consulent, investigation):
    response = as_consulent.get(url(investigation))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Onderzoek {investigation.case.reference}: Noah Jansen" in html
    assert 'aria-current="step"><strong>Analyse</strong>' in html
    for action in ("gesprekken/", "bevindingen/", "volgende-fase/"):
        assert f'action="{url(investigation, action)}"' in html
    assert "oordeel/" not in html  # the judgement opens with the oordeelsvorming


def test_advancing_without_content_shows_each_missing_field_and_stores_nothing(as_consulent, investigation):
    response = as_consulent.post(url(investigation, "volgende-fase/"))
    assert response.status_code == 422
    html = response.content.decode()
    assert "De volgende fase gaat nog niet open. Dit ontbreekt:" in html
    assert "Leg eerst minstens één gesprek vast, bijvoorbeeld het keukentafelgesprek." in html
    # At the field, after its label, tied to the input for screen readers.
    assert (
        'id="id_safety_findings_error"><p>Veiligheid: Vul in wat u vond over de veiligheid; '
        "schrijf ‘geen zorgen’ als u niets vond.</p>" in html
    )
    assert 'aria-describedby="id_strengths_helptext id_strengths_error"' in html
    assert '<a class="utrecht-link" href="#id_strengths">Sterke kanten van het gezin</a>' in html
    investigation.refresh_from_db()
    assert investigation.phase == Phase.ANALYSE


def test_the_consulent_walks_through_the_phases_on_the_page(as_consulent, investigation, provider):
    today = timezone.localdate()
    response = as_consulent.post(
        url(investigation, "gesprekken/"),
        {"kind": "keukentafel", "held_on": today.isoformat(), "participants": "moeder, Noah", "summary": "Rustig."},
    )
    assert response.status_code == 302
    findings = {
        "upbringing_findings": "Grenzen stellen is lastig.",
        "psychological_findings": "Geen zorgen.",
        "safety_findings": "Geen zorgen.",
        "strengths": "Warme band met opa.",
    }
    assert as_consulent.post(url(investigation, "bevindingen/"), findings).status_code == 302
    assert as_consulent.post(url(investigation, "volgende-fase/")).status_code == 302
    assert as_consulent.post(url(investigation, "oordeel/"), {"judgement": "Lichte hulp volstaat."}).status_code == 302
    assert as_consulent.post(url(investigation, "volgende-fase/")).status_code == 302

    response = as_consulent.post(
        url(investigation, "besluit/"),
        {"help_kind": "specialistisch", "motivation": "Gezinsbehandeling nodig.", "beschikking_end": "morgen"},
    )
    assert response.status_code == 422
    assert "Einddatum: Vul een geldige datum in." in response.content.decode()
    response = as_consulent.post(
        url(investigation, "besluit/"),
        {
            "help_kind": "specialistisch",
            "motivation": "Gezinsbehandeling nodig.",
            "care_product": "Ambulante gezinsbehandeling",
            "provider": provider.pk,
            "beschikking_start": today.isoformat(),
            "beschikking_end": (today + timedelta(days=90)).isoformat(),
            "beschikking_number": "B-2026-7",
        },
    )
    assert response.status_code == 302
    response = as_consulent.post(url(investigation, "volgende-fase/"), follow=True)
    assert "Het verslag is gedeeld. De zienswijze kan tot en met" in response.content.decode()
    investigation.refresh_from_db()
    assert (investigation.phase, investigation.provider, investigation.shared_on) == (Phase.VERSLAG, provider, today)

    response = as_consulent.post(url(investigation, "definitief/"), {"no_zienswijze_note": ""})
    assert response.status_code == 422
    assert "Geen zienswijze: De termijn voor de zienswijze loopt tot en met" in response.content.decode()
    response = as_consulent.post(url(investigation, "definitief/"), {"no_zienswijze_note": "Ouders zien af."})
    assert response.status_code == 302
    investigation.refresh_from_db()
    assert investigation.phase == Phase.DEFINITIEF


def test_a_step_back_on_the_page_needs_a_reason(as_consulent, investigation, consulent):
    investigation = shared(investigation, consulent.user)
    response = as_consulent.post(url(investigation, "terug/"), {"to_phase": "analyse", "reason": ""})
    assert response.status_code == 422
    assert "Waarom: Schrijf waarom het onderzoek teruggaat." in response.content.decode()
    response = as_consulent.post(
        url(investigation, "terug/"), {"to_phase": "analyse", "reason": "Nieuw gesprek nodig."}
    )
    assert response.status_code == 302
    investigation.refresh_from_db()
    assert investigation.phase == Phase.ANALYSE


def test_the_parent_sees_nothing_before_sharing_and_adds_a_zienswijze_after(client, investigation, consulent, youth):
    parent = parent_of(youth)
    client.force_login(parent.user)
    assert client.get(url(investigation)).status_code == 404
    assert client.get(url(investigation, "onderzoeksverslag.pdf")).status_code == 404

    shared(investigation, consulent.user)
    response = client.get(url(investigation))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Onderzoeksverslag over Noah Jansen" in html
    assert "Geen zorgen over de veiligheid." in html  # the safety finding is part of the report
    assert "Verloop" not in html and "volgende-fase/" not in html

    response = client.post(url(investigation, "zienswijze/"), {"text": ""})
    assert response.status_code == 422
    assert "Uw zienswijze: Schrijf uw zienswijze." in response.content.decode()
    response = client.post(
        url(investigation, "zienswijze/"), {"text": "Wij herkennen ons in het verslag."}, follow=True
    )
    assert "Uw zienswijze is bij het verslag gevoegd." in response.content.decode()
    assert investigation.zienswijzen.get().author_name == "Marloes Jansen"
    # The parent may not change the investigation: 403.
    assert client.post(url(investigation, "definitief/"), {"no_zienswijze_note": "x"}).status_code == 403


def test_unrelated_professionals_get_404_and_an_involved_teacher_too(client, investigation, case):
    stranger = professional("jeugdconsulent")
    client.force_login(stranger.user)
    assert client.get(url(investigation)).status_code == 404
    assert client.post(url(investigation, "volgende-fase/")).status_code == 404
    teacher = professional("leerkracht")
    involve(case, teacher, "leerkracht")
    client.force_login(teacher.user)
    assert client.get(url(investigation)).status_code == 404
    assert AccessLogEntry.objects.filter(event="refused", object_type="investigation").count() == 3


def test_the_report_pdf_is_a_pdf_and_its_download_is_logged_as_a_print(as_consulent, investigation, consulent):
    shared(investigation, consulent.user)
    response = as_consulent.get(url(investigation, "onderzoeksverslag.pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    filename = f"onderzoeksverslag-{investigation.case.reference}.pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    entry = AccessLogEntry.objects.filter(object_type="investigation").latest("pk")
    assert (entry.event, entry.categories, entry.description) == ("print", ["youthcare"], "onderzoeksverslag als PDF")


def test_my_investigations_lists_them_with_the_overdue_one_marked(as_consulent, investigation, consulent):
    other = case_with(YouthFactory(first_name="Mila"), consulent, "jeugdconsulent")
    from jeugdketen.investigation import services

    services.investigation_start(case=other, consulent=consulent, decide_by=None)
    day = timezone.localdate() - timedelta(days=30)
    Investigation.objects.filter(pk=investigation.pk).update(phase_started_on=day)
    response = as_consulent.get("/onderzoek/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 onderzoeken" in html and "Noah Jansen" in html and "Mila Jansen" in html
    assert html.count("dagen te laat") == 1
    assert html.index("Noah Jansen") < html.index("Mila Jansen")  # soonest due first


def test_the_teamleider_overview_shows_no_youth_name(client, investigation, gemeente, consulent):
    Investigation.objects.filter(pk=investigation.pk).update(phase_started_on=timezone.localdate() - timedelta(days=40))
    teamleider = professional("manager", organisation=gemeente)
    client.force_login(teamleider.user)
    assert client.get("/onderzoek/").url == "/onderzoek/team/"
    response = client.get("/onderzoek/team/")
    html = response.content.decode()
    assert response.status_code == 200
    assert investigation.case.reference in html and consulent.name in html
    assert "Noah" not in html and "Jansen" not in html
    assert f"/onderzoek/{investigation.pk}/" not in html


def test_the_overviews_are_for_consulenten_and_teamleiders(client):
    client.force_login(professional("leerkracht").user)
    assert client.get("/onderzoek/").status_code == 403
    assert client.get("/onderzoek/team/").status_code == 403


def test_from_the_case_to_its_investigation_or_to_start_one(as_consulent, consulent, youth, investigation):
    assert as_consulent.get(f"/onderzoek/casus/{investigation.case_id}/").url == url(investigation)
    case = case_with(youth, consulent, "jeugdconsulent")
    response = as_consulent.get(f"/onderzoek/casus/{case.pk}/")
    assert response.status_code == 200 and "Onderzoek starten" in response.content.decode()
    response = as_consulent.post(f"/onderzoek/casus/{case.pk}/starten/", {"decide_by": "gisteren"})
    assert response.status_code == 422
    assert "Besluit uiterlijk: Vul een geldige datum in." in response.content.decode()
    response = as_consulent.post(f"/onderzoek/casus/{case.pk}/starten/", {"decide_by": ""})
    assert response.status_code == 302
    assert case.investigation.phase == Phase.ANALYSE


def test_from_the_case_a_stranger_learns_nothing(client, investigation):
    client.force_login(professional("jeugdconsulent").user)
    assert client.get(f"/onderzoek/casus/{investigation.case_id}/").status_code == 404
    assert AccessLogEntry.objects.filter(event="refused", object_type="investigation").count() == 1


def test_a_stranger_cannot_start_an_investigation(client, youth, consulent):
    case = case_with(youth, consulent, "jeugdconsulent")
    client.force_login(professional("jeugdconsulent").user)
    assert client.get(f"/onderzoek/casus/{case.pk}/").status_code == 404
    assert client.post(f"/onderzoek/casus/{case.pk}/starten/").status_code == 404
    assert not Investigation.objects.exists()


def test_anonymous_users_are_sent_to_login(client, investigation):
    response = client.get(url(investigation))
    assert response.status_code == 302 and "/account/inloggen/" in response.url


# session, user, investigation, professional + functions, access_for (involvements, open help
# request, emergency access), conversations, zienswijzen, phase changes, log insert, session save
# (savepoint, update, release): the same for 1 and 10 conversations.
DETAIL_QUERIES = 16  # incl. the family's consent decisions (policy)


@pytest.mark.parametrize("n", [1, 10])
def test_the_investigation_page_costs_the_same_for_1_and_10_conversations(as_consulent, investigation, actor, n):
    for _ in range(n):
        add_conversation(investigation, actor)
    with CaptureQueriesContext(connection) as queries:
        response = as_consulent.get(url(investigation))
    assert response.status_code == 200
    assert len(queries) == DETAIL_QUERIES, "\n".join(q["sql"][:150] for q in queries.captured_queries)
