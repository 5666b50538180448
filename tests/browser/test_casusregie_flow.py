"""Casusregie in one chain, in the browser: the casusregisseur writes the plan van aanpak with a goal
and an agreement for the IB'er; the IB'er completes it on its own page; the casusregisseur holds an
MDO with the IB'er and the mother and turns its decision into an agreement in the plan in one step;
the mother reads the plan and withdraws the plan from the school; the IB'er no longer sees the plan,
the casusregisseur still does. Axe on every page. Its own data (not the demo's)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.access.models import ConsentDecision
from jeugdketen.cases.models import Case
from jeugdketen.meetings.models import Meeting
from jeugdketen.organisations.models import Organisation
from jeugdketen.plans.models import Agreement
from tests.browser.flows import choose, click
from tests.factories import (
    OrganisationFactory,
    SchoolFactory,
    UserFactory,
    YouthFactory,
    case_with,
    involve,
    parent_of,
    professional,
)

pytestmark = pytest.mark.browser

PASSWORD = "geheim-wachtwoord-123"  # tests.factories.UserFactory
GOAL = "De avonden thuis zijn rustig en Noah gaat uitgerust naar school."
OWN_AGREEMENT = "Gesprek met de leerkracht over rust in de klas"
MDO_DECISION = "Observatie in de klas door de IB'er."
AGREEMENTS = "Afspraken: wie doet wat, wanneer"


@pytest.fixture
def ui(page, live_server, transactional_db):
    """The browser user, without the demo municipality: this test makes its own data."""
    from .helpers import UI

    return UI(page, live_server.url)


@pytest.fixture
def family():
    """Noah (10) with his mother (gezag); a case held by a jeugdconsulent of the gemeente, with the
    IB'er of another organisation (the school) involved, so that a consent for the school does
    not touch the casusregisseur. No plan yet."""
    gemeente = OrganisationFactory(name="Gemeente Dalfsen", kind=Organisation.Kind.GEMEENTE)
    school = SchoolFactory(name="OBS De Vecht")
    regisseur = professional(
        "jeugdconsulent",
        organisation=gemeente,
        user=UserFactory(username="regisseur", first_name="Jeroen", last_name="Hulshof"),
    )
    ib = professional(
        "intern_begeleider", organisation=school, user=UserFactory(username="ib", first_name="Ilse", last_name="Dekker")
    )
    youth = YouthFactory(
        first_name="Noah", last_name="Jansen", date_of_birth=timezone.localdate() - timedelta(days=3660)
    )
    parent = parent_of(youth, has_gezag=True)
    parent.user.username = "ouder"
    parent.user.save(update_fields=["username"])
    case = case_with(youth, regisseur, "jeugdconsulent", status=Case.Status.UITVOERING)
    involve(case, ib, "intern_begeleider")
    return {"case": case, "youth": youth, "regisseur": regisseur, "ib": ib, "parent": parent, "school": school}


def test_casusregie_from_plan_via_mdo_to_a_withdrawn_consent(ui, family):
    page = ui.page
    case, youth, ib = family["case"], family["youth"], family["ib"]
    today = timezone.localdate()
    plan_path = f"/plan/casus/{case.pk}/"

    # 1. The casusregisseur starts the plan van aanpak: a goal and an agreement for the IB'er.
    ui.login("regisseur", PASSWORD)
    ui.goto(f"/casussen/{case.pk}/")
    ui.navigate_by(page.get_by_role("link", name=re.compile("Naar het plan van aanpak")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van aanpak: Noah Jansen")
    expect(ui.main).to_contain_text("Deze casus heeft nog geen plan van aanpak.")
    click(ui, "Plan van aanpak starten")
    expect(ui.messages()).to_contain_text("Het plan van aanpak is gestart.")

    goals = page.get_by_role("region", name="Doelen")
    goals.get_by_text("Doel toevoegen", exact=True).first.click()  # open the <details>
    goals.get_by_label("Doel", exact=True).fill(GOAL)
    ui.navigate_by(goals.get_by_role("button", name="Doel toevoegen"))
    expect(ui.messages()).to_contain_text("Het doel is toegevoegd.")
    expect(goals.get_by_role("listitem")).to_have_count(1)
    expect(goals.get_by_role("listitem")).to_contain_text(GOAL)

    agreements = page.get_by_role("region", name=AGREEMENTS)
    agreements.get_by_text("Afspraak toevoegen", exact=True).first.click()  # open the <details>
    agreements.get_by_label("Wat wordt er gedaan?").fill(OWN_AGREEMENT)
    choose(agreements.get_by_label("Door wie?"), "Ilse Dekker (OBS De Vecht)")
    agreements.get_by_label("Uiterlijk op").fill((today + timedelta(days=14)).isoformat())
    choose(agreements.get_by_label("Bij doel"), GOAL[:40])
    ui.navigate_by(agreements.get_by_role("button", name="Afspraak toevoegen"))
    expect(ui.messages()).to_contain_text("De afspraak is toegevoegd.")
    agreement = Agreement.objects.get(what=OWN_AGREEMENT)
    assert (agreement.owner_professional, agreement.due_on, agreement.goal.text, agreement.status) == (
        ib,
        today + timedelta(days=14),
        GOAL,
        Agreement.Status.OPEN,
    )
    row = agreements.get_by_role("row", name=re.compile(OWN_AGREEMENT))
    expect(row).to_contain_text("Ilse Dekker")
    expect(row).to_contain_text("Open")
    expect(row).not_to_contain_text("verlopen")
    ui.logout()

    # 2. The IB'er finds the plan in the dossier and completes her own agreement on its own page.
    ui.login("ib", PASSWORD)
    ui.goto(f"/jeugdigen/{youth.pk}/")
    ui.navigate_by(page.get_by_role("link", name="Plan van aanpak", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van aanpak: Noah Jansen")
    expect(page.get_by_text("Doel toevoegen")).to_have_count(0)  # the plan's goals are the regisseur's
    ui.navigate_by(page.get_by_role("link", name=re.compile(rf"^Bijwerken\W+{OWN_AGREEMENT[:20]}")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraak bijwerken")
    page.get_by_label("Status").select_option(label="Gedaan")
    page.get_by_label("Toelichting").fill("Besproken met de leerkracht; Noah zit nu vooraan.")
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    expect(ui.messages()).to_contain_text("De afspraak is bijgewerkt.")
    expect(page).to_have_url(re.compile(rf"{plan_path}#afspraak-{agreement.pk}$"))
    row = page.get_by_role("region", name=AGREEMENTS).get_by_role("row", name=re.compile(OWN_AGREEMENT))
    expect(row).to_contain_text(f"Gedaan, {today.day}")
    expect(row).to_contain_text("Noah zit nu vooraan")
    agreement.refresh_from_db()
    assert (agreement.status, agreement.done_on) == (Agreement.Status.DONE, today)
    ui.logout()

    # 3. The casusregisseur holds an MDO with the IB'er and the mother; its decision goes into the plan.
    ui.login("regisseur", PASSWORD)
    ui.goto(f"/casussen/{case.pk}/")
    ui.navigate_by(page.get_by_role("link", name="Overleg plannen", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Overleg plannen")
    expect(page.get_by_label(re.compile(rf"^Noah Jansen \({case.reference}\)"))).to_be_checked()
    page.get_by_label("MDO (multidisciplinair overleg)").check()
    page.get_by_label("Datum").fill(today.isoformat())
    page.get_by_label("Tijd").fill("09:00")
    page.get_by_label("Plaats").fill("OBS De Vecht, kamer van de IB")
    click(ui, "Overleg plannen")
    meeting = Meeting.objects.get()
    expect(page).to_have_url(re.compile(rf"/overleg/{meeting.pk}/$"))
    expect(ui.messages()).to_contain_text("Het overleg is gepland. Nodig nu de deelnemers uit.")

    invitation = page.locator("form[action$='/deelnemers/']")
    invitation.get_by_label(re.compile("^Ilse Dekker")).check()
    invitation.get_by_label(re.compile(r"^Marloes Jansen \(ouder van Noah Jansen\)")).check()
    ui.navigate_by(invitation.get_by_role("button", name="Uitnodigen"))
    expect(ui.messages()).to_contain_text("2 deelnemers zijn uitgenodigd.")
    expect(page.get_by_role("region", name="Deelnemers")).to_contain_text("Ilse Dekker, OBS De Vecht")
    item = page.get_by_role("region", name=f"Noah Jansen ({case.reference})")
    expect(item).to_contain_text("Uitgenodigd bij deze casus: Marloes Jansen (ouder / verzorger)")

    item.get_by_label("Wat speelt er?", exact=True).check()
    item.get_by_label("Categorie").select_option(label="Jeugdhulp")
    item.get_by_label("Verslag", exact=True).fill("De afspraak op school is gedaan; thuis blijven de avonden onrustig.")
    ui.navigate_by(item.get_by_role("button", name="Verslag toevoegen"))
    expect(ui.messages()).to_contain_text("Het verslag is toegevoegd.")
    expect(item.get_by_role("list", name="Verslag: Wat speelt er?")).to_contain_text("De afspraak op school is gedaan")

    item.get_by_label("Wat", exact=True).fill(MDO_DECISION)
    item.get_by_label("Wie doet het").select_option(label="Ilse Dekker (Intern begeleider / zorgcoördinator)")
    item.get_by_label("Uiterlijk").fill((today + timedelta(days=21)).isoformat())
    ui.navigate_by(item.get_by_role("button", name="Besluit vastleggen"))
    expect(ui.messages()).to_contain_text("Het besluit is vastgelegd.")
    decisions = item.get_by_role("region", name="Besluiten over Noah Jansen")
    expect(decisions.get_by_role("row", name=re.compile("Observatie in de klas"))).to_contain_text("Nog niet")

    ui.navigate_by(item.get_by_role("button", name="Besluiten overnemen in het plan van aanpak"))
    expect(ui.messages()).to_contain_text("1 besluit staat nu als afspraak in het plan van aanpak.")
    expect(decisions.get_by_role("row", name=re.compile("Observatie in de klas"))).to_contain_text("Ja, als afspraak")
    from_mdo = Agreement.objects.get(what=MDO_DECISION)
    assert (from_mdo.plan_id, from_mdo.owner_professional, from_mdo.source) == (
        agreement.plan_id,
        ib,
        f"MDO {today:%d-%m-%Y}",
    )

    ui.navigate_by(item.get_by_role("link", name=f"Casus {case.reference}"))
    ui.navigate_by(page.get_by_role("link", name=re.compile("Naar het plan van aanpak")))
    agreements = page.get_by_role("region", name=AGREEMENTS)
    expect(agreements.get_by_role("row")).to_have_count(3)  # the header and two agreements
    row = agreements.get_by_role("row", name=re.compile("Observatie in de klas"))
    expect(row).to_contain_text(f"MDO {today:%d-%m-%Y}")
    expect(row).to_contain_text("Ilse Dekker")
    expect(row).to_contain_text("Open")
    ui.logout()

    # 4. The mother reads the plan from the dossier, then withdraws the plan from the school.
    ui.login("ouder", PASSWORD)
    ui.goto(f"/jeugdigen/{youth.pk}/")
    ui.navigate_by(page.get_by_role("link", name="Plan van aanpak", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van aanpak: Noah Jansen")
    expect(page.get_by_role("region", name="Doelen")).to_contain_text(GOAL)
    agreements = page.get_by_role("region", name=AGREEMENTS)
    expect(agreements.get_by_role("row", name=re.compile(OWN_AGREEMENT))).to_contain_text("Gedaan")
    expect(agreements.get_by_role("row", name=re.compile("Observatie in de klas"))).to_contain_text("Open")
    expect(agreements.get_by_role("link", name=re.compile("^Bijwerken"))).to_have_count(0)

    ui.navigate_by(page.get_by_role("link", name="Dossier van Noah Jansen"))
    ui.navigate_by(page.get_by_role("link", name="Wie mag wat zien? (toestemmingen)"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie mag wat zien?")
    school = page.get_by_role("region", name="OBS De Vecht")
    gemeente = page.get_by_role("region", name="Gemeente Dalfsen")
    expect(school.get_by_role("checkbox", name="Plan van aanpak")).to_be_checked()
    school.get_by_role("checkbox", name="Plan van aanpak").uncheck()
    ui.navigate_by(school.get_by_role("button", name="Keuze voor OBS De Vecht opslaan"))
    expect(ui.messages()).to_contain_text("Uw keuze voor OBS De Vecht is vastgelegd en geldt meteen.")
    expect(school.get_by_role("checkbox", name="Plan van aanpak")).not_to_be_checked()
    expect(school.get_by_role("checkbox", name="Plan van aanpak")).to_have_accessible_name(
        "Plan van aanpak nu niet gedeeld"
    )
    expect(school.get_by_role("checkbox", name="Onderwijsondersteuning")).to_be_checked()
    expect(gemeente.get_by_role("checkbox", name="Plan van aanpak")).to_be_checked()
    assert list(ConsentDecision.objects.values_list("organisation", "category", "allowed", "role")) == [
        (family["school"].pk, "plan", False, "ouder")
    ]
    ui.logout()

    # 5. The IB'er no longer sees the plan (no link in the dossier, 404 on the plan and on her own
    # agreement); the casusregisseur still does.
    ui.login("ib", PASSWORD)
    ui.goto(f"/jeugdigen/{youth.pk}/")
    expect(page.get_by_role("heading", level=3, name=re.compile(case.reference))).to_be_visible()
    expect(page.get_by_role("link", name="Plan van aanpak", exact=True)).to_have_count(0)
    ui.goto(plan_path, status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Niet gevonden")
    expect(ui.main).not_to_contain_text(GOAL)
    ui.goto(f"{plan_path}afspraken/{agreement.pk}/", status=404)
    expect(ui.main).not_to_contain_text(OWN_AGREEMENT)
    ui.logout()

    ui.login("regisseur", PASSWORD)
    ui.goto(plan_path)
    expect(page.get_by_role("region", name="Doelen")).to_contain_text(GOAL)
    agreements = page.get_by_role("region", name=AGREEMENTS)
    expect(agreements.get_by_role("row", name=re.compile(OWN_AGREEMENT))).to_contain_text("Gedaan")
    expect(agreements.get_by_role("row", name=re.compile("Observatie in de klas"))).to_contain_text("Ilse Dekker")
