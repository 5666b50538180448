"""Handovers in the browser, on the demo municipality, axe on every page.

Ilse (IB'er, OBS De Vecht) sees on "alle leerlingen in beeld" who in groep 8 has no receiving
school yet; Lotte, the consulent leerplicht, sees them among her risk pupils. Ilse hands Sem de
Boer over cold to the Vechtdal Lyceum (report and schooladvies; first without, refused), and
completes the warm handover of Sara Visser (first without the conversation, refused). Esther, the
Vechtdal Lyceum's zorgcoördinator, reads Sem's report only once he is enrolled there."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.handover.law import school_year_of
from jeugdketen.handover.models import Handover
from jeugdketen.organisations.models import Organisation
from jeugdketen.youth.models import Enrolment, Youth

pytestmark = pytest.mark.browser


def test_the_unplaced_pupils_list_for_the_school_and_for_leerplicht(ui):
    page = ui.page
    ui.login("ilse")
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Overdracht"))
    table = page.get_by_role("region", name="Niet in beeld")
    expect(table.get_by_role("row", name="Sem de Boer")).to_contain_text("Nog geen ontvangende school")
    expect(table.get_by_role("row", name="Siem")).to_contain_text("Nog geen ontvangende school")
    expect(table).not_to_contain_text("Sara Visser")  # her handover names the Vechtdal Lyceum
    ui.logout()

    ui.login("lotte")
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Overdracht"))
    risks = page.get_by_role("region", name="Risicoleerlingen")
    expect(risks.get_by_role("row", name="Sem de Boer")).to_contain_text("Nog geen ontvangende school")
    expect(risks.get_by_role("row", name="Lieke ter Horst")).to_contain_text("Vechtdal Lyceum")


def test_a_po_vo_handover_cold_and_warm(ui):
    page = ui.page
    today = timezone.localdate()
    ui.login("ilse")
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Overdracht"))
    ui.navigate_by(page.get_by_role("row", name="Sem de Boer").get_by_role("link", name="Overdracht starten"))
    page.get_by_role("radio", name="Van basisschool naar voortgezet onderwijs (po-vo)").check()
    page.get_by_label("Naar school (niet verplicht)").select_option(label="Vechtdal Lyceum (demo)")
    page.get_by_role("radio", name="Koud: het onderwijskundig rapport").check()
    ui.navigate_by(page.get_by_role("button", name="Starten"))
    ui.navigate_by(page.get_by_role("button", name="Overdragen"))
    expect(ui.main).to_contain_text("Nog niet compleet")
    expect(ui.main).to_contain_text("Vul het schooladvies in")
    page.get_by_label("Leerresultaten en ontwikkeling").fill("Sem leest en rekent op niveau eind groep 8.")
    page.get_by_label("Ondersteuning: wat de leerling kreeg en wat werkte").fill("Een time-outplek hielp hem.")
    page.get_by_label("Sociaal-emotionele ontwikkeling en werkhouding").fill("Sem is snel afgeleid in drukte.")
    page.get_by_label("Schooladvies", exact=True).select_option(label="havo")
    page.get_by_label("Schooladvies gegeven op").fill(today.isoformat())
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    ui.navigate_by(page.get_by_role("button", name="Overdragen"))
    expect(ui.main).to_contain_text("Overgedragen. De ontvangende school leest het")
    sem = Handover.objects.get(youth__first_name="Sem")
    assert sem.status == "overgedragen" and sem.schooladvies == "havo"

    # Sara: the warm handover the demo started.
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Overdracht"))
    ui.goto(f"/overdracht/{Handover.objects.get(youth__first_name='Sara').pk}/")
    page.get_by_label("Schooladvies", exact=True).select_option(label="havo/vwo")
    page.get_by_label("Schooladvies gegeven op").fill(today.isoformat())
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    ui.navigate_by(page.get_by_role("button", name="Overdragen"))
    expect(ui.main).to_contain_text("Vul de datum van het gesprek met de ontvangende school in.")
    page.get_by_label("Gesprek met de ontvangende school op").fill(today.isoformat())
    page.get_by_label("Met wie van de ontvangende school").fill("Esther van Dam, zorgcoördinator")
    page.get_by_label("Afspraken uit het gesprek").fill("Sara start in een kleine mentorklas.")
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    ui.navigate_by(page.get_by_role("button", name="Overdragen"))
    expect(ui.main).to_contain_text("Gesprek op")
    assert Handover.objects.get(youth__first_name="Sara").status == "overgedragen"
    ui.logout()

    # The Vechtdal Lyceum: nothing before Sem is enrolled there, his report after.
    ui.login("esther")
    ui.goto(f"/overdracht/{sem.pk}/", status=404)
    Enrolment.objects.create(
        youth=Youth.objects.get(first_name="Sem", last_name="Boer"),
        school=Organisation.objects.get(name="Vechtdal Lyceum (demo)"),
        start=date(school_year_of(today) + 1, 8, 1),
        group="1A",
    )
    ui.navigate_by(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Overdracht"))
    ui.navigate_by(page.get_by_role("link", name="Sem de Boer"))
    expect(ui.main).to_contain_text("Een time-outplek hielp hem.")
    expect(ui.main).to_contain_text("havo")
