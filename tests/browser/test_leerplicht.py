"""Leerplicht in the browser, on the demo municipality, axe on every page.

The school's IB'er (Ilse, OBS De Vecht) finds Noah's 16 hours as a melding, opens it and sends it;
a file with a wrong date is refused with the line and column and nothing is stored; a corrected
file is read in. The consulent leerplicht (Lotte) receives the melding and sees Daan Smit, who
moved to Dalfsen and is enrolled nowhere, on the absolute verzuim list."""

import pytest
from playwright.sync_api import expect

from jeugdketen.leerplicht.models import Absence, Melding
from tests.browser.flows import click

pytestmark = pytest.mark.browser


def csv_file(name: str, text: str) -> dict:
    return {"name": name, "mimeType": "text/csv", "buffer": text.encode()}


def test_the_school_sends_a_melding_and_the_consulent_receives_it(ui):
    noah = Melding.objects.get(youth__first_name="Noah", kind=Melding.Kind.RELATIEF)
    ui.login("ilse")
    ui.navigate_by(ui.page.get_by_role("link", name="Verzuim", exact=True))
    expect(ui.page.get_by_role("heading", level=1)).to_have_text("Verzuim op OBS De Vecht (demo)")
    to_send = ui.page.get_by_role("region", name="Tabel: te melden verzuim")
    expect(to_send).to_contain_text("Noah Jansen")
    expect(to_send).to_contain_text("Ziekteverzuim (M@ZL): lang ziek")  # Finn, for the jeugdarts
    ui.navigate_by(to_send.get_by_role("link", name="Noah Jansen"))
    expect(ui.page.get_by_role("heading", level=1)).to_have_text("Relatief verzuim: 16 uur in 4 schoolweken")
    ui.page.get_by_label("Toelichting van de school (optioneel)").fill("Ouders gebeld; Noah wil niet naar gym.")
    click(ui, "Melding versturen")
    expect(ui.page.get_by_role("status")).to_contain_text("De melding is verstuurd.")
    noah.refresh_from_db()
    assert noah.status == Melding.Status.SENT

    ui.navigate_by(ui.page.get_by_role("link", name="Terug naar het overzicht"))
    ui.page.get_by_text("Verzuim aanleveren", exact=True).click()
    form = ui.page.locator("details", has_text="Verzuim aanleveren")
    bsn = noah.youth.bsn
    before = Absence.objects.count()
    form.get_by_label("Bestand (CSV)").set_input_files(
        csv_file("verzuim.csv", f"bsn;datum;soort;lesuren\n{bsn};31-02-2026;ziek;2\n")
    )
    ui.navigate_by(form.get_by_role("button", name="Verzuim inlezen"), status=422)
    report = ui.page.get_by_role("alert")
    expect(report).to_contain_text("Het bestand is niet ingelezen: er is niets opgeslagen")
    expect(report).to_contain_text("Regel 2, kolom 'datum': '31-02-2026' is geen geldige datum (gebruik dd-mm-jjjj).")
    assert Absence.objects.count() == before
    day = noah.period_start.strftime("%d-%m-%Y")
    form.get_by_label("Bestand (CSV)").set_input_files(
        csv_file("verzuim.csv", f"bsn;datum;soort;lesuren\n{bsn};{day};ziek;2\n")
    )
    ui.navigate_by(form.get_by_role("button", name="Verzuim inlezen"))
    expect(ui.page.get_by_role("status")).to_contain_text("1 regels, 1 nieuw, 0 gewijzigd, 0 ongewijzigd")
    expect(ui.page.get_by_role("region", name="Tabel: laatste aanleveringen")).to_contain_text("verzuim.csv")
    ui.logout()

    ui.login("lotte")
    ui.navigate_by(ui.page.get_by_role("link", name="Leerplicht", exact=True))
    received = ui.page.get_by_role("region", name="Tabel: ontvangen meldingen")
    expect(received).to_contain_text("Noah Jansen")
    expect(received).to_contain_text("Julia van der Veen")
    expect(received).not_to_contain_text("Finn")  # M@ZL goes to the jeugdarts
    absolute = ui.page.get_by_role("region", name="Tabel: absoluut verzuim")
    expect(absolute).to_contain_text("Daan Smit")
    expect(absolute).to_contain_text("Vechtdijk 40, Dalfsen")
    ui.navigate_by(received.get_by_role("link", name="Noah Jansen"))
    expect(ui.page.get_by_text("Ouders gebeld; Noah wil niet naar gym.")).to_be_visible()
    expect(ui.page.get_by_role("button", name="Melding versturen")).to_have_count(0)
