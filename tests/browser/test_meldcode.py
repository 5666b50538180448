"""The meldcode in a real browser: a jeugdconsulent with a case starts it and walks the five steps
to the decision, meets a Dutch message at a wrong field on the way, and closes it. Every page is
audited with axe by the ``ui`` helper. The data is made here, not taken from the demo."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.meldcode.models import Decision, Track

pytestmark = pytest.mark.browser

PASSWORD = "geheim-wachtwoord-123"  # tests/factories.py UserFactory


@pytest.fixture
def ui(page, live_server, transactional_db):
    """The browser user, without the demo municipality (this test makes its own case)."""
    from .helpers import UI

    return UI(page, live_server.url)


@pytest.fixture
def case():
    from tests.factories import OrganisationFactory, YouthFactory, case_with, professional

    gemeente = OrganisationFactory(name="Gemeente Dalfsen")
    consulent = professional("jeugdconsulent", organisation=gemeente, user__username="meldcode-consulent")
    consulent.user.first_name, consulent.user.last_name = "Jeroen", "Hulshof"
    consulent.user.save()
    youth = YouthFactory(first_name="Mila", last_name="de Vries")
    return case_with(youth, consulent, "jeugdconsulent", subject="Zorgen over thuissituatie")


def step_form(page, number):
    return page.locator(f"form[action$='/stap/{number}/']")


def submit_step(ui, number, status=200):
    ui.navigate_by(step_form(ui.page, number).get_by_role("button", name=f"Stap {number} vastleggen"), status=status)


def test_a_jeugdconsulent_walks_the_five_steps_to_a_decision(ui, case):
    page = ui.page
    today = timezone.localdate().isoformat()
    ui.login("meldcode-consulent", PASSWORD)

    ui.goto(f"/meldcode/casus/{case.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Meldcode in casus {case.reference}: Mila de Vries")
    expect(page.get_by_text("In deze casus is de meldcode nog niet gestart.")).to_be_visible()
    ui.navigate_by(page.get_by_role("link", name="Meldcode starten"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldcode starten voor Mila de Vries")
    page.get_by_label("Aanleiding").fill("Mila had blauwe plekken op beide armen en zei: 'papa was boos'.")
    ui.navigate_by(page.get_by_role("button", name="Meldcode starten"))
    track = Track.objects.get(case=case)
    expect(page).to_have_url(re.compile(rf"/meldcode/{track.pk}/$"))
    expect(ui.messages()).to_contain_text("De meldcode is gestart.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldcode voor Mila de Vries")

    # Steps 1 and 2, in the form of the step at turn on the track page.
    for number, notes in [
        (1, "Blauwe plekken gezien door de leerkracht op 3 en 5 november; Mila schrikt van harde geluiden."),
        (2, "Overlegd met de aandachtsfunctionaris en Veilig Thuis geraadpleegd (advies: gesprek met moeder)."),
    ]:
        section = page.get_by_role("region", name=re.compile(rf"^Stap {number}:"))
        expect(section).to_contain_text("Aan de beurt")
        step_form(page, number).get_by_label("Verslag en motivering").fill(notes)
        submit_step(ui, number)
        expect(ui.messages()).to_contain_text(f"Stap {number} is vastgelegd.")
        expect(page.get_by_role("region", name=re.compile(rf"^Stap {number}:"))).to_contain_text(notes)

    # Step 3: not saying whether the conversation was held is named at its field.
    form = step_form(page, 3)
    form.get_by_label("Verslag van het gesprek, of waarom het niet is gevoerd").fill("Gesprek met moeder.")
    submit_step(ui, 3, status=422)
    held = page.get_by_role("group", name="Is het gesprek met de betrokkene(n) gevoerd?")
    expect(page.locator("#id_held_error")).to_have_text(
        "Is het gesprek met de betrokkene(n) gevoerd?: Geef aan of het gesprek met de betrokkene(n) is gevoerd."
    )
    assert track.steps.count() == 2
    held.get_by_label("Ja").check()
    form = step_form(page, 3)
    form.get_by_label("Verslag van het gesprek, of waarom het niet is gevoerd").fill(
        "Gesprek met moeder: zij herkent de zorg en wil hulp; vader was niet aanwezig."
    )
    submit_step(ui, 3)

    # Step 4: the afwegingskader, each question ja/nee with a motivation.
    form = step_form(page, 4)
    for n, answer in [(1, "Ja"), (2, "Ja"), (3, "Ja"), (4, "Ja"), (5, "Ja")]:
        form.get_by_role("group", name=re.compile(rf"^Vraag {n}:")).get_by_label(answer).check()
        form.get_by_label(f"Motivering bij vraag {n}").fill(f"Afweging {n}: zie de stappen 1 tot en met 3.")
    submit_step(ui, 4)
    advice = "Melden bij Veilig Thuis is noodzakelijk; hulp bieden of organiseren is ook mogelijk."
    expect(page.get_by_text(advice).first).to_be_visible()
    expect(page.get_by_role("table", name="De vijf vragen van het afwegingskader")).to_be_visible()

    # Step 5: the two decisions, following the advice.
    form = step_form(page, 5)
    form.get_by_role("group", name="Melden bij Veilig Thuis").get_by_label("Ja").check()
    form.get_by_label("Gemeld op").fill(today)
    form.get_by_label("Wat is gemeld").fill("De signalen, het overleg en het gesprek met moeder.")
    form.get_by_label("Motivering melden").fill("Structurele onveiligheid: herhaalde verwondingen.")
    form.get_by_role("group", name="Hulp bieden of organiseren is (ook) mogelijk").get_by_label("Ja").check()
    form.get_by_label("Motivering hulp").fill("Moeder wil opvoedondersteuning; die organiseren wij naast de melding.")
    submit_step(ui, 5)
    decision = Decision.objects.get(track=track)
    assert (decision.report, decision.help_possible, decision.deviates) == (True, True, False)
    expect(page.get_by_role("region", name=re.compile("^Stap 5:"))).to_contain_text("gemeld op")

    ui.goto("/meldcode/")
    expect(page.get_by_role("region", name="Lopende meldcodes")).to_contain_text("Mila de Vries")
    ui.goto(f"/meldcode/{track.pk}/")

    # Close after the decision.
    page.locator("summary", has_text="Meldcode afsluiten").click()
    ui.axe()  # the opened close form
    close = page.locator("form[action$='/afsluiten/']")
    close.get_by_label("Motivering").fill("Melding gedaan, hulp loopt via de gezinscoach.")
    ui.navigate_by(close.get_by_role("button", name="Meldcode afsluiten"))
    expect(ui.messages()).to_contain_text("De meldcode is afgesloten.")
    track.refresh_from_db()
    assert track.status == Track.Status.CLOSED
    expect(page.get_by_role("region", name="Over deze meldcode")).to_contain_text("Afgesloten")
    assert list(track.steps.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
