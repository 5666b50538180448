"""Leerplicht in the browser, on the demo municipality, axe on every page.

The school's IB'er (Ilse, OBS De Vecht) finds Noah's 16 hours as a melding, opens it and sends it;
a file with a wrong date is refused with the line and column and nothing is stored; a corrected
file is read in. The consulent leerplicht (Lotte) receives the melding and sees Daan Smit, who
moved to Dalfsen and is enrolled nowhere, on the absolute verzuim list. Esther (Vechtdal Lyceum)
uploads Thijs's absence; Lotte takes the melding up in a leerplicht case and refers him to Halt.
Lotte decides on Fenna's leave of 12 school days."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.leerplicht.models import Absence, HaltReferral, LeaveRequest, Melding
from jeugdketen.leerplicht.selectors import school_calendar
from jeugdketen.youth.models import Youth
from tests.browser.flows import choose, click

pytestmark = pytest.mark.browser


def csv_file(name: str, text: str) -> dict:
    return {"name": name, "mimeType": "text/csv", "buffer": text.encode()}


def deliver_thijs(ui) -> tuple[Youth, list]:
    """Esther (Vechtdal Lyceum) delivers Thijs's absence: the last four school days, 5 hours each
    (a melding). Returns Thijs and the days, the latest first."""
    thijs = Youth.objects.get(first_name="Thijs", last_name="Veen")
    calendar = school_calendar("noord")
    days, day = [], timezone.localdate()
    while len(days) < 4:
        day = calendar.previous_school_day(day)
        days.append(day)
    ui.login("esther")
    ui.navigate_by(ui.page.get_by_role("link", name="Verzuim", exact=True))
    ui.page.get_by_text("Verzuim aanleveren", exact=True).click()
    form = ui.page.locator("details", has_text="Verzuim aanleveren")
    rows = "".join(f"{thijs.bsn};{d:%d-%m-%Y};ongeoorloofd;5\n" for d in days)
    form.get_by_label("Bestand (CSV)").set_input_files(csv_file("verzuim.csv", "bsn;datum;soort;lesuren\n" + rows))
    ui.navigate_by(form.get_by_role("button", name="Verzuim inlezen"))
    return thijs, days


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
    expect(received).not_to_contain_text("Julia")  # taken up in a leerplicht case
    expect(ui.page.get_by_role("region", name="Tabel: open leerplichtzaken")).to_contain_text("Julia van der Veen")
    expect(received).not_to_contain_text("Finn")  # M@ZL goes to the jeugdarts
    absolute = ui.page.get_by_role("region", name="Tabel: absoluut verzuim")
    expect(absolute).to_contain_text("Daan Smit")
    expect(absolute).to_contain_text("Vechtdijk 40, Dalfsen")
    ui.navigate_by(received.get_by_role("link", name="Noah Jansen"))
    expect(ui.page.get_by_text("Ouders gebeld; Noah wil niet naar gym.")).to_be_visible()
    expect(ui.page.get_by_role("button", name="Melding versturen")).to_have_count(0)


def test_upload_melding_mas_case_and_halt_referral(ui):
    """Esther (Vechtdal Lyceum) uploads Thijs's absence and sends the melding; Lotte takes it up in
    a leerplicht case, records the conversation, downloads the invitation letter and refers Thijs
    (15) to Halt with his and his parents' consent."""
    thijs, _days = deliver_thijs(ui)
    calendar = school_calendar("noord")
    expect(ui.page.get_by_role("status")).to_contain_text("Nieuwe meldingen: 1.")
    to_send = ui.page.get_by_role("region", name="Tabel: te melden verzuim")
    ui.navigate_by(to_send.get_by_role("link", name=thijs.full_name))
    click(ui, "Melding versturen")
    ui.logout()

    ui.login("lotte")
    ui.navigate_by(ui.page.get_by_role("link", name="Leerplicht", exact=True))
    received = ui.page.get_by_role("region", name="Tabel: ontvangen meldingen")
    ui.navigate_by(received.get_by_role("link", name=thijs.full_name))
    click(ui, "In behandeling nemen")
    expect(ui.page.get_by_role("heading", level=1)).to_have_text(f"Leerplichtzaak {thijs.full_name}")
    expect(ui.page.get_by_role("status")).to_contain_text("in behandeling genomen in leerplichtzaak LP-")

    ui.page.get_by_text("Gesprek, spreekuur, afspraak of notitie vastleggen").click()
    step = ui.page.locator("details", has_text="Gesprek, spreekuur, afspraak of notitie vastleggen")
    step.get_by_label("Wat legt u vast?").select_option(label="Gesprek")
    step.get_by_label("Onderwerp").fill("Gesprek met Thijs en zijn ouders")
    step.get_by_label("Met wie").fill("Thijs, moeder en vader")
    step.get_by_label("Verslag").fill("Thijs verveelt zich op school en spijbelt met vrienden.")
    ui.navigate_by(step.get_by_role("button", name="Vastleggen"))
    expect(ui.page.get_by_role("status")).to_contain_text("De stap is vastgelegd.")
    history = ui.page.locator("section", has=ui.page.get_by_role("heading", name="Verloop"))
    expect(history).to_contain_text("Gesprek met Thijs en zijn ouders")

    ui.page.get_by_text("Uitnodigen voor een gesprek (brief)").click()
    invite = ui.page.locator("details", has_text="Uitnodigen voor een gesprek (brief)")
    invite.get_by_label("Datum van het gesprek").fill(calendar.next_school_day(timezone.localdate()).isoformat())
    invite.get_by_label("Tijd").fill("15:30")
    invite.get_by_label("Plaats").fill("Gemeentehuis Dalfsen")
    invite.get_by_label("Uitgenodigd").fill("Thijs en zijn ouders")
    ui.navigate_by(invite.get_by_role("button", name="Uitnodiging maken"))
    with ui.page.expect_download() as download:
        ui.page.get_by_role("link", name=re.compile("Brief downloaden")).first.click()
    assert download.value.suggested_filename.startswith("uitnodiging-lp-")

    halt = ui.page.locator("section", has=ui.page.get_by_role("heading", name="Halt", exact=True))
    expect(halt).to_contain_text("20 uur ongeoorloofd")
    expect(halt).to_contain_text("ook de ouders moeten instemmen")
    halt.get_by_text("Verwijzen naar Halt", exact=True).first.click()
    halt.get_by_label("De jeugdige stemt in met de verwijzing naar Halt").check()
    ui.navigate_by(halt.get_by_role("button", name="Verwijzen naar Halt"), status=422)
    expect(ui.page.get_by_text("ook de ouders moeten instemmen met Halt")).to_be_visible()
    halt = ui.page.locator("section", has=ui.page.get_by_role("heading", name="Halt", exact=True))
    halt.get_by_label("De jeugdige stemt in met de verwijzing naar Halt").check()
    halt.get_by_label("De ouders stemmen in (nodig als de jeugdige jonger is dan 16)").check()
    ui.navigate_by(halt.get_by_role("button", name="Verwijzen naar Halt"))
    expect(ui.page.get_by_role("status")).to_contain_text("De jeugdige is verwezen naar Halt.")
    expect(ui.page.get_by_text("Verwezen naar Halt op")).to_be_visible()
    assert HaltReferral.objects.get(youth=thijs).parents_consent is True


