"""An MDO in the browser: the casusregisseur plans it from the case, invites the IB'er, the jeugdagent
and the mother, writes minutes with a decision, turns the decision into an agreement in the plan,
records the outcome, closes the meeting and sends the terugkoppeling; the mother logs in and reads
it — without the police's information. Axe on every page. Its own data (not the demo's)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.auditlog.services import CLI
from jeugdketen.cases.models import Case
from jeugdketen.meetings import services
from jeugdketen.meetings.models import Meeting
from jeugdketen.organisations.models import Organisation
from jeugdketen.plans.models import Agreement
from tests.browser.flows import click
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


@pytest.fixture
def ui(page, live_server, transactional_db):
    """The browser user, without the demo municipality: this test makes its own data."""
    from .helpers import UI

    return UI(page, live_server.url)


@pytest.fixture
def family():
    gemeente = OrganisationFactory(name="Gemeente Dalfsen", kind=Organisation.Kind.GEMEENTE)
    school = SchoolFactory(name="OBS De Vecht")
    politie = OrganisationFactory(name="Politie basisteam Vechtdal", kind=Organisation.Kind.POLITIE)
    consulent = professional(
        "jeugdconsulent",
        organisation=gemeente,
        user=UserFactory(username="consulent", first_name="Jeroen", last_name="Hulshof"),
    )
    ib = professional(
        "intern_begeleider", organisation=school, user=UserFactory(username="ib", first_name="Ilse", last_name="Dekker")
    )
    agent = professional(
        "politie", organisation=politie, user=UserFactory(username="agent", first_name="Peter", last_name="Mensink")
    )
    youth = YouthFactory(
        first_name="Noah", last_name="Jansen", date_of_birth=timezone.localdate() - timedelta(days=3660)
    )
    parent = parent_of(youth)
    parent.user.username = "ouder"
    parent.user.save(update_fields=["username"])
    case = case_with(youth, consulent, "jeugdconsulent", status=Case.Status.UITVOERING)
    involve(case, ib, "intern_begeleider")
    involve(case, agent, "politie")
    return {"case": case, "consulent": consulent, "ib": ib, "agent": agent, "parent": parent}


def test_an_mdo_with_minutes_turns_decisions_into_agreements_and_feeds_back_to_the_parent(ui, family):
    page = ui.page
    case = family["case"]
    today = timezone.localdate()
    ui.login("consulent", PASSWORD)

    # Plan the MDO from the case.
    ui.goto(f"/overleg/nieuw/?casus={case.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overleg plannen")
    expect(page.get_by_label(re.compile(rf"^Noah Jansen \({case.reference}\)"))).to_be_checked()
    page.get_by_label("MDO (multidisciplinair overleg)").check()
    page.get_by_label("Datum").fill(today.isoformat())
    page.get_by_label("Tijd").fill("09:00")
    click(ui, "Overleg plannen", status=422)  # no place yet
    place = page.get_by_label("Plaats")
    expect(place).to_have_attribute("aria-invalid", "true")
    expect(place).to_have_accessible_description(
        re.compile("Plaats: Vul in waar het overleg is: een adres, een ruimte of ‘online’.")
    )
    place.fill("OBS De Vecht, kamer van de IB")
    click(ui, "Overleg plannen")
    meeting = Meeting.objects.get()
    expect(page).to_have_url(re.compile(rf"/overleg/{meeting.pk}/$"))
    expect(ui.messages()).to_contain_text("Het overleg is gepland. Nodig nu de deelnemers uit.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("MDO (multidisciplinair overleg) op")

    # Invite the IB'er, the jeugdagent and the mother.
    invitation = page.locator("form[action$='/deelnemers/']")
    invitation.get_by_label(re.compile("^Ilse Dekker")).check()
    invitation.get_by_label(re.compile("^Peter Mensink")).check()
    invitation.get_by_label(re.compile("^Marloes Jansen \\(ouder van Noah Jansen\\)")).check()
    ui.navigate_by(invitation.get_by_role("button", name="Uitnodigen"))
    expect(ui.messages()).to_contain_text("3 deelnemers zijn uitgenodigd.")
    item = page.get_by_role("region", name=f"Noah Jansen ({case.reference})")
    expect(item).to_contain_text("Uitgenodigd bij deze casus: Marloes Jansen (ouder / verzorger)")

    # The jeugdagent brings police information into the MDO (in the police category).
    services.minute_add(
        actor=family["agent"].user,
        item=meeting.items.get(),
        section="situatie",
        category="police",
        text="Twee meldingen van overlast in de wijk.",
        access_point=CLI,
    )

    # Minutes under the first HGW question.
    item.get_by_label("Wat speelt er?", exact=True).check()
    item.get_by_label("Categorie").select_option(label="Jeugdhulp")
    item.get_by_label("Verslag", exact=True).fill("De avonden thuis zijn onrustig; moeder vraagt om hulp.")
    ui.navigate_by(item.get_by_role("button", name="Verslag toevoegen"))
    expect(ui.messages()).to_contain_text("Het verslag is toegevoegd.")
    expect(item.get_by_role("list", name="Verslag: Wat speelt er?")).to_contain_text("De avonden thuis zijn onrustig")
    expect(item).not_to_contain_text("overlast")  # the casusregisseur does not read police data

    # A decision: first without anything, then what, who and by when.
    ui.navigate_by(item.get_by_role("button", name="Besluit vastleggen"), status=422)
    what = item.get_by_label("Wat", exact=True)
    expect(what).to_have_attribute("aria-invalid", "true")
    expect(what).to_have_accessible_description(re.compile("Wat: Schrijf wat er wordt gedaan."))
    what.fill("Observatie in de klas door de IB'er.")
    item.get_by_label("Wie doet het").select_option(label="Ilse Dekker (Intern begeleider / zorgcoördinator)")
    item.get_by_label("Uiterlijk").fill((today + timedelta(days=14)).isoformat())
    ui.navigate_by(item.get_by_role("button", name="Besluit vastleggen"))
    expect(ui.messages()).to_contain_text("Het besluit is vastgelegd.")
    decisions = item.get_by_role("region", name="Besluiten over Noah Jansen")
    expect(decisions.locator("tbody tr")).to_have_count(1)
    expect(decisions.locator("tbody tr td").last).to_have_text("Nog niet")

    # Decisions into the plan, in one step.
    ui.navigate_by(item.get_by_role("button", name="Besluiten overnemen in het plan van aanpak"))
    expect(ui.messages()).to_contain_text("1 besluit staat nu als afspraak in het plan van aanpak.")
    agreement = Agreement.objects.get()
    assert (agreement.what, agreement.owner_professional, agreement.source) == (
        "Observatie in de klas door de IB'er.",
        family["ib"],
        f"MDO {today:%d-%m-%Y}",
    )
    expect(decisions.locator("tbody tr td").last).to_contain_text("Ja, als afspraak")

    # The outcome, then close and send the terugkoppeling.
    item.get_by_label("Uitkomst").fill("Er komt hulp thuis bij de avonden; op school kijkt de IB'er mee.")
    ui.navigate_by(item.get_by_role("button", name="Uitkomst opslaan"))
    expect(ui.messages()).to_contain_text("De uitkomst is opgeslagen.")
    click(ui, "Overleg afronden en terugkoppeling versturen")
    expect(ui.messages()).to_contain_text("Het overleg is afgerond.")
    expect(item).to_contain_text("teruggekoppeld aan:")
    expect(item).to_contain_text("Marloes Jansen (ouder / verzorger)")
    with page.expect_download() as download_info:
        item.get_by_role("link", name="Terugkoppeling over Noah Jansen downloaden (PDF)").click()
    assert download_info.value.suggested_filename == f"terugkoppeling-{today:%Y%m%d}-{case.reference}.pdf"
    ui.logout()

    # The mother reads the terugkoppeling; not the police's information.
    ui.login("ouder", PASSWORD)
    ui.goto("/overleg/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn overleggen")
    ui.navigate_by(page.get_by_role("region", name="Komende overleggen").get_by_role("link").first)
    expect(page).to_have_url(re.compile(rf"/overleg/{meeting.pk}/$"))
    item = page.get_by_role("region", name=f"Noah Jansen ({case.reference})")
    expect(item).to_contain_text("Er komt hulp thuis bij de avonden")
    expect(item).to_contain_text("Observatie in de klas door de IB'er.")
    expect(item).to_contain_text("De avonden thuis zijn onrustig")
    expect(ui.main).not_to_contain_text("overlast")
    expect(ui.main).not_to_contain_text("Peter Mensink")
    expect(item.get_by_role("button")).to_have_count(0)  # parents read; they do not write the minutes
