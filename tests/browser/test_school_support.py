"""Ondersteuning op school in the browser, axe on every page. Its own data (not the demo's).

The support cycle in one chain: the leerkracht records a signal and the conversations and basic
support around it; the IB'er consults, writes a handelingsplan with two goals, evaluates it, starts
the OPP (its history prefilled), finds that it cannot be set without the legal content, completes
it, records the parents' consent and sets it, and asks the samenwerkingsverband for a TLV; the
coördinator plans a CAT, puts the request on its agenda, is refused a TLV on the advice of one
deskundige, adds a second and decides, and downloads the decision as a PDF; the IB'er reads it.

Beside it: an anonymous question of the leerkracht to the GGD's jeugdverpleegkundige, who never
sees a pupil's name; and a request to the SWV refused while steps are not documented.

Two checks of their own: no id is used twice on the pupil page (its forms carry a prefix each, so
every label names its own field), and an answered anonymous question stays reachable from the
school's overview."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jeugdketen.auditlog.services import CLI
from jeugdketen.organisations.models import Organisation
from jeugdketen.schoolsupport import services
from jeugdketen.schoolsupport.models import (
    OPP,
    Consultation,
    GGDConsultation,
    PlanEvaluation,
    PupilSignal,
    SupportNote,
    SupportPlan,
    SupportProfile,
    SWVRequest,
)
from tests.browser.flows import choose, click
from tests.factories import (
    EnrolmentFactory,
    OrganisationFactory,
    SchoolFactory,
    UserFactory,
    YouthFactory,
    parent_of,
    professional,
)

pytestmark = pytest.mark.browser

PASSWORD = "geheim-wachtwoord-123"  # tests.factories.UserFactory
SIGNAL_TEXT = "Noah is na de pauze onrustig en loopt vaak boos weg uit de klas."
PLAN_TITLE = "Rustig werken na de pauze"
GOALS = ["Noah werkt 20 minuten zelfstandig", "Noah vraagt om hulp in plaats van weg te lopen"]
GGD_QUESTION = "Een leerling uit groep 6 slaapt slecht en is moe in de klas. Wat kunnen wij doen?"
GGD_ADVICE = "Vraag de ouders naar het slaapritme; ik bied een gesprek op het spreekuur aan."
AGE_GROUP = "8 tot 12 jaar (groep 5-8)"
TLV_STEPS = 9  # signal, three notes, consultation, plan, evaluation, OPP, consent


@pytest.fixture
def ui(page, live_server, transactional_db):
    """The browser user, without the demo municipality: these tests make their own data."""
    from .helpers import UI

    return UI(page, live_server.url)


def born(years: int) -> date:
    """A date of birth that makes a youth ``years`` old today (the birthday a month ago)."""
    last_month = timezone.localdate() - timedelta(days=30)
    try:
        return last_month.replace(year=last_month.year - years)
    except ValueError:  # 29 February
        return last_month.replace(year=last_month.year - years, day=28)


@pytest.fixture
def school():
    """OBS De Vecht with its leerkracht Sanne and IB'er Ilse; its schoolondersteuningsprofiel names
    SWV Vechtdal (coördinator Carla) and GGD IJsselland's jeugdverpleegkundige Jolien. Noah (9) is
    a pupil in groep 6; his mother Marloes has gezag."""
    school = SchoolFactory(name="OBS De Vecht")
    swv = OrganisationFactory(name="SWV Vechtdal", kind=Organisation.Kind.SAMENWERKINGSVERBAND)
    ggd = OrganisationFactory(name="GGD IJsselland", kind=Organisation.Kind.GGD)

    def pro(code, organisation, username, first, last):
        user = UserFactory(username=username, first_name=first, last_name=last)
        return professional(code, organisation=organisation, user=user)

    nurse = pro("jeugdverpleegkundige", ggd, "jolien", "Jolien", "Oosterhof")
    SupportProfile.objects.create(
        school=school,
        samenwerkingsverband=swv,
        ggd_contact=nurse,
        basic_support="Rekenen en lezen in drie niveaus; een time-out plek in de klas.",
        extra_support="Een remedial teacher twee ochtenden per week.",
    )
    youth = YouthFactory(first_name="Noah", last_name="Jansen", date_of_birth=born(9))
    EnrolmentFactory(youth=youth, school=school, group="groep 6")
    mother = parent_of(youth, has_gezag=True)
    return {
        "school": school,
        "swv": swv,
        "ggd": ggd,
        "teacher": pro("leerkracht", school, "sanne", "Sanne", "Kroeze"),
        "ib": pro("intern_begeleider", school, "ilse", "Ilse", "Dekker"),
        "coordinator": pro("coordinator_swv", swv, "carla", "Carla", "Nijenhuis"),
        "nurse": nurse,
        "youth": youth,
        "mother": mother,
    }


def test_support_cycle_from_signal_to_tlv(ui, school):
    page = ui.page
    youth = school["youth"]
    today = timezone.localdate()
    pupil_path = f"/ondersteuning/leerlingen/{youth.pk}/"

    # 1. The leerkracht records what she sees, the conversations with Noah and his parents and the
    # basic support she gave.
    ui.login("sanne", PASSWORD)
    ui.goto(pupil_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ondersteuning op school: Noah Jansen")
    expect(ui.main).to_contain_text("Nog geen signalen.")
    signal_form = page.locator("form[action$='/signaal/']")
    open_details(page, "Signaal vastleggen")
    signal_form.get_by_role("group", name="Waar gaat het over?").get_by_label("Gedrag").check()
    signal_form.get_by_label("Wat ziet u?").fill(SIGNAL_TEXT)
    signal_form.get_by_label("Datum").fill(today.isoformat())
    ui.navigate_by(signal_form.get_by_role("button", name="Signaal vastleggen"))
    expect(ui.messages()).to_contain_text("Het signaal is vastgelegd. Bespreek het met de intern begeleider.")
    signal = PupilSignal.objects.get()
    article = page.get_by_role("article", name=re.compile("^Gedrag"))
    expect(article).to_contain_text(SIGNAL_TEXT)
    expect(article).to_contain_text("Door Sanne Kroeze, OBS De Vecht")
    expect(article).to_contain_text("Basisondersteuning")  # the signal's status

    notes = [
        ("Gesprek met de leerling", "Noah vertelt dat het in de pauze op het plein misgaat."),
        ("Gesprek met de ouders", "Moeder herkent het: thuis na school ook boosheid."),
        ("Gegeven basisondersteuning", "Vaste plek vooraan, pauze binnen met een maatje, time-timer."),
    ]
    for kind, text in notes:
        record_note(ui, kind, text)
    journal = page.get_by_role("region", name="Gesprekken en basisondersteuning")
    for kind, text in notes:
        expect(journal.get_by_role("article", name=re.compile(f"^{kind}"))).to_contain_text(text)
    assert sorted(SupportNote.objects.values_list("kind", flat=True)) == sorted(SupportNote.SCHOOL_KINDS)
    # A leerkracht signals and talks: the IB'er's forms are not hers.
    expect(page.locator("summary", has_text="Consultatie vastleggen")).to_have_count(0)
    expect(page.locator("summary", has_text="Handelingsplan opstellen")).to_have_count(0)
    ui.logout()

    # 2. The IB'er consults on the signal (a leervraag, to a handelingsplan), writes the plan with
    # two goals and evaluates it: further, to the OPP or the samenwerkingsverband.
    ui.login("ilse", PASSWORD)
    ui.goto(pupil_path)
    article = page.get_by_role("article", name=re.compile("^Gedrag"))
    consultation = article.locator(f"form[action$='/signalen/{signal.pk}/consultatie/']")
    open_details(article, "Consultatie vastleggen")
    consultation.get_by_label("Datum van de consultatie").fill(today.isoformat())
    consultation.get_by_role("group", name="Soort vraag").get_by_label("Leervraag").check()
    consultation.get_by_role("group", name="Uitkomst").get_by_label("Extra ondersteuning in een handelingsplan").check()
    consultation.get_by_label("Toelichting").fill("Samen met de leerkracht besproken; eerst een handelingsplan.")
    ui.navigate_by(consultation.get_by_role("button", name="Consultatie vastleggen"))
    expect(ui.messages()).to_contain_text("De consultatie is vastgelegd.")
    article = page.get_by_role("article", name=re.compile("^Gedrag"))
    expect(article).to_contain_text("Consultatie IB'er")
    expect(article).to_contain_text("Leervraag — Extra ondersteuning in een handelingsplan")
    expect(article).to_contain_text("Besproken met IB'er")
    assert Consultation.objects.get().outcome == Consultation.Outcome.PLAN

    plans = page.get_by_role("region", name="Handelingsplannen")
    plan_form = page.locator("form[action$='/handelingsplan/']")
    open_details(plans, "Handelingsplan opstellen")
    plan_form.get_by_label("Onderwerp").fill(PLAN_TITLE)
    plan_form.get_by_label("Doelen").fill("\n".join(GOALS))
    plan_form.get_by_label("Aanpak en ondersteuning").fill(
        "Een vaste plek, een time-timer en elke dag een kort gesprek."
    )
    plan_form.get_by_label("Start").fill(today.isoformat())
    plan_form.get_by_label("Loopt tot").fill((today + timedelta(weeks=8)).isoformat())
    plan_form.get_by_label("Evaluatiedatum").fill((today + timedelta(weeks=6)).isoformat())
    ui.navigate_by(plan_form.get_by_role("button", name="Handelingsplan opstellen"))
    expect(ui.messages()).to_contain_text("Het handelingsplan is opgesteld.")
    plan = SupportPlan.objects.get()
    assert list(plan.goals.values_list("text", flat=True)) == GOALS
    plan_article = page.get_by_role("article", name=re.compile(f"^{PLAN_TITLE}"))
    expect(plan_article).to_contain_text("Loopt")
    expect(plan_article.get_by_role("listitem")).to_have_text(GOALS)

    evaluation = plan_article.locator(f"form[action$='/handelingsplannen/{plan.pk}/evaluatie/']")
    open_details(plan_article, "Evaluatie vastleggen")
    evaluation.get_by_label("Datum van de evaluatie").fill(today.isoformat())
    evaluation.get_by_label("De ouders waren erbij").check()
    evaluation.get_by_label("De leerkracht was erbij").check()
    evaluation.get_by_label(f"Resultaat: {GOALS[0]}").select_option(label="Deels behaald")
    evaluation.get_by_label(f"Resultaat: {GOALS[1]}").select_option(label="Niet behaald")
    evaluation.get_by_label("Conclusie").fill("Het plan helpt te weinig; Noah heeft meer nodig dan de school biedt.")
    evaluation.get_by_role("group", name="Vervolg").get_by_label("Verder: OPP of het samenwerkingsverband").check()
    ui.navigate_by(evaluation.get_by_role("button", name="Evaluatie vastleggen"))
    expect(ui.messages()).to_contain_text("De evaluatie is vastgelegd.")
    plan_article = page.get_by_role("article", name=re.compile(f"^{PLAN_TITLE}"))
    expect(plan_article).to_contain_text("Afgesloten")
    expect(plan_article).to_contain_text("met ouders · met leerkracht")
    expect(plan_article).to_contain_text("(verder: opp of het samenwerkingsverband)")
    expect(plan_article.get_by_role("listitem").first).to_contain_text("deels behaald")
    assert PlanEvaluation.objects.get().next_step == PlanEvaluation.Next.FURTHER

    # 3. The OPP: its history prefilled; not set without the legal content; then completed, the
    # parents' consent with the handelingsdeel recorded, and set.
    opp_section = page.get_by_role("region", name="Ontwikkelingsperspectief (OPP)")
    expect(opp_section).to_contain_text("Geen OPP.")
    opp_start = page.locator("form[action$='/opp/']")
    open_details(opp_section, "OPP opstellen")
    opp_start.get_by_label("Ingeschreven of extra ondersteuning nodig sinds").fill(today.isoformat())
    ui.navigate_by(opp_start.get_by_role("button", name="OPP opstellen"))
    opp = OPP.objects.get()
    expect(page).to_have_url(re.compile(rf"/ondersteuning/opp/{opp.pk}/$"))
    expect(ui.messages()).to_contain_text("Het OPP is opgesteld, met de voorgeschiedenis ingevuld.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ontwikkelingsperspectief van Noah Jansen")
    content = page.locator(f"form[action$='/opp/{opp.pk}/']")
    history = content.get_by_label("Voorgeschiedenis")
    expect(history).to_have_value(re.compile(re.escape(f"Signaal (gedrag): {SIGNAL_TEXT}")))
    expect(history).to_have_value(re.compile(re.escape(f"Handelingsplan “{PLAN_TITLE}”")))
    expect(history).to_have_value(re.compile(re.escape(GOALS[1])))

    status = page.get_by_role("region", name="Stand")
    expect(status).to_contain_text("Voor vaststelling ontbreekt nog: uitstroomprofiel")
    finalise = page.locator("form[action$='/vaststellen/']")
    ui.navigate_by(finalise.get_by_role("button", name="OPP vaststellen"), status=422)
    expect(finalise.get_by_role("alert")).to_contain_text(
        "Het OPP mist nog wat de wet vraagt: uitstroomprofiel, verwachte uitstroombestemming, "
        "onderbouwing van het uitstroomperspectief, belemmerende factoren, bevorderende factoren, "
        "afwijkingen van het onderwijsprogramma, te bieden ondersteuning en begeleiding."
    )
    opp.refresh_from_db()
    assert opp.status == OPP.Status.DRAFT

    content = page.locator(f"form[action$='/opp/{opp.pk}/']")
    content.get_by_label("Uitstroomprofiel").select_option(label="Vervolgonderwijs")
    content.get_by_label("Verwachte uitstroombestemming").fill("vmbo basisberoepsgerichte leerweg")
    content.get_by_label("Onderbouwing van het uitstroomperspectief").fill("Toetsresultaten en het oordeel van de IB.")
    content.get_by_label("Belemmerende factoren").fill("Snel overprikkeld; moeite met plannen.")
    content.get_by_label("Bevorderende factoren").fill("Gemotiveerd; een goede band met de leerkracht.")
    content.get_by_label("Afwijkingen van het onderwijsprogramma").fill("Eigen leerlijn rekenen.")
    content.get_by_label("Te bieden ondersteuning en begeleiding").fill("Remedial teaching twee keer per week.")
    content.get_by_label("Handelingsdeel").fill("Doelen per periode; leerkracht en RT'er; evaluatie elk half jaar.")
    ui.navigate_by(content.get_by_role("button", name="OPP opslaan"))
    expect(ui.messages()).to_contain_text("Het OPP is opgeslagen.")
    expect(page.get_by_role("region", name="Stand")).not_to_contain_text("Voor vaststelling ontbreekt nog")
    opp.refresh_from_db()
    assert opp.missing_content() == []
    assert SIGNAL_TEXT in opp.history  # the prefilled history was saved with it

    consent = page.locator("form[action$='/instemming/']")
    consent.get_by_label("Welke ouder(s) stemden in").fill("Marloes Jansen (moeder)")
    consent.get_by_label("Datum van instemming").fill(today.isoformat())
    ui.navigate_by(consent.get_by_role("button", name="Instemming vastleggen"))
    expect(ui.messages()).to_contain_text("De instemming van de ouders is vastgelegd.")
    expect(page.get_by_role("region", name="Stand")).to_contain_text("Marloes Jansen (moeder), op")

    finalise = page.locator("form[action$='/vaststellen/']")
    finalise.get_by_label("Vastgesteld op").fill(today.isoformat())
    ui.navigate_by(finalise.get_by_role("button", name="OPP vaststellen"))
    expect(ui.messages()).to_contain_text("Het OPP is vastgesteld.")
    expect(page.get_by_role("region", name="Stand")).to_contain_text("Vastgesteld op")
    expect(page.get_by_role("region", name="Stand")).to_contain_text("door Ilse Dekker")
    expect(page.get_by_role("button", name="OPP vaststellen")).to_have_count(0)
    opp.refresh_from_db()
    assert (opp.status, opp.finalised_on, opp.consent_on) == (OPP.Status.FINAL, today, today)

    # 4. Every step for a TLV is documented; the IB'er asks the samenwerkingsverband for one.
    ui.navigate_by(page.get_by_role("link", name="Ondersteuning op school: Noah Jansen"))
    readiness = page.get_by_role("table", name="Stappen voor een TLV")
    expect(readiness.locator("tbody tr")).to_have_count(TLV_STEPS)
    expect(readiness).not_to_contain_text("ontbreekt")
    for step in ("Signaal van de leerkracht vastgelegd", "OPP vastgesteld", "Ouders stemden in"):
        expect(readiness.get_by_role("row", name=re.compile(step))).to_contain_text("ja")
    swv_section = page.get_by_role("region", name="Aanvragen bij het samenwerkingsverband")
    expect(swv_section).to_contain_text("Geen aanvragen.")
    submit_request(ui, "tlv", "Is een plek in het SBO passend voor Noah?")
    expect(ui.messages()).to_contain_text("De aanvraag is ingediend bij het samenwerkingsverband.")
    request = SWVRequest.objects.get()
    assert (request.kind, request.swv, request.opp, request.status) == (
        SWVRequest.Kind.TLV,
        school["swv"],
        opp,
        SWVRequest.Status.SUBMITTED,
    )
    swv_section = page.get_by_role("region", name="Aanvragen bij het samenwerkingsverband")
    expect(
        swv_section.get_by_role("link", name=f"{request.reference}: Toelaatbaarheidsverklaring (TLV)")
    ).to_be_visible()
    expect(swv_section).to_contain_text("ingediend")
    ui.logout()

    # 5. The coördinator plans a CAT and puts the request on its agenda.
    ui.login("carla", PASSWORD)
    ui.goto("/ondersteuning/swv/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanvragen bij SWV Vechtdal")
    meetings = page.get_by_role("region", name="CAT-vergaderingen")
    expect(meetings).to_contain_text("Geen vergaderingen gepland.")
    cat_day = today + timedelta(days=7)
    meeting_form = page.locator("form[action$='/swv/cat/']")
    open_details(meetings, "CAT-vergadering plannen")
    meeting_form.get_by_label("Datum").fill(cat_day.isoformat())
    meeting_form.get_by_label("Plaats").fill("Kantoor SWV Vechtdal")
    ui.navigate_by(meeting_form.get_by_role("button", name="Plannen"))
    expect(ui.messages()).to_contain_text("De CAT-vergadering is gepland.")
    expect(page.get_by_role("region", name="CAT-vergaderingen")).to_contain_text("Kantoor SWV Vechtdal — 0 aanvragen")

    open_requests = page.get_by_role("region", name="Open aanvragen").first  # the section (its table is one too)
    row = open_requests.get_by_role("row", name=re.compile(request.reference))
    expect(row).to_contain_text("Noah Jansen")
    expect(row).to_contain_text("OBS De Vecht")
    ui.navigate_by(row.get_by_role("link", name=request.reference))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Toelaatbaarheidsverklaring (TLV) voor Noah Jansen ({request.reference})"
    )
    sent = page.get_by_role("region", name="Wat de school meestuurde")
    expect(sent).to_contain_text("OPP vastgesteld: ja")
    expect(sent).to_contain_text(SIGNAL_TEXT)
    choose(page.get_by_label("CAT-vergadering"), f"{cat_day:%d-%m-%Y}, Kantoor SWV Vechtdal")
    click(ui, "Op de agenda zetten")
    expect(ui.messages()).to_contain_text("De aanvraag staat op de agenda van de CAT.")
    expect(page.get_by_role("region", name="De aanvraag")).to_contain_text("Op de agenda van de CAT")

    # 6. A TLV on the advice of one deskundige is refused; with a second one it is decided.
    add_advice(ui, "Drs. P. de Vries", "Orthopedagoog", "Het SBO sluit aan bij wat Noah nodig heeft.")
    advice = page.get_by_role("region", name="Advies van deskundigen")
    expect(advice).to_contain_text("Drs. P. de Vries (orthopedagoog")
    valid_until = date(today.year + 2, 7, 31)
    decide_tlv(ui, valid_until, status=422)
    decision = page.locator("form[action$='/besluit/']")
    expect(decision.get_by_role("group", name="Besluit")).to_contain_text("voor een TLV zijn er minstens 2 nodig")
    request.refresh_from_db()
    assert request.status == SWVRequest.Status.ON_AGENDA

    add_advice(ui, "Dr. M. Bakker", "Psycholoog", "Passend: een kleine groep met veel structuur.")
    expect(page.get_by_role("region", name="Advies van deskundigen")).to_contain_text("Dr. M. Bakker (psycholoog")
    decide_tlv(ui, valid_until)
    expect(ui.messages()).to_contain_text("Het besluit is vastgelegd en staat klaar voor de school en de ouders.")
    decided = page.get_by_role("region", name="Besluit", exact=True)
    expect(decided).to_contain_text("TLV afgegeven")
    expect(decided).to_contain_text("Speciaal basisonderwijs (SBO), categorie laag (1)")
    expect(decided).to_contain_text(f"– 31 juli {today.year + 2}")
    request.refresh_from_db()
    assert (request.status, request.outcome, request.tlv_school_type, request.valid_from, request.valid_until) == (
        SWVRequest.Status.DECIDED,
        SWVRequest.Outcome.TLV,
        SWVRequest.SchoolType.SBO,
        today,
        valid_until,
    )

    with page.expect_download(timeout=60_000) as download_info:
        decided.get_by_role("link", name="Besluit downloaden (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"besluit-{request.reference}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    ui.logout()

    # 7. The IB'er reads the decision.
    ui.login("ilse", PASSWORD)
    ui.goto(pupil_path)
    swv_section = page.get_by_role("region", name="Aanvragen bij het samenwerkingsverband")
    expect(swv_section).to_contain_text("besloten: tlv afgegeven")
    ui.navigate_by(swv_section.get_by_role("link", name=re.compile(request.reference)))
    decided = page.get_by_role("region", name="Besluit", exact=True)
    expect(decided).to_contain_text("TLV afgegeven")
    expect(decided).to_contain_text("Speciaal basisonderwijs (SBO)")


def test_anonymous_ggd_question(ui, school):
    page = ui.page

    # 1. The leerkracht asks the jeugdverpleegkundige, without a name: only the age group.
    ui.login("sanne", PASSWORD)
    ui.goto("/ondersteuning/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ondersteuning op OBS De Vecht")
    ggd = page.get_by_role("region", name="Vragen aan de GGD")
    expect(ggd).to_contain_text("Geen open of recent beantwoorde vragen aan de GGD.")
    ui.navigate_by(ggd.get_by_role("link", name="Anonieme vraag aan de GGD stellen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anonieme vraag aan de GGD")
    ask = page.locator("form.jk-form")
    choose(ask.get_by_label("Vraag aan"), "Jolien Oosterhof")
    ask.get_by_label("Leeftijdsgroep").select_option(label=AGE_GROUP)
    ask.get_by_label("Vraag", exact=True).fill(GGD_QUESTION)
    ui.navigate_by(ask.get_by_role("button", name="Vraag stellen"))
    expect(ui.messages()).to_contain_text("Uw anonieme vraag staat bij de GGD.")
    consultation = GGDConsultation.objects.get()
    assert (consultation.youth, consultation.age_group, consultation.professional) == (
        None,
        "8-12",
        school["nurse"],
    )
    ggd = page.get_by_role("region", name="Vragen aan de GGD")
    expect(ggd.get_by_role("link", name=f"Anoniem, {AGE_GROUP}")).to_be_visible()
    expect(ggd).to_contain_text("aan Jolien Oosterhof")
    ui.navigate_by(ggd.get_by_role("link", name=f"Anoniem, {AGE_GROUP}"))
    question_path = ui.path
    assert question_path == f"/ondersteuning/ggd/{consultation.pk}/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Anonieme vraag aan de GGD")
    expect(page.get_by_role("region", name="De vraag")).to_contain_text(GGD_QUESTION)
    expect(page.get_by_role("region", name="De vraag")).not_to_contain_text("Advies")
    expect(page.get_by_role("button", name="Advies opslaan")).to_have_count(0)  # the GGD answers, not the school
    ui.logout()

    # 2. The jeugdverpleegkundige reads it (no pupil named anywhere) and gives advice.
    ui.login("jolien", PASSWORD)
    ui.goto("/ondersteuning/ggd/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vragen van scholen en ouders")
    open_items = page.get_by_role("region", name="Open", exact=True)
    expect(open_items).to_contain_text("OBS De Vecht")
    ui.navigate_by(open_items.get_by_role("link", name=f"Anoniem, {AGE_GROUP}"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anonieme vraag aan de GGD")
    question = page.get_by_role("region", name="De vraag")
    expect(question).to_contain_text(GGD_QUESTION)
    expect(question).to_contain_text("Sanne Kroeze, OBS De Vecht")
    expect(question).to_contain_text(AGE_GROUP)
    for name in ("Noah", "Jansen"):
        expect(ui.main).not_to_contain_text(name)
    expect(page.get_by_role("region", name="Notities")).to_have_count(0)  # nothing kept about a pupil
    answer = page.locator(f"form[action$='/ggd/{consultation.pk}/advies/']")
    answer.get_by_label("Advies").fill(GGD_ADVICE)
    ui.navigate_by(answer.get_by_role("button", name="Advies opslaan"))
    expect(ui.messages()).to_contain_text("Het advies is gegeven.")
    expect(page.get_by_role("region", name="De vraag")).to_contain_text(GGD_ADVICE)
    consultation.refresh_from_db()
    assert consultation.status == GGDConsultation.Status.ANSWERED
    ui.logout()

    # 3. The leerkracht reads the advice on the page of her question.
    ui.login("sanne", PASSWORD)
    ui.goto(question_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Anonieme vraag aan de GGD")
    question = page.get_by_role("region", name="De vraag")
    expect(question).to_contain_text(GGD_QUESTION)
    expect(question).to_contain_text(GGD_ADVICE)
    expect(page.get_by_role("button", name="Advies opslaan")).to_have_count(0)


def test_swv_request_shows_missing_steps(ui, school):
    page = ui.page
    youth = school["youth"]
    services.signal_record(
        actor=school["teacher"].user, youth=youth, area="leren", observation=SIGNAL_TEXT, access_point=CLI
    )

    ui.login("ilse", PASSWORD)
    ui.goto(f"/ondersteuning/leerlingen/{youth.pk}/")
    readiness = page.get_by_role("table", name="Stappen voor een TLV")
    expect(readiness.locator("tbody tr")).to_have_count(TLV_STEPS)
    expect(readiness.get_by_role("row", name=re.compile("Signaal van de leerkracht vastgelegd"))).to_contain_text("ja")
    missing = [
        "Gesprek met de leerling",
        "Gesprek met de ouders",
        "Gegeven basisondersteuning beschreven",
        "Consultatie met de intern begeleider",
        "Extra ondersteuning in een handelingsplan",
        "Handelingsplan geëvalueerd",
        "OPP vastgesteld",
        "Ouders stemden in met het handelingsdeel van het OPP",
    ]
    for step in missing:
        expect(readiness.get_by_role("row", name=re.compile(f"^{re.escape(step)}"))).to_contain_text("ontbreekt")
    expect(readiness.get_by_role("row").filter(has_text="ontbreekt")).to_have_count(len(missing))

    submit_request(ui, "tlv", "Is een plek in het SBO passend?", status=422)
    form = page.locator("form[action$='/aanvraag/']")
    kind = form.get_by_role("group", name="Soort aanvraag")
    expect(kind).to_contain_text("Nog niet gedocumenteerd: Gesprek met de leerling; Gesprek met de ouders;")
    expect(kind).to_contain_text("OPP vastgesteld; Ouders stemden in met het handelingsdeel van het OPP.")
    expect(form.get_by_label("Vraag aan het samenwerkingsverband")).to_have_value("Is een plek in het SBO passend?")
    assert not SWVRequest.objects.exists()


def test_swv_request_kind_has_its_own_label(ui, school):
    """The IB'er chooses the kind of request by its label (every step documented by the services)."""
    page = ui.page
    youth = school["youth"]
    document_support(school)

    ui.login("ilse", PASSWORD)
    ui.goto(f"/ondersteuning/leerlingen/{youth.pk}/")
    duplicates = page.evaluate(
        """() => {
          const seen = {};
          document.querySelectorAll("[id]").forEach((e) => { seen[e.id] = (seen[e.id] || 0) + 1; });
          return Object.keys(seen).filter((id) => seen[id] > 1).sort();
        }"""
    )
    assert duplicates == [], f"ids used more than once on the pupil page: {duplicates}"
    form = page.locator("form[action$='/aanvraag/']")
    open_details(page.get_by_role("region", name="Aanvragen bij het samenwerkingsverband"), "Aanvraag indienen")
    kind = form.get_by_role("group", name="Soort aanvraag")
    expect(kind.get_by_role("radio", name="Toelaatbaarheidsverklaring (TLV)")).to_have_count(1)
    kind.get_by_label("Toelaatbaarheidsverklaring (TLV)").check()
    form.get_by_label("Vraag aan het samenwerkingsverband").fill("Is een plek in het SBO passend voor Noah?")
    ui.navigate_by(form.get_by_role("button", name="Aanvraag indienen"))
    expect(ui.messages()).to_contain_text("De aanvraag is ingediend bij het samenwerkingsverband.")
    assert SWVRequest.objects.get().kind == SWVRequest.Kind.TLV


