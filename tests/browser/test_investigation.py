"""The onderzoek in the browser: a jeugdconsulent starts it from the case and walks analyse →
oordeelsvorming → besluitvorming, shares the report and downloads the PDF; a parent adds a
zienswijze; the consulent makes the report final. Its own data (not the demo's)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.cases.models import Case
from jeugdketen.investigation.models import Investigation, Phase
from jeugdketen.organisations.models import Organisation
from tests.browser.flows import click, download_report, investigation_to_shared_report
from tests.factories import OrganisationFactory, UserFactory, YouthFactory, case_with, parent_of, professional

pytestmark = pytest.mark.browser

PASSWORD = "geheim-wachtwoord-123"  # tests.factories.UserFactory


@pytest.fixture
def ui(page, live_server, transactional_db):
    """The browser user, without the demo municipality: this test makes its own data."""
    from .helpers import UI

    return UI(page, live_server.url)


@pytest.fixture
def family():
    gemeente = OrganisationFactory(name="Gemeente Dalfsen", kind=Organisation.Kind.GEMEENTE)
    consulent = professional(
        "jeugdconsulent",
        organisation=gemeente,
        user=UserFactory(username="consulent", first_name="Jeroen", last_name="Hulshof"),
    )
    teamleider = professional(
        "manager", organisation=gemeente, user=UserFactory(username="teamleider", first_name="Marieke")
    )
    ten_years_ago = timezone.localdate() - timedelta(days=10 * 366)
    youth = YouthFactory(first_name="Noah", last_name="Jansen", date_of_birth=ten_years_ago)
    parent = parent_of(youth)
    parent.user.username = "ouder"
    parent.user.save(update_fields=["username"])
    case = case_with(youth, consulent, "jeugdconsulent", status=Case.Status.AANGEMELD)
    return {"case": case, "consulent": consulent, "teamleider": teamleider, "parent": parent}


def test_consulent_walks_the_phases_parent_gives_a_zienswijze_consulent_finalises(ui, family):
    page = ui.page
    case = family["case"]
    ui.login("consulent", PASSWORD)

    # Start from the case.
    ui.goto(f"/onderzoek/casus/{case.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Onderzoek starten: Noah Jansen ({case.reference})")
    click(ui, "Onderzoek starten")
    investigation = Investigation.objects.get(case=case)
    expect(page).to_have_url(re.compile(rf"/onderzoek/{investigation.pk}/$"))
    expect(ui.messages()).to_contain_text("Het onderzoek is gestart.")
    steps = page.get_by_role("list", name="Fasen van het onderzoek")
    expect(steps.locator("[aria-current=step]")).to_have_text("Analyse (nu)")

    # The gate: nothing filled in yet.
    click(ui, "Analyse afronden", status=422)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("De volgende fase gaat nog niet open. Dit ontbreekt:")
    expect(summary).to_contain_text("Gesprekken: Leg eerst minstens één gesprek vast")
    safety = page.get_by_label("Veiligheid", exact=True)
    expect(safety).to_have_attribute("aria-invalid", "true")
    expect(safety).to_have_accessible_description(
        re.compile("Veiligheid: Vul in wat u vond over de veiligheid; schrijf ‘geen zorgen’ als u niets vond.")
    )

    # Analyse → oordeelsvorming → besluitvorming, then share.
    investigation_to_shared_report(ui)
    expect(page.get_by_role("status").filter(has_text="Het verslag is gedeeld met de ouders met gezag")).to_be_visible()

    # The PDF (a download, not a page).
    pdf = download_report(ui, "Onderzoeksverslag downloaden (PDF, concept)", f"onderzoeksverslag-{case.reference}.pdf")
    assert pdf.startswith(b"%PDF-")
    ui.logout()

    # The parent reads the shared report and adds a zienswijze.
    ui.login("ouder", PASSWORD)
    ui.goto(f"/onderzoek/{investigation.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Onderzoeksverslag over Noah Jansen")
    expect(page.get_by_role("region", name="Analyse: wat er gevonden is")).to_contain_text("Betrokken grootouders.")
    page.get_by_label("Uw zienswijze").fill("Wij herkennen ons in het verslag. Graag ook school erbij.")
    click(ui, "Zienswijze toevoegen")
    expect(ui.messages()).to_contain_text("Uw zienswijze is bij het verslag gevoegd.")
    expect(page.get_by_role("article", name=re.compile("Zienswijze van Marloes Jansen"))).to_contain_text(
        "Graag ook school erbij."
    )
    ui.logout()

    # The consulent makes it final.
    ui.login("consulent", PASSWORD)
    ui.goto(f"/onderzoek/{investigation.pk}/")
    expect(page.get_by_role("region", name="Volgende stap")).to_contain_text("De zienswijze is binnen.")
    click(ui, "Verslag definitief maken")
    expect(ui.messages()).to_contain_text("Het onderzoeksverslag is definitief.")
    investigation.refresh_from_db()
    assert investigation.phase == Phase.DEFINITIEF
    expect(page.get_by_role("link", name="Onderzoeksverslag downloaden (PDF)")).to_be_visible()

    ui.goto("/onderzoek/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn onderzoeken")
    expect(page.get_by_role("region", name="Mijn onderzoeken")).to_contain_text("Noah Jansen")
    ui.logout()

    # The teamleider's overview: no youth on it.
    late = Investigation.objects.create(
        case=case_with(YouthFactory(first_name="Mila"), family["consulent"], "jeugdconsulent"),
        consulent=family["consulent"],
        phase_started_on=timezone.localdate() - timedelta(days=40),  # analyse: 28 days, so 12 days late
    )
    ui.login("teamleider", PASSWORD)
    ui.goto("/onderzoek/team/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Termijnen onderzoeken")
    row = page.get_by_role("region", name="Tabel onderzoeken over de termijn").locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("th, td")).to_have_text(
        [late.case.reference, "Jeroen Hulshof", "Analyse", re.compile(r"\d"), "12"]
    )
    expect(ui.main).not_to_contain_text("Mila")
