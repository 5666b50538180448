"""The policy through the pages, for a sample of functions and grounds: allowed (200 with the
data) and refused (404, the same as a missing youth, and logged)."""

import pytest

from jeugdketen.auditlog.models import AccessLogEntry
from tests.factories import (
    EnrolmentFactory,
    SchoolFactory,
    YouthFactory,
    case_with,
    involve,
    journal,
    parent_of,
    professional,
)

pytestmark = pytest.mark.django_db


def main_of(response) -> str:
    return response.text.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def setting():
    school = SchoolFactory()
    youth = EnrolmentFactory(school=school).youth
    consulent = professional("jeugdconsulent")
    case = case_with(youth, consulent, "jeugdconsulent")
    teacher = professional("leerkracht", organisation=school)
    nurse = professional("jeugdverpleegkundige")
    involve(case, teacher, "leerkracht")
    involve(case, nurse, "jeugdverpleegkundige")
    journal(case, teacher, "leerkracht", "school", text="Werkt goed mee in de kleine kring.")
    journal(case, nurse, "jeugdverpleegkundige", "health", text="Slaapt slecht sinds de verhuizing.")
    journal(case, consulent, "jeugdconsulent", "youthcare", text="Keukentafelgesprek met moeder.")
    return {"school": school, "youth": youth, "case": case, "consulent": consulent, "teacher": teacher, "nurse": nurse}


@pytest.mark.parametrize(
    ("who", "sees", "does_not_see"),
    [
        ("teacher", ["Werkt goed mee"], ["Slaapt slecht", "Keukentafelgesprek"]),
        ("nurse", ["Werkt goed mee", "Slaapt slecht", "Keukentafelgesprek"], []),
        ("consulent", ["Werkt goed mee", "Keukentafelgesprek"], ["Slaapt slecht"]),
    ],
)
def test_dossier_shows_only_the_categories_of_the_function(client, setting, who, sees, does_not_see):
    client.force_login(setting[who].user)
    response = client.get(f"/jeugdigen/{setting['youth'].pk}/")
    assert response.status_code == 200
    for text in sees:
        assert text in response.text
    for text in does_not_see:
        assert text not in response.text
    entry = AccessLogEntry.objects.filter(youth_id=setting["youth"].pk, user_id=setting[who].user_id).latest("id")
    assert (entry.event, entry.ground, entry.channel) == ("read", "case", "web")


def test_the_dossier_says_why_the_user_may_see_it(client, setting):
    client.force_login(setting["teacher"].user)
    response = client.get(f"/jeugdigen/{setting['youth'].pk}/")
    assert "Zichtbaar op grond van: Betrokken bij de casus (als Leerkracht / mentor)" in response.text


def test_a_colleague_at_the_school_sees_school_data_but_not_the_case(client, setting):
    ib = professional("intern_begeleider", organisation=setting["school"])
    client.force_login(ib.user)
    response = client.get(f"/jeugdigen/{setting['youth'].pk}/")
    assert response.status_code == 200
    assert "Werkzaam op de school van de jeugdige" in response.text
    assert "Werkt goed mee" not in response.text  # journal lives in the case, which the IB'er is not in
    assert client.get(f"/casussen/{setting['case'].pk}/").status_code == 404


@pytest.mark.parametrize("code", ["leerkracht", "jeugdconsulent", "politie", "manager", "privacy_officer"])
def test_without_a_ground_the_dossier_is_not_found_like_a_missing_youth(client, setting, code):
    stranger = professional(code)
    client.force_login(stranger.user)
    refused = client.get(f"/jeugdigen/{setting['youth'].pk}/")
    missing = client.get("/jeugdigen/999999/")
    assert refused.status_code == missing.status_code == 404
    assert main_of(refused) == main_of(missing)
    assert AccessLogEntry.objects.filter(
        event="refused", user_id=stranger.user_id, youth_id=setting["youth"].pk
    ).exists()
    assert client.get(f"/casussen/{setting['case'].pk}/").status_code == 404


def test_lists_contain_only_visible_youths(client, setting):
    other = YouthFactory(first_name="Onzichtbaar")
    client.force_login(setting["teacher"].user)
    response = client.get("/jeugdigen/")
    assert setting["youth"].full_name in response.text
    assert other.full_name not in response.text


def test_parent_sees_own_child_and_who_looked(client, setting):
    carer = parent_of(setting["youth"])
    client.force_login(setting["teacher"].user)
    client.get(f"/jeugdigen/{setting['youth'].pk}/")
    client.logout()
    client.force_login(carer.user)
    assert client.get(f"/jeugdigen/{setting['youth'].pk}/").status_code == 200
    log = client.get(f"/jeugdigen/{setting['youth'].pk}/toegangslog/")
    assert log.status_code == 200
    assert setting["teacher"].user.get_full_name() in log.text
    assert "Leerkracht / mentor" in log.text


def test_parent_does_not_see_another_child(client, setting):
    carer = parent_of(YouthFactory())
    client.force_login(carer.user)
    assert client.get(f"/jeugdigen/{setting['youth'].pk}/").status_code == 404
    assert client.get(f"/jeugdigen/{setting['youth'].pk}/toegangslog/").status_code == 404


def test_professionals_do_not_see_the_access_log_but_the_privacy_officer_does(client, setting):
    client.force_login(setting["consulent"].user)
    assert client.get(f"/jeugdigen/{setting['youth'].pk}/toegangslog/").status_code == 404
    officer = professional("privacy_officer")
    client.force_login(officer.user)
    response = client.get(f"/jeugdigen/{setting['youth'].pk}/toegangslog/")
    assert response.status_code == 200
    assert AccessLogEntry.objects.filter(user_id=officer.user_id, object_type="access_log", ground="privacy").exists()