def test_answered_anonymous_ggd_question_is_reachable_from_the_overview(ui, school):
    page = ui.page
    consultation = services.ggd_consult_ask(
        actor=school["teacher"].user,
        professional=school["nurse"],
        question=GGD_QUESTION,
        school=school["school"],
        age_group="8-12",
        access_point=CLI,
    )
    services.ggd_consult_answer(
        actor=school["nurse"].user, consultation=consultation, advice=GGD_ADVICE, access_point=CLI
    )

    ui.login("sanne", PASSWORD)
    ui.goto("/ondersteuning/")
    ggd = page.get_by_role("region", name="Vragen aan de GGD")
    expect(ggd.get_by_role("link", name=f"Anoniem, {AGE_GROUP}")).to_have_count(1)
    ui.navigate_by(ggd.get_by_role("link", name=f"Anoniem, {AGE_GROUP}"))
    expect(page.get_by_role("region", name="De vraag")).to_contain_text(GGD_ADVICE)


# --- steps ------------------------------------------------------------------------------------------------


def open_details(scope, summary: str) -> None:
    """Open the ``<details>`` whose summary is ``summary`` (the forms on these pages are folded)."""
    toggle = scope.locator("summary").filter(has_text=re.compile(rf"^\s*{re.escape(summary)}\s*$"))
    toggle.click()
    expect(toggle.locator("xpath=..")).to_have_attribute("open", "")