def test_the_consulent_decides_on_leave_over_10_school_days(ui):
    ui.login("lotte")
    ui.navigate_by(ui.page.get_by_role("link", name="Leerplicht", exact=True))
    leave = ui.page.get_by_role("region", name="Tabel: verlofaanvragen")
    expect(leave).to_contain_text("Fenna de Boer")
    ui.navigate_by(leave.get_by_role("link", name="Fenna de Boer"))
    expect(ui.page.get_by_text("12 schooldagen", exact=False)).to_be_visible()
    ui.page.get_by_label("Verleend").check()
    ui.navigate_by(ui.page.get_by_role("button", name="Besluit vastleggen"), status=422)
    expect(
        ui.page.get_by_text("Motivering: Dit veld is vereist.").or_(ui.page.get_by_text("Dit veld is vereist."))
    ).to_be_visible()
    ui.page.get_by_label("Verleend").check()
    ui.page.get_by_label("Motivering").fill("Gewichtige omstandigheid: begrafenis van een grootouder.")
    ui.navigate_by(ui.page.get_by_role("button", name="Besluit vastleggen"))
    expect(ui.page.get_by_role("status")).to_contain_text("Het besluit is vastgelegd.")
    assert LeaveRequest.objects.get(youth__first_name="Fenna").decision == LeaveRequest.Decision.GRANTED