def test_access_log_filters_by_period_with_a_dutch_error(client, setting):
    officer = professional("privacy_officer")
    client.force_login(officer.user)
    response = client.get(f"/jeugdigen/{setting['youth'].pk}/toegangslog/?since=2026-02-01&until=2026-01-01")
    assert "Tot en met: De einddatum ligt vóór de begindatum." in response.text


def test_only_the_regisseur_gets_the_forms_to_involve_and_update(client, setting):
    client.force_login(setting["consulent"].user)
    assert "Professional betrekken" in client.get(f"/casussen/{setting['case'].pk}/").text
    client.force_login(setting["teacher"].user)
    page = client.get(f"/casussen/{setting['case'].pk}/")
    assert "Professional betrekken" not in page.text
    response = client.post(
        f"/casussen/{setting['case'].pk}/betrokkenen/", {"professional": setting["nurse"].pk, "function": 1}
    )
    assert response.status_code == 403


def test_a_journal_entry_with_missing_fields_names_each_field_and_saves_nothing(client, setting):
    client.force_login(setting["teacher"].user)
    before = setting["case"].journal_entries.count()
    response = client.post(f"/casussen/{setting['case'].pk}/journaal/", {"category": "school"})
    assert response.status_code == 422
    assert "Onderwerp: Vul het onderwerp in." in response.text
    assert "Verslag: Schrijf wat er is gebeurd of afgesproken." in response.text
    assert setting["case"].journal_entries.count() == before


def test_a_teacher_cannot_post_a_health_entry(client, setting):
    client.force_login(setting["teacher"].user)
    response = client.post(
        f"/casussen/{setting['case'].pk}/journaal/",
        {"category": "health", "title": "x", "text": "y", "occurred_on": "2026-01-05"},
    )
    assert response.status_code == 422
    assert "Categorie: Selecteer een geldige keuze" in response.text


def test_the_access_log_downloads_as_a_pdf_and_the_export_is_logged(client, setting):
    officer = professional("privacy_officer")
    client.force_login(officer.user)
    response = client.get(f"/jeugdigen/{setting['youth'].pk}/toegangslog/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.filter(user_id=officer.user_id, event="export", object_type="access_log").exists()
    client.force_login(setting["teacher"].user)
    assert client.get(f"/jeugdigen/{setting['youth'].pk}/toegangslog/pdf/").status_code == 404


def test_the_parents_log_shows_no_content_no_police_and_no_reasons(client, setting):
    from datetime import timedelta

    from django.utils import timezone

    from jeugdketen.access.models import EmergencyAccess
    from jeugdketen.auditlog.services import CLI, Event, log_access
    from jeugdketen.cases import services

    carer = parent_of(setting["youth"])
    agent = professional("politie")
    involve(setting["case"], agent, "politie")
    services.journal_entry_add(
        actor=agent.user,
        case=setting["case"],
        category="police",
        title="Verdacht van inbraak",
        text="…",
        access_point=CLI,
    )
    nurse = setting["nurse"]
    services.journal_entry_add(
        actor=nurse.user, case=setting["case"], category="health", title="Diagnose ADHD", text="…", access_point=CLI
    )
    grant = EmergencyAccess.objects.create(
        professional=setting["consulent"],
        youth=setting["youth"],
        reason="Vertrouwelijke melding van de buren",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    log_access(
        user=setting["consulent"].user,
        youth=setting["youth"],
        event=Event.EMERGENCY,
        grant=None,
        object_type="emergency_access",
        object_ids=[grant.pk],
        access_point=CLI,
        reason=grant.reason,
    )
    client.force_login(carer.user)
    page = client.get(f"/jeugdigen/{setting['youth'].pk}/toegangslog/").text
    assert "Verdacht van inbraak" not in page and "Diagnose ADHD" not in page
    assert agent.user.get_full_name() not in page
    assert "Vertrouwelijke melding" not in page
    assert nurse.user.get_full_name() in page and "journaalregel (gezondheid (ggd))" in page
    officer = professional("privacy_officer")
    client.force_login(officer.user)
    page = client.get(f"/jeugdigen/{setting['youth'].pk}/toegangslog/").text
    assert agent.user.get_full_name() in page and "Vertrouwelijke melding" in page


def test_the_polices_involvement_is_shown_only_to_police_readers_and_the_regisseur(client, setting):
    agent = professional("politie")
    involve(setting["case"], agent, "politie")
    name = agent.user.get_full_name()
    carer = parent_of(setting["youth"])
    for user, sees in (
        (setting["teacher"].user, False),
        (carer.user, False),
        (setting["consulent"].user, True),
        (agent.user, True),
    ):
        client.force_login(user)
        assert (name in client.get(f"/jeugdigen/{setting['youth'].pk}/").text) is sees, user
        assert (name in client.get(f"/casussen/{setting['case'].pk}/").text) is sees, user


def test_live_search_pages_vary_on_htmx_and_need_two_characters(client, setting):
    client.force_login(setting["teacher"].user)
    response = client.get("/jeugdigen/", {"q": "K"})
    assert "HX-Request" in response["Vary"]
    assert setting["youth"].full_name not in response.text
    assert not AccessLogEntry.objects.filter(user_id=setting["teacher"].user_id, event="search").exists()
    assert setting["youth"].full_name in client.get("/jeugdigen/", {"q": setting["youth"].first_name}).text
