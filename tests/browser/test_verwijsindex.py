"""The verwijsindex in the browser, on the demo municipality, axe on every page.

The jeugdarts (Daan, GGD) has a signal on Thijs van der Veen. Karin, intern begeleider at CBS De
Wegwijzer, places one too (first with a wrong BSN: refused, the field named). Both see the match
at once — Karin on her new signal, Daan in his list — and no other professional does: Esther,
who places signals on other youths, sees nothing of Thijs. Daan records that Karin holds regie.
Petra, Thijs's mother, sees in Mijn gezin who placed a signal, and nothing more."""

import pytest
from playwright.sync_api import expect

from jeugdketen.verwijsindex.models import Match, RegieAgreement, Signal
from jeugdketen.youth.models import Youth

pytestmark = pytest.mark.browser


def test_two_signals_on_one_youth_are_a_match_for_both_placers_and_no_one_else(ui):
    page = ui.page
    thijs = Youth.objects.get(first_name="Thijs", last_name="Veen")
    ui.login("karin")
    ui.navigate_by(page.get_by_role("link", name="Verwijsindex"))
    ui.navigate_by(page.get_by_role("link", name="Signaal afgeven"))
    page.get_by_label("BSN van de jeugdige").fill("123456789")
    page.get_by_label("Geboortedatum").fill(thijs.date_of_birth.isoformat())
    page.get_by_label("Voornaam").fill("Thijs")
    page.get_by_label("Tussenvoegsel").fill("van der")
    page.get_by_label("Achternaam").fill("Veen")
    ui.navigate_by(page.get_by_role("button", name="Signaal afgeven"), status=422)
    expect(ui.main).to_contain_text("BSN van de jeugdige: Dit is geen geldig BSN")
    assert not Signal.objects.filter(professional__user__username="karin").exists()
    page.get_by_label("BSN van de jeugdige").fill(thijs.bsn)
    ui.navigate_by(page.get_by_role("button", name="Signaal afgeven"))
    expect(ui.main).to_contain_text("Er is een match: 1 andere professional is ook betrokken")
    expect(page.get_by_role("region", name="Match: ook betrokken")).to_contain_text("Daan Brinkman")
    assert Match.objects.filter(youth=thijs).count() == 1
    ui.logout()

    ui.login("esther")  # places signals too, but has none on Thijs
    ui.navigate_by(page.get_by_role("link", name="Verwijsindex"))
    expect(ui.main).to_contain_text("U hebt geen actieve signalen.")
    expect(ui.main).not_to_contain_text("Thijs")
    ui.logout()

    ui.login("daan")
    ui.navigate_by(page.get_by_role("link", name="Verwijsindex"))
    expect(page.get_by_role("link", name="Verwijsindex")).to_contain_text("1")
    row = page.get_by_role("row", name="Thijs")
    expect(row).to_contain_text("1 match")
    ui.navigate_by(row.get_by_role("link", name="Thijs van der Veen"))
    expect(page.get_by_role("region", name="Match: ook betrokken")).to_contain_text("Karin Slot")
    page.get_by_role("radio", name="Karin Slot (CBS De Wegwijzer (demo))").check()
    page.get_by_label("Afspraak").fill("Karin belt moeder deze week.")
    ui.navigate_by(page.get_by_role("button", name="Afspraak vastleggen"))
    expect(ui.main).to_contain_text("Regie bij Karin Slot")
    assert RegieAgreement.objects.get().holder.professional.user.username == "karin"
    ui.logout()

    ui.login("petra")
    expect(page.get_by_role("heading", name="Signalen in de verwijsindex")).to_be_visible()
    expect(ui.main).to_contain_text("Karin Slot")
    expect(ui.main).to_contain_text("Daan Brinkman")
    expect(ui.main).not_to_contain_text("Karin belt moeder")
