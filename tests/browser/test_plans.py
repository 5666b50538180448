"""The Plan van Aanpak in the browser: the casusregisseur adds an agreement for the teacher, the
teacher marks it done, the mother reads the plan and agrees to it; axe on every page."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.cases.models import Case
from jeugdketen.plans.models import Agreement, Approval
from tests.browser.flows import choose

pytestmark = pytest.mark.browser


def test_regisseur_teacher_and_parent_work_in_one_plan(ui):
    page = ui.page
    case = Case.objects.get(youth__first_name="Noah", youth__last_name="Jansen")
    ui.login("jeroen")
    ui.goto(f"/casussen/{case.pk}/")
    ui.navigate_by(page.get_by_role("link", name=re.compile("Naar het plan van aanpak")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van aanpak: Noah Jansen")
    expect(page.get_by_role("region", name="Afspraken: wie doet wat, wanneer")).to_contain_text("verlopen")

    page.get_by_text("Afspraak toevoegen", exact=True).first.click()  # open the <details>
    form = page.locator("form[action$='/afspraken/']")
    form.get_by_label("Wat wordt er gedaan?").fill("Leesmoment met Noah in de kleine kring")
    choose(form.get_by_label("Door wie?"), "Sanne Kroeze")
    ui.navigate_by(form.get_by_role("button", name="Afspraak toevoegen"), status=422)
    expect(page.locator("form[action$='/afspraken/']").get_by_label("Uiterlijk op")).to_have_attribute(
        "aria-invalid", "true"
    )
    form = page.locator("form[action$='/afspraken/']")
    form.get_by_label("Uiterlijk op").fill(timezone.localdate().isoformat())
    ui.navigate_by(form.get_by_role("button", name="Afspraak toevoegen"))
    expect(ui.messages()).to_contain_text("De afspraak is toegevoegd.")
    agreement = Agreement.objects.get(what="Leesmoment met Noah in de kleine kring")
    ui.logout()

    ui.login("sanne")
    ui.goto(f"/plan/casus/{case.pk}/")
    row = page.locator(f"#afspraak-{agreement.pk}")
    ui.navigate_by(row.get_by_role("link", name=re.compile("^Bijwerken")))
    page.get_by_label("Status").select_option(label="Gedaan")
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    expect(ui.messages()).to_contain_text("De afspraak is bijgewerkt.")
    agreement.refresh_from_db()
    assert agreement.status == "gedaan"
    expect(page.get_by_text("Doel toevoegen")).to_have_count(0)  # the plan's goals are the regisseur's
    ui.logout()

    ui.login("marloes")
    ui.goto(f"/jeugdigen/{case.youth_id}/")
    ui.navigate_by(page.get_by_role("link", name="Plan van aanpak").first)
    expect(page.get_by_role("region", name="Afspraken: wie doet wat, wanneer")).to_contain_text(
        "Leesmoment met Noah in de kleine kring"
    )
    page.get_by_role("radio", name="Ja, ik ben het eens met het plan").check()
    ui.navigate_by(page.get_by_role("button", name="Reactie versturen"))
    expect(ui.messages()).to_contain_text("uw reactie op het plan is vastgelegd")
    assert Approval.objects.filter(plan__case=case, user__username="marloes", agrees=True).count() == 2

    # The mother withdraws the plan from the school: the teacher no longer sees it.
    ui.goto(f"/jeugdigen/{case.youth_id}/")
    ui.navigate_by(page.get_by_role("link", name="Wie mag wat zien? (toestemmingen)"))
    school = page.get_by_role("region", name="OBS De Vecht (demo)")
    school.get_by_role("checkbox", name="Plan van aanpak").uncheck()
    ui.navigate_by(school.get_by_role("button", name=re.compile("Keuze voor OBS De Vecht")))
    expect(ui.messages()).to_contain_text("geldt meteen")
    ui.logout()
    ui.login("sanne")
    ui.goto(f"/plan/casus/{case.pk}/", status=404)
