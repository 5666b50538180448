"""Beleidssignalen in the browser, on the demo municipality, axe on every page.

Ilse (IB'er, OBS De Vecht) raises a signal about children who wait; her first text names Noah
Jansen and is refused with the field named; her phone number is stripped. Marieke, the gemeente's
teamleider, finds it among the new ones, puts it in the existing group about waiting times, and
answers it. Ilse reads the answer."""

import pytest
from playwright.sync_api import expect

from jeugdketen.policysignals.models import PolicySignal

pytestmark = pytest.mark.browser


def test_a_signal_with_a_childs_name_is_refused_then_raised_grouped_and_answered(ui):
    page = ui.page
    ui.login("ilse")
    ui.navigate_by(page.get_by_role("link", name="Beleidssignalen"))
    ui.navigate_by(page.get_by_role("link", name="Beleidssignaal indienen"))
    page.get_by_label("Onderwerp").fill("Kinderen wachten lang op hulp na school")
    page.get_by_label("Wat ziet u").fill("Noah Jansen wacht al drie maanden op hulp, en hij is niet de enige.")
    page.get_by_label("Wat zou helpen").fill("Bel mij gerust: 0529-431225.")
    page.get_by_label("Thema").select_option(label="Wachttijden")
    page.get_by_role("radio", name="Onderwijs en jeugdhulp").check()
    ui.navigate_by(page.get_by_role("button", name="Indienen"), status=422)
    expect(ui.main).to_contain_text("Wat ziet u: Wat ziet u lijkt de naam van een kind te bevatten (Noah Jansen)")
    assert not PolicySignal.objects.filter(raised_by__user__username="ilse", theme="wachttijd").exists()
    page.get_by_label("Wat ziet u").fill("Leerlingen wachten na een verwijzing vanuit school maanden op hulp.")
    ui.navigate_by(page.get_by_role("button", name="Indienen"))
    expect(ui.main).to_contain_text("De app haalde uit uw tekst: een telefoonnummer.")
    expect(ui.main).not_to_contain_text("0529-431225")
    ui.logout()

    ui.login("marieke")
    ui.navigate_by(page.get_by_role("link", name="Beleidssignalen", exact=True))
    ui.navigate_by(page.get_by_role("link", name="Beleidssignalen behandelen"))
    page.get_by_label("Status").select_option(label="Nieuw")
    ui.navigate_by(page.get_by_role("button", name="Filteren"))
    ui.navigate_by(page.get_by_role("link", name="Kinderen wachten lang op hulp na school"))
    page.get_by_label("Bij groep").select_option(label="Wachttijden jeugdhulp")
    ui.navigate_by(page.get_by_role("button", name="In groep plaatsen"))
    expect(ui.main).to_contain_text("Wachttijden jeugdhulp")
    page.get_by_role("textbox", name="Antwoord").fill(
        "We nemen dit mee in de extra inkoop; ook voor verwijzingen via school."
    )
    ui.navigate_by(page.get_by_role("button", name="Antwoord versturen"))
    expect(ui.main).to_contain_text("Het antwoord is vastgelegd")
    ui.logout()

    ui.login("ilse")
    ui.navigate_by(page.get_by_role("link", name="Beleidssignalen"))
    ui.navigate_by(page.get_by_role("link", name="Kinderen wachten lang op hulp na school"))
    expect(ui.main).to_contain_text("We nemen dit mee in de extra inkoop")