def record_note(ui, kind: str, text: str) -> None:
    """On the pupil page: a conversation or the basic support given, dated today."""
    page = ui.page
    form = page.locator("form[action$='/vastleggen/']")
    open_details(page, "Gesprek of basisondersteuning vastleggen")
    form.get_by_role("group", name="Wat legt u vast?").get_by_label(kind).check()
    form.get_by_label("Datum").fill(timezone.localdate().isoformat())
    form.get_by_label("Verslag").fill(text)
    ui.navigate_by(form.get_by_role("button", name="Vastleggen"))
    expect(ui.messages()).to_contain_text("Het is vastgelegd.")


def submit_request(ui, kind: str, question: str, status: int = 200) -> None:
    """On the pupil page (the IB'er): a request to the samenwerkingsverband, ``kind`` "tlv" or
    "arrangement"."""
    page = ui.page
    form = page.locator("form[action$='/aanvraag/']")
    open_details(page.get_by_role("region", name="Aanvragen bij het samenwerkingsverband"), "Aanvraag indienen")
    label = {"tlv": "Toelaatbaarheidsverklaring (TLV)", "arrangement": "Arrangement"}[kind]
    form.get_by_role("group", name="Soort aanvraag").get_by_label(label, exact=True).check()
    form.get_by_label("Vraag aan het samenwerkingsverband").fill(question)
    ui.navigate_by(form.get_by_role("button", name="Aanvraag indienen"), status=status)


