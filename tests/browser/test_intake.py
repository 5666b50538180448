"""The toegang in the browser: a parent's public request through triage to the waiting list and
a jeugdconsulent; triage to a referral that the GGD accepts; a safety concern that skips the
queue into the meldcode; the teamleider publishing a new checklist version. axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from jeugdketen.intake.models import ChecklistVersion, HelpRequest, Referral
from tests.browser.flows import choose, download_report, investigation_to_shared_report

pytestmark = pytest.mark.browser


def answer_triage(page, yes: tuple[str, ...] = ()):
    """Answer every question: 'Ja' for the questions starting with one of ``yes``, else 'Nee' or
    the first choice; text questions get a sentence."""
    form = page.locator("main form.jk-form")
    for group in form.locator("fieldset fieldset").all():
        legend = group.locator("legend").inner_text()
        radios = group.get_by_role("radio")
        if any(legend.startswith(start) for start in yes):
            group.get_by_role("radio", name="Ja", exact=True).check()
        elif group.get_by_role("radio", name="Nee", exact=True).count():
            group.get_by_role("radio", name="Nee", exact=True).check()
        else:
            radios.first.check()
    for box in form.locator("textarea").all():
        box.fill("Ouders willen graag meedenken; opa en oma helpen veel.")


def test_public_request_through_triage_and_waiting_list_to_a_jeugdconsulent(ui):
    page = ui.page
    ui.goto("/aanmelden/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hulp vragen bij Samen Doen")
    expect(page.get_by_role("heading", name="Wat gebeurt er met uw gegevens?")).to_be_visible()

    ui.navigate_by(page.get_by_role("button", name="Aanmelding versturen"), status=422)
    form = page.locator("main form.jk-form")
    first_name = form.get_by_label("Voornaam van het kind")
    expect(first_name).to_have_attribute("aria-invalid", "true")
    expect(first_name).to_have_accessible_description(re.compile("Vul de voornaam van het kind in."))

    form.get_by_role("radio", name="Ouder of verzorger van het kind").check()
    form.get_by_label("Uw naam").fill("Hanneke Zandbergen")
    form.get_by_label("Telefoonnummer").fill("06-12121212")
    form.get_by_label("Voornaam van het kind").fill("Siem")
    form.get_by_label("Achternaam van het kind").fill("Zandbergen")
    form.get_by_label("Geboortedatum van het kind").fill("2017-06-02")
    form.get_by_label("Uw vraag").fill("Siem is sinds de scheiding erg boos en wil niet meer naar zijn vader.")
    form.get_by_label("Ik heb gelezen wat Samen Doen met deze gegevens doet").check()
    ui.navigate_by(page.get_by_role("button", name="Aanmelding versturen"))
    request = HelpRequest.objects.get(first_name="Siem")
    expect(page.get_by_role("status")).to_contain_text(request.reference)

    ui.login("anouk")
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Toegang"))
    ui.htmx_search(page.get_by_label("Zoek op kenmerk of naam"), request.reference)
    ui.navigate_by(page.get_by_role("link", name=request.reference))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Siem Zandbergen")
    page.get_by_role("radio", name=re.compile("Een nieuwe jeugdige")).check()
    ui.navigate_by(page.get_by_role("button", name="In behandeling nemen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Triage: Siem Zandbergen")

    ui.navigate_by(page.get_by_role("button", name="Triage vastleggen"), status=422)
    expect(page.get_by_role("alert").first).to_contain_text("Niet alle vragen zijn beantwoord")
    answer_triage(page, yes=("Spelen er in het gezin",))
    ui.navigate_by(page.get_by_role("button", name="Triage vastleggen"))
    expect(page.locator("main")).to_contain_text("onderzoek door een jeugdconsulent: de wachtlijst")
    expect(page.get_by_role("radio", name="Plaatsen op de wachtlijst jeugdconsulenten")).to_be_checked()
    page.get_by_label("Motivering").fill(
        "Scheiding met veel strijd; onderzoek naar wat Siem en het gezin nodig hebben."
    )
    page.get_by_label("Prioriteit op de wachtlijst").select_option(label="Hoog")
    ui.navigate_by(page.get_by_role("button", name="Besluit vastleggen"))
    expect(ui.messages()).to_contain_text("Het besluit is vastgelegd.")
    expect(
        page.get_by_role("region", name="Besluiten").or_(page.locator("#h-decisions").locator(".."))
    ).to_contain_text("Plaatsen op de wachtlijst jeugdconsulenten")
    ui.logout()

    ui.login("marieke")
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Toegang"))
    ui.navigate_by(page.get_by_role("link", name="Wachtlijst jeugdconsulenten"))
    expect(page.get_by_role("heading", name="Caseload jeugdconsulenten")).to_be_visible()
    page.get_by_role("checkbox", name=f"{request.reference} kiezen").check()
    choose(page.get_by_label("Gekozen hulpvragen toewijzen aan"), "Jeroen Hulshof")
    ui.navigate_by(page.get_by_role("button", name="Toewijzen", exact=True))
    expect(ui.messages()).to_contain_text(f"{request.reference} toegewezen aan Jeroen Hulshof.")
    request.refresh_from_db()
    assert (request.status, request.case.casusregisseur.user.username) == ("toegewezen", "jeroen")
    ui.logout()

    # The consulent finds the case in Mijn casussen and carries out the onderzoek to the PDF.
    ui.login("jeroen")
    case = request.case
    ui.navigate_by(page.get_by_role("link", name=case.reference))
    ui.navigate_by(page.get_by_role("link", name="Naar het onderzoek"))
    expect(page.get_by_role("list", name="Fasen van het onderzoek").locator("[aria-current=step]")).to_have_text(
        "Analyse (nu)"
    )
    investigation_to_shared_report(ui)
    pdf = download_report(ui, "Onderzoeksverslag downloaden (PDF, concept)", f"onderzoeksverslag-{case.reference}.pdf")
    assert pdf.startswith(b"%PDF-") and b"Siem" not in pdf[:5]


def test_triage_to_a_referral_that_the_ggd_accepts(ui):
    page = ui.page
    request = HelpRequest.objects.get(status="triage")  # Mees, triaged in the demo
    ui.login("anouk")
    ui.goto(f"/toegang/hulpvragen/{request.pk}/")
    ui.navigate_by(page.get_by_role("link", name="Besluit nemen"))
    page.get_by_role("radio", name="Doorverwijzen naar een voorliggende voorziening").check()
    page.get_by_label("Motivering").fill("De vraag past bij opvoedondersteuning van de GGD.")
    page.get_by_label("Doorverwijzen naar (aanbod op de sociale kaart)").select_option(
        label="Opvoedondersteuning JGZ — GGD IJsselland (demo) (0 t/m 18 jaar)"
    )
    ui.navigate_by(page.get_by_role("button", name="Besluit vastleggen"), status=422)
    expect(page.get_by_role("group", name=re.compile("Wat deelt u met de voorziening"))).to_contain_text(
        "Kies welke gegevens u deelt met de voorziening."
    )
    page.get_by_role("checkbox", name="De hulpvraag").check()
    page.get_by_label("Toestemming voor het delen gegeven door").select_option(label="De ouders met gezag")
    ui.navigate_by(page.get_by_role("button", name="Besluit vastleggen"))
    expect(page.locator("main")).to_contain_text(
        "Verwijzing naar Opvoedondersteuning JGZ van GGD IJsselland (demo): verstuurd"
    )
    ui.logout()

    ui.login("jolien")
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Verwijzingen"))
    ui.navigate_by(page.get_by_role("link", name=request.reference))
    expect(page.locator("main")).to_contain_text(request.question)
    page.get_by_label("Nieuwe status").select_option(label="Geaccepteerd")
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    expect(ui.messages()).to_contain_text("De status van de verwijzing is bijgewerkt.")
    assert Referral.objects.get(request=request).status == "geaccepteerd"


def test_a_safety_concern_skips_the_queue_into_the_meldcode(ui):
    page = ui.page
    request = HelpRequest.objects.get(first_name="Lieke")  # new in the demo
    ui.login("anouk")
    ui.goto(f"/toegang/hulpvragen/{request.pk}/")
    page.get_by_role("radio", name=re.compile("Een nieuwe jeugdige")).check()
    ui.navigate_by(page.get_by_role("button", name="In behandeling nemen"))
    answer_triage(page, yes=("Is er nu zorg over de veiligheid",))
    ui.navigate_by(page.get_by_role("button", name="Triage vastleggen"))
    expect(page.locator("main")).to_contain_text("zorg over veiligheid: direct toewijzen")
    page.get_by_role("radio", name="Plaatsen op de wachtlijst jeugdconsulenten").check()
    page.get_by_label("Motivering").fill("Moeder vertelt over geweld door haar partner.")
    page.get_by_label("Prioriteit op de wachtlijst").select_option(label="Hoog")
    ui.navigate_by(page.get_by_role("button", name="Besluit vastleggen"), status=422)
    expect(page.get_by_role("group", name="Besluit")).to_contain_text("De triage wijst op zorg over de veiligheid")
    page.get_by_role("radio", name="Zorg over veiligheid: direct toewijzen en meldcode").check()
    choose(page.get_by_label(re.compile("Jeugdconsulent")), "Fatima El Amrani")
    ui.navigate_by(page.get_by_role("button", name="Besluit vastleggen"))
    expect(page.locator("main")).to_contain_text("Toegewezen aan jeugdconsulent")
    request.refresh_from_db()
    assert (request.status, request.assigned_to.user.username) == ("toegewezen", "fatima")
    assert request.case.meldcode_tracks.exists()
    ui.logout()

    # The jeugdconsulent finds the meldcode on the case, at step 1.
    ui.login("fatima")
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Meldcode"))
    row = page.get_by_role("row").filter(has_text=request.case.reference)
    ui.navigate_by(row.get_by_role("link", name=re.compile("Gestart op")))
    expect(page.locator("main")).to_contain_text("Moeder vertelt over geweld door haar partner.")


def test_the_teamleider_publishes_a_new_checklist_version(ui):
    page = ui.page
    ui.login("marieke")
    ui.goto("/toegang/checklist/")
    expect(page.get_by_role("heading", name="In gebruik: versie 2")).to_be_visible()
    ui.navigate_by(page.get_by_role("button", name="Nieuwe versie maken"))
    ui.navigate_by(page.get_by_role("link", name="Vraag toevoegen"))
    page.get_by_label("Thema").fill("School")
    page.get_by_label("Vraag", exact=True).fill("Is de school op de hoogte van de vraag?")
    page.get_by_label("Soort antwoord").select_option(label="Ja / nee")
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    expect(page.locator("#concept").locator("..")).to_contain_text("Is de school op de hoogte van de vraag?")
    page.get_by_label("Wat is er veranderd in deze versie?").fill("Vraag over de school toegevoegd.")
    ui.navigate_by(page.get_by_role("button", name="Versie 3 publiceren"))
    expect(page.get_by_role("heading", name="In gebruik: versie 3")).to_be_visible()
    assert ChecklistVersion.objects.get(number=2).status == "retired"
    ui.navigate_by(page.get_by_role("link", name="Versie 1"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Triagechecklist versie 1")