def test_mazl_goes_to_the_jeugdarts_who_advises_the_school(ui):
    """Ilse sends Finn's long sickness to Daan Brinkman (jeugdarts, GGD); he advises the school."""
    ui.login("ilse")
    ui.navigate_by(ui.page.get_by_role("link", name="Verzuim", exact=True))
    to_send = ui.page.get_by_role("region", name="Tabel: te melden verzuim")
    ui.navigate_by(to_send.get_by_role("link", name="Finn Mulder"))
    expect(ui.page.get_by_role("heading", name="Melden bij de jeugdarts")).to_be_visible()
    choose(ui.page.get_by_label("Jeugdarts", exact=True), "Daan Brinkman")
    click(ui, "Melding versturen")
    expect(ui.page.get_by_role("status")).to_contain_text("De melding is verstuurd.")
    ui.logout()

    ui.login("daan")
    ui.navigate_by(ui.page.get_by_role("link", name="Ziekteverzuim", exact=True))
    new = ui.page.get_by_role("region", name="Tabel: nieuwe M@ZL-meldingen")
    ui.navigate_by(new.get_by_role("link", name="Finn Mulder"))
    ui.page.get_by_role("textbox", name="Advies aan de school").fill(
        "Finn kan halve dagen naar school; rustig opbouwen."
    )
    click(ui, "Advies versturen")
    expect(ui.page.get_by_role("status")).to_contain_text("Het advies is naar de school gestuurd.")
    assert Melding.objects.get(youth__first_name="Finn").status == Melding.Status.CLOSED


def test_the_school_removes_a_row_delivered_by_mistake(ui):
    """Esther delivers four days of Thijs's absence, one of them by mistake; she removes that row on
    the melding's page with the reason, and the melding lapses (15 hours)."""
    thijs, days = deliver_thijs(ui)
    to_send = ui.page.get_by_role("region", name="Tabel: te melden verzuim")
    ui.navigate_by(to_send.get_by_role("link", name=thijs.full_name))
    remove = ui.page.locator("section", has=ui.page.get_by_role("heading", name="Een regel verwijderen"))
    remove.get_by_label("Regel die niet klopt").select_option(value=f"{days[0].isoformat()}|ongeoorloofd")
    ui.navigate_by(remove.get_by_role("button", name="Regel verwijderen"), status=422)  # no reason yet
    remove = ui.page.locator("section", has=ui.page.get_by_role("heading", name="Een regel verwijderen"))
    expect(remove).to_contain_text("Reden: Dit veld is vereist.")
    remove.get_by_label("Reden").fill("Thijs was die dag bij de tandarts; verkeerd ingevoerd.")
    ui.navigate_by(remove.get_by_role("button", name="Regel verwijderen"))
    expect(ui.page.get_by_role("status")).to_contain_text("De regel is verwijderd")
    expect(ui.page.locator("dl")).to_contain_text("Vervallen (verzuim gecorrigeerd)")
    assert not Absence.objects.filter(youth=thijs, day=days[0]).exists()


def test_julias_mother_sees_the_leerplichtzaak_in_mijn_gezin(ui):
    """Petra logs in to "Mijn gezin": Julia's leerplichtzaak with Lotte as her contact, the coming
    conversation and the agreement, not what Lotte wrote down of the first conversation."""
    ui.login("petra")
    expect(ui.page.get_by_role("heading", level=1)).to_have_text("Mijn gezin")
    julia = ui.page.get_by_role("region", name="Julia van der Veen")
    expect(julia).to_contain_text("Leerplicht: leerplichtzaak LP-")
    expect(julia).to_contain_text("Lotte")
    expect(julia).to_contain_text("Gemeentehuis Dalfsen, Waterstraat 10")
    expect(julia).to_contain_text("Julia is iedere ochtend om 8.20 uur op school; moeder brengt haar")
    expect(julia).not_to_contain_text("buikpijn")