def add_advice(ui, name: str, expertise: str, text: str) -> None:
    """On the request page (the coördinator): the advice of one deskundige, given today."""
    page = ui.page
    form = page.locator("form[action$='/advies/']")
    open_details(page.get_by_role("region", name="Advies van deskundigen"), "Advies vastleggen")
    form.get_by_label("Naam deskundige").fill(name)
    form.get_by_label("Deskundigheid").select_option(label=expertise)
    form.get_by_label("Advies", exact=True).fill(text)
    form.get_by_label("Datum van het advies").fill(timezone.localdate().isoformat())
    ui.navigate_by(form.get_by_role("button", name="Advies vastleggen"))
    expect(ui.messages()).to_contain_text("Het advies is vastgelegd.")


def decide_tlv(ui, valid_until: date, status: int = 200) -> None:
    """On the request page (the coördinator): a TLV for the SBO, categorie laag, from today."""
    page = ui.page
    form = page.locator("form[action$='/besluit/']")
    toggle = page.locator("summary").filter(has_text=re.compile(r"^\s*Besluit vastleggen\s*$"))
    if toggle.locator("xpath=..").get_attribute("open") is None:
        open_details(page.get_by_role("region", name="Besluit", exact=True), "Besluit vastleggen")
    form.get_by_role("group", name="Besluit").get_by_label("TLV afgegeven").check()
    form.get_by_label("Motivering").fill(
        "Twee deskundigen adviseren het SBO; de school heeft haar mogelijkheden benut."
    )
    form.get_by_label("Soort school (TLV)").select_option(label="Speciaal basisonderwijs (SBO)")
    form.get_by_label("Categorie (TLV)").select_option(label="Categorie laag (1)")
    form.get_by_label("Geldig vanaf").fill(timezone.localdate().isoformat())
    form.get_by_label("Geldig tot en met").fill(valid_until.isoformat())
    ui.navigate_by(form.get_by_role("button", name="Besluit vastleggen"), status=status)


def document_support(school) -> None:
    """Through the services: every step a TLV request needs, up to a set OPP the mother agreed with."""
    teacher, ib, youth = school["teacher"].user, school["ib"].user, school["youth"]
    today = timezone.localdate()
    signal = services.signal_record(
        actor=teacher, youth=youth, area="gedrag", observation=SIGNAL_TEXT, access_point=CLI, observed_on=today
    )
    for kind in SupportNote.SCHOOL_KINDS:
        services.note_add(actor=teacher, youth=youth, kind=kind, text="Besproken.", signal=signal, access_point=CLI)
    services.consultation_record(
        actor=ib, signal=signal, question="leervraag", outcome="handelingsplan", access_point=CLI
    )
    plan = services.support_plan_create(
        actor=ib,
        youth=youth,
        title=PLAN_TITLE,
        approach="Een vaste plek en een time-timer.",
        goals=GOALS,
        starts_on=today,
        ends_on=today + timedelta(weeks=8),
        evaluate_on=today + timedelta(weeks=6),
        signal=signal,
        access_point=CLI,
    )
    services.support_plan_evaluate(
        actor=ib, plan=plan, held_on=today, conclusion="Te weinig.", next_step="verder", access_point=CLI
    )
    opp = services.opp_create(actor=ib, youth=youth, enrolled_on=today, access_point=CLI)
    opp = services.opp_update(
        actor=ib,
        opp=opp,
        access_point=CLI,
        uitstroom="vervolgonderwijs",
        uitstroom_level="vmbo basis",
        onderbouwing="Toetsresultaten.",
        belemmerende_factoren="Snel overprikkeld.",
        bevorderende_factoren="Gemotiveerd.",
        afwijkingen="Eigen leerlijn rekenen.",
        ondersteuning="Remedial teaching.",
        handelingsdeel="Doelen per periode.",
    )
    opp = services.opp_consent_record(
        actor=ib, opp=opp, consent_by="Marloes Jansen (moeder)", consent_on=today, access_point=CLI
    )
    services.opp_finalise(actor=ib, opp=opp, access_point=CLI)


def test_profile_cycle_admissions_ab_named_ggd_and_cat_pages(ui, school):
    """The other pages of school support, each with axe: the IB'er keeps the profile, plans the
    cycle and handles an admission under the zorgplicht (extended once, then decided); assigns an
    ambulant begeleider with consent, who finds the pupil on their caseload and records an
    observation; the leerkracht asks the GGD about the pupil by name with consent; the coördinator
    opens the agenda of a CAT meeting."""
    page = ui.page
    youth = school["youth"]
    today = timezone.localdate()
    ab = professional(
        "ambulant_begeleider",
        organisation=school["swv"],
        user=UserFactory(username="bram", first_name="Bram", last_name="Veneman"),
    )

    ui.login("ilse", PASSWORD)
    ui.goto("/ondersteuning/profiel/")
    page.get_by_label("Deskundigheid in de school").fill("Een rekenspecialist en een gedragsspecialist.")
    ui.navigate_by(page.get_by_role("button", name="Opslaan"))
    expect(ui.messages()).to_contain_text("Het schoolondersteuningsprofiel is opgeslagen.")
    assert "rekenspecialist" in SupportProfile.objects.get().expertise

    ui.goto("/ondersteuning/")
    cycle = page.locator("form[action$='/cyclus/']")
    open_details(page, "Bespreking plannen")
    cycle.get_by_role("group", name="Soort").get_by_label("Groepsbespreking").check()
    cycle.get_by_role("group", name="Cyclus").get_by_label("Lange cyclus").check()
    cycle.get_by_label("Datum").fill((today + timedelta(days=7)).isoformat())
    cycle.get_by_label("Groep of klas").fill("6")
    ui.navigate_by(cycle.get_by_role("button", name="Plannen"))
    expect(page.get_by_role("region", name="Bespreekcyclus")).to_contain_text("Groepsbespreking 6")

    admission = page.locator("form[action$='/aanmeldingen/']")
    open_details(page, "Aanmelding vastleggen")
    admission.get_by_label("Voornaam").fill("Daan")
    admission.get_by_label("Achternaam").fill("Hofman")
    admission.get_by_label("Geboortedatum").fill(born(8).isoformat())
    admission.get_by_label("Ondersteuningsbehoefte volgens de ouders").fill("Een rolstoel en een aangepaste werkplek.")
    admission.get_by_label("Aanmelding ontvangen op").fill((today - timedelta(days=7)).isoformat())
    ui.navigate_by(admission.get_by_role("button", name="Aanmelding vastleggen"))
    admissions = page.get_by_role("region", name=re.compile("^Aanmeldingen met een ondersteuningsbehoefte"))
    expect(admissions).to_contain_text("Daan Hofman")
    admissions.get_by_label("Reden van verlenging (eenmaal 4 weken)").fill(
        "Wachten op het advies van de ergotherapeut."
    )
    ui.navigate_by(admissions.get_by_role("button", name="Termijn verlengen"))
    expect(ui.messages()).to_contain_text("De termijn is met vier weken verlengd.")
    admissions = page.get_by_role("region", name=re.compile("^Aanmeldingen met een ondersteuningsbehoefte"))
    expect(admissions.get_by_role("button", name="Termijn verlengen")).to_have_count(0)
    admissions.get_by_label("Toegelaten").check()
    ui.navigate_by(admissions.get_by_role("button", name="Besluit vastleggen"))
    expect(ui.messages()).to_contain_text("Het besluit over de aanmelding is vastgelegd.")

    ui.goto(f"/ondersteuning/leerlingen/{youth.pk}/")
    ui.navigate_by(page.get_by_role("link", name="Ambulant begeleider toewijzen (met toestemming)"))
    form = page.locator("form.jk-form")
    choose(form.get_by_label("Ambulant begeleider"), "Bram Veneman")
    form.get_by_label("Hulpvraag").fill("Noah loopt boos weg; de leerkracht wil handvatten.")
    ui.navigate_by(form.get_by_role("button", name="Toewijzen"), status=422)
    expect(form).to_contain_text("Vul in wie toestemming gaf.")
    form.get_by_label("Toestemming gegeven door").select_option("ouders")
    form.get_by_label("Toestemming gegeven op").fill(today.isoformat())
    form.get_by_label("Start").fill(today.isoformat())
    ui.navigate_by(form.get_by_role("button", name="Toewijzen"))
    expect(ui.messages()).to_contain_text("De ambulant begeleider is toegewezen.")
    expect(page.get_by_role("region", name="Ambulante begeleiding")).to_contain_text("Bram Veneman")
    ui.logout()

    ui.login("bram", PASSWORD)
    ui.goto("/ondersteuning/begeleiding/")
    ui.navigate_by(page.get_by_role("link", name="Noah Jansen"))
    note = page.locator("form[action$='/vastleggen/']")
    open_details(page, "Observatie of gesprek vastleggen")
    note.get_by_role("group", name="Wat legt u vast?").get_by_label("Observatie in de klas").check()
    note.get_by_label("Datum").fill(today.isoformat())
    note.get_by_label("Verslag").fill("Na de pauze zoekt Noah een rustige plek; met een time-out gaat het beter.")
    ui.navigate_by(note.get_by_role("button", name="Vastleggen"))
    expect(page.get_by_role("region", name="Gesprekken en basisondersteuning")).to_contain_text("time-out")
    assert ab.ab_assignments.get().notes.count() == 1
    ui.logout()

    ui.login("sanne", PASSWORD)
    ui.goto(f"/ondersteuning/leerlingen/{youth.pk}/")
    ui.navigate_by(page.get_by_role("link", name="De GGD raadplegen over deze leerling (met toestemming)"))
    ask = page.locator("form.jk-form")
    choose(ask.get_by_label("Vraag aan"), "Jolien Oosterhof")
    ask.get_by_label("Vraag", exact=True).fill("Noah slaapt slecht; kunt u met moeder meekijken?")
    ask.get_by_label("Toestemming gegeven door").select_option("ouders")
    ask.get_by_label("Toestemming gegeven op").fill(today.isoformat())
    ui.navigate_by(ask.get_by_role("button", name="Vraag stellen"))
    expect(ui.messages()).to_contain_text("Uw vraag staat bij de GGD.")
    assert GGDConsultation.objects.get().youth == youth
    ui.logout()

    meeting = services.cat_meeting_plan(
        actor=school["coordinator"].user, swv=school["swv"], held_on=today + timedelta(days=14), location="Ommen"
    )
    ui.login("carla", PASSWORD)
    ui.goto(f"/ondersteuning/swv/cat/{meeting.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("CAT-vergadering")
    expect(page.get_by_role("region", name="Agenda")).to_contain_text("Nog geen aanvragen op de agenda.")
