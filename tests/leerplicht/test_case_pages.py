"""The leerplicht case and leave pages through HTTP: the consulent takes up a melding and works the
case with its actions (valid: stored and redirected; invalid: 422 with the Dutch message and
nothing stored), downloads the letters and the proces-verbaal, hands the case over; the school
registers leave and the consulent decides over 10 school days. Each page answers 404 to whoever
has no relation to it, logs what it shows, and takes the same queries for a short or long case."""

from datetime import date, datetime, time
from html import escape

import pytest
from django.urls import reverse
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.cases.models import Involvement, JournalEntry
from jeugdketen.intake.models import HelpRequest
from jeugdketen.leerplicht import services
from jeugdketen.leerplicht.models import CaseStep, HaltReferral, LeaveRequest, LeerplichtCase, Melding, ProcesVerbaal
from jeugdketen.leerplicht.views import CASE_ACTIONS
from tests.factories import CaseFactory, MunicipalityFactory, OrganisationFactory, professional

from .conftest import TODAY, pupil

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("leerplicht:overview")
Kind = CaseStep.Kind
# Pinned: session, user, the case with its youth, school, municipality and consulent, the
# professional and its functions; the diploma, the steps (with their author), the meldingen; the
# Halt check (first melding, absence totals, an earlier referral), the referral, the
# processen-verbaal, the open care cases, the colleagues to hand over to; the access log's insert
# (in a savepoint) and the session save.
CASE_PAGE_QUERIES = 19


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The services' and the pages' "today" is the fixture's Friday 20 November 2026."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    monkeypatch.setattr(timezone, "now", lambda: timezone.make_aware(datetime.combine(TODAY, time(9))))


def login(client, pro):
    client.force_login(pro.user)
    return client


def absent(ib, youth, days, kind="ongeoorloofd", hours=4):
    rows = [{"bsn": youth.bsn, "datum": f"{d:%d-%m-%Y}", "soort": kind, "lesuren": str(hours)} for d in days]
    return services.absence_rows_import(actor=ib.user, rows=rows, access_point=CLI, today=TODAY)


@pytest.fixture
def sent(ib, school):
    """A pupil of 12 with 16 hours in November, reported by the school."""
    youth = pupil(school, 1, date_of_birth=date(2014, 3, 10))
    absent(ib, youth, [date(2026, 11, d) for d in (9, 10, 11, 12)])
    return services.melding_send(actor=ib.user, melding=Melding.objects.get(youth=youth), access_point=CLI)


@pytest.fixture
def case(sent, consulent):
    return services.case_take_up(actor=consulent.user, melding=sent, access_point=CLI)


def case_url(case):
    return reverse("leerplicht:case", args=[case.pk])


def action_url(case, action):
    return reverse("leerplicht:case_action", args=[case.pk, action])


def act(client, case, action, data):
    """POST a case action; its form's fields carry the action as prefix."""
    return client.post(action_url(case, action), {f"{action}-{key}": value for key, value in data.items()})


def elsewhere_consulent():
    return professional(
        "leerplicht",
        organisation=OrganisationFactory(
            name="Gemeente Zwolle", kind="gemeente", municipality=MunicipalityFactory(cbs_code="0193", name="Zwolle")
        ),
    )


# --- taking up and reading the case ---------------------------------------------------------------


def test_the_consulent_takes_up_the_melding_and_lands_on_the_case(client, sent, consulent):
    login(client, consulent)
    response = client.post(reverse("leerplicht:melding_take_up", args=[sent.pk]))
    case = LeerplichtCase.objects.get()
    assert response.status_code == 302 and response.url == case_url(case)
    sent.refresh_from_db()
    assert sent.status == Melding.Status.TAKEN_UP and sent.case == case
    page = client.get(response.url)
    text = page.content.decode()
    assert page.status_code == 200
    assert f"De melding is in behandeling genomen in leerplichtzaak {case.reference}." in text
    assert "Melding in behandeling genomen: Relatief verzuim: 16 uur in 4 schoolweken" in text
    # Taken up once: a second time is refused with the message on the melding's page.
    again = client.post(reverse("leerplicht:melding_take_up", args=[sent.pk]), follow=True)
    assert "Deze melding is in behandeling." in again.content.decode()
    assert LeerplichtCase.objects.count() == 1 and CaseStep.objects.count() == 1


def test_the_school_does_not_take_up_a_melding(client, sent, ib):
    login(client, ib)
    assert client.post(reverse("leerplicht:melding_take_up", args=[sent.pk])).status_code == 404
    assert client.get(reverse("leerplicht:melding_take_up", args=[sent.pk])).status_code == 405
    assert not LeerplichtCase.objects.exists()


def test_the_case_page_is_for_the_consulent_holding_it(client, case, consulent, ib):
    login(client, consulent)
    page = client.get(case_url(case))
    assert page.status_code == 200
    text = page.content.decode()
    assert case.reference in text and case.youth.full_name in text
    entry = AccessLogEntry.objects.get(youth=case.youth, user=consulent.user, event="read")
    assert entry.object_ids == [f"leerplichtzaak:{case.pk}"] and entry.description == "Leerplichtzaak"
    for who in (elsewhere_consulent(), ib, professional("schoolleider", organisation=ib.organisation)):
        login(client, who)
        assert client.get(case_url(case)).status_code == 404, who
        assert act(client, case, "sluiten", {"outcome": "x"}).status_code == 404, who
    assert AccessLogEntry.objects.filter(youth=case.youth, event="refused").count() == 6
    case.refresh_from_db()
    assert case.is_open


def test_anonymous_is_sent_to_log_in(client, case):
    response = client.get(case_url(case))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login")) and "next=" in response.url
    assert act(client, case, "sluiten", {"outcome": "x"}).status_code == 302
    case.refresh_from_db()
    assert case.is_open


def test_an_unknown_action_and_a_missing_case_are_404(client, case, consulent):
    login(client, consulent)
    assert act(client, case, "verwijderen", {}).status_code == 404
    assert client.get(reverse("leerplicht:case", args=[case.pk + 100])).status_code == 404
    assert client.get(action_url(case, "sluiten")).status_code == 405


def test_the_case_page_takes_the_same_queries_for_1_or_10_steps(client, case, consulent, django_assert_num_queries):
    login(client, consulent)
    client.get(case_url(case))  # the session settles
    assert case.steps.count() == 1
    with django_assert_num_queries(CASE_PAGE_QUERIES):
        client.get(case_url(case))
    # Steps of every sort the page shows differently: a conversation, an agreement to evaluate, an
    # invitation with its letter, a phase, and notes.
    _conversation(case, consulent)
    services.case_step_add(
        actor=consulent.user, case=case, kind=Kind.AGREEMENT, title="Elke dag op tijd", due_on=date(2026, 12, 18),
        access_point=CLI,
    )  # fmt: skip
    services.invitation_send(
        actor=consulent.user, case=case, appointment_at=timezone.make_aware(datetime(2026, 11, 26, 10)),
        location="Gemeentehuis Dalfsen", with_whom="jeugdige en ouders", access_point=CLI,
    )  # fmt: skip
    services.phase_set(actor=consulent.user, case=case, phase="analyseren", access_point=CLI)
    for n in range(5):
        services.case_step_add(
            actor=consulent.user, case=case, kind=Kind.NOTE, title=f"Notitie {n}", text="Gebeld met school.",
            access_point=CLI,
        )  # fmt: skip
    assert case.steps.count() == 10
    with django_assert_num_queries(CASE_PAGE_QUERIES):
        page = client.get(case_url(case))
    assert "Notitie 4" in page.content.decode() and "Brief downloaden (PDF)" in page.content.decode()


# --- the case's actions -------------------------------------------------------------------------


def _conversation(case, consulent):
    services.case_step_add(
        actor=consulent.user, case=case, kind=Kind.CONVERSATION, title="Gesprek thuis", text="Moeder en Sanne.",
        with_whom="jeugdige en moeder", access_point=CLI,
    )  # fmt: skip
    return {}


def _halt(case, consulent):
    services.halt_refer(actor=consulent.user, case=case, youth_consents=True, parents_consent=True, access_point=CLI)
    return {}


def _care_case(case, consulent):
    regisseur = professional("jeugdconsulent", organisation=OrganisationFactory(name="Samen Doen"))
    return {"care_case": CaseFactory(youth=case.youth, casusregisseur=regisseur).pk}


def _receiving(case, consulent):
    return {"to": elsewhere_consulent().pk}


def _snapshot(case):
    case = LeerplichtCase.objects.get(pk=case.pk)
    return (
        list(case.steps.values_list("pk", flat=True)),
        (case.phase, case.route, case.route_reason, case.status, case.consulent_id, case.municipality_id),
        list(HaltReferral.objects.values_list("pk", "outcome")),
        ProcesVerbaal.objects.count(),
        HelpRequest.objects.count(),
        Involvement.objects.count(),
        JournalEntry.objects.count(),
    )


REQUIRED = "Dit veld is vereist."
# action: (setup, valid data, check that it is stored, [(invalid data, Dutch message on the page)])
ACTIONS = {
    "stap": (
        None,
        lambda ctx: {
            "kind": "gesprek",
            "title": "Gesprek thuis",
            "with_whom": "jeugdige en moeder",
            "occurred_on": "2026-11-19",
            "text": "Moeder en Sanne.",
        },
        lambda case, ctx: case.steps.filter(
            kind=Kind.CONVERSATION, title="Gesprek thuis", occurred_on=date(2026, 11, 19)
        ).exists(),
        [
            (
                {"kind": "gesprek", "title": "", "with_whom": "moeder", "occurred_on": "2026-11-19", "text": "x"},
                f"Onderwerp: {REQUIRED}",
            ),
            (
                {"kind": "gesprek", "title": "Gesprek", "with_whom": "", "occurred_on": "2026-11-19", "text": "x"},
                "Met wie: Vul met wie het gesprek was in.",
            ),
            (
                {"kind": "notitie", "title": "Notitie", "occurred_on": "2026-11-21", "text": "x"},
                "Datum: De datum ligt in de toekomst.",
            ),
        ],
    ),
    "uitnodiging": (
        None,
        lambda ctx: {
            "day": "2026-11-26",
            "time": "10:00",
            "location": "Gemeentehuis Dalfsen",
            "with_whom": "jeugdige en ouders",
        },
        lambda case, ctx: case.steps.filter(kind=Kind.INVITATION, location="Gemeentehuis Dalfsen").exists(),
        [
            (
                {"day": "2026-11-26", "time": "10:00", "location": "", "with_whom": "ouders"},
                f"Plaats: {REQUIRED}",
            ),
            (
                {"day": "2026-11-19", "time": "10:00", "location": "Gemeentehuis", "with_whom": "ouders"},
                "Het gesprek moet in de toekomst liggen.",
            ),
        ],
    ),
    "waarschuwing": (
        _conversation,
        lambda ctx: {"text": "U bent gewaarschuwd."},
        lambda case, ctx: case.steps.filter(kind=Kind.WARNING, text="U bent gewaarschuwd.").exists(),
        [({"text": "  "}, f"Inhoud van de waarschuwing: {REQUIRED}")],
    ),
    "fase": (
        None,
        lambda ctx: {"phase": "analyseren", "note": "Gesprekken gevoerd."},
        lambda case, ctx: case.phase == "analyseren" and case.steps.filter(kind=Kind.PHASE).exists(),
        [
            ({"phase": "waarnemen"}, "Naar fase: De zaak is al in deze fase."),
            ({"phase": "slapen"}, "Naar fase: Selecteer een geldige keuze."),
        ],
    ),
    "route": (
        None,
        lambda ctx: {"route": "vrijwillig", "reason": "Ouders willen hulp."},
        lambda case, ctx: (case.route, case.route_reason) == ("vrijwillig", "Ouders willen hulp."),
        [({"route": "vrijwillig", "reason": ""}, f"Waarom deze route (pas toe of leg uit): {REQUIRED}")],
    ),
    "halt": (
        None,
        lambda ctx: {"youth_consents": "on", "parents_consent": "on"},
        lambda case, ctx: case.route == "halt" and HaltReferral.objects.filter(case=case).exists(),
        [
            ({"parents_consent": "on"}, "De jeugdige moet instemmen met de verwijzing naar Halt."),
            ({"youth_consents": "on"}, "De jeugdige is jonger dan 16: ook de ouders moeten instemmen met Halt."),
        ],
    ),
    "halt-uitkomst": (
        _halt,
        lambda ctx: {"outcome": "afgerond"},
        lambda case, ctx: HaltReferral.objects.get(case=case).outcome == "afgerond",
        [({}, f"Uitkomst van Halt: {REQUIRED}")],
    ),
    "proces-verbaal": (
        None,
        lambda ctx: {"against": "ouders", "facts": "Geen verbetering na de waarschuwing."},
        lambda case, ctx: (
            ProcesVerbaal.objects.filter(case=case, against="ouders").exists() and case.route == "strafrecht"
        ),
        [
            ({"against": "ouders", "facts": ""}, f"Feiten en omstandigheden: {REQUIRED}"),
            ({"facts": "Verzuim."}, f"Tegen: {REQUIRED}"),
        ],
    ),
    "aanmelden": (
        None,
        lambda ctx: {"question": "Hulp bij schoolgang.", "consent_by": "ouders_jeugdige", "consent_on": "2026-11-20"},
        lambda case, ctx: (
            HelpRequest.objects.filter(youth=case.youth).exists() and case.steps.filter(kind=Kind.COORDINATION).exists()
        ),
        [
            (
                {"question": "Hulp bij schoolgang.", "consent_by": "ouders", "consent_on": "2026-11-20"},
                "Toestemming gegeven door: Bij een jeugdige van 12 jaar is toestemming nodig van:",
            ),
            (
                {"question": "", "consent_by": "ouders_jeugdige", "consent_on": "2026-11-20"},
                f"Hulpvraag voor de toegang: {REQUIRED}",
            ),
        ],
    ),
    "aansluiten": (
        _care_case,
        lambda ctx: {"care_case": ctx["care_case"], "reason": "Verzuim; één plan."},
        lambda case, ctx: Involvement.objects.filter(case_id=ctx["care_case"], professional=case.consulent).exists(),
        [(lambda ctx: {"care_case": ctx["care_case"], "reason": ""}, f"Waarom u aansluit: {REQUIRED}")],
    ),
    "overdragen": (
        _receiving,
        lambda ctx: {"to": ctx["to"], "conversation_on": "2026-11-20", "note": "Verhuisd naar Zwolle."},
        lambda case, ctx: case.consulent_id == ctx["to"] and case.steps.filter(kind=Kind.HANDOVER).exists(),
        [
            (
                lambda ctx: {"to": ctx["to"], "conversation_on": "2026-11-21", "note": "Verhuisd."},
                "Datum van het overdrachtsgesprek: De datum ligt in de toekomst.",
            ),
            (
                lambda ctx: {"to": ctx["to"], "conversation_on": "2026-11-20", "note": ""},
                f"Wat is er besproken?: {REQUIRED}",
            ),
            (
                lambda ctx: {"to": "", "conversation_on": "2026-11-20", "note": "Verhuisd."},
                f"Aan consulent leerplicht: {REQUIRED}",
            ),
        ],
    ),
    "sluiten": (
        None,
        lambda ctx: {"outcome": "Weer naar school."},
        lambda case, ctx: case.status == "gesloten" and case.meldingen.get().status == Melding.Status.CLOSED,
        [({"outcome": ""}, f"Resultaat: {REQUIRED}")],
    ),
}


def _invalid_cases():
    for action, (_setup, _valid, _check, invalid) in ACTIONS.items():
        for n, (data, message) in enumerate(invalid):
            yield pytest.param(action, data, message, id=f"{action}-{n}")


@pytest.mark.parametrize("action", list(ACTIONS))
def test_a_valid_action_is_stored_and_redirects(client, case, consulent, action):
    setup, valid, check, _invalid_list = ACTIONS[action]
    ctx = setup(case, consulent) if setup else {}
    changes = AccessLogEntry.objects.filter(youth=case.youth, user=consulent.user, event__in=["create", "update"])
    logged = changes.count()
    login(client, consulent)
    response = act(client, case, action, valid(ctx))
    assert response.status_code == 302
    expected = OVERVIEW if action == "overdragen" else case_url(case)
    assert response.url == expected
    case.refresh_from_db()
    assert check(case, ctx)
    assert changes.count() > logged
    assert escape(CASE_ACTIONS[action][3]) in client.get(response.url).content.decode()


@pytest.mark.parametrize(("action", "data", "message"), list(_invalid_cases()))
def test_an_invalid_action_shows_the_message_and_stores_nothing(client, case, consulent, action, data, message):
    setup = ACTIONS[action][0]
    ctx = setup(case, consulent) if setup else {}
    if callable(data):
        data = data(ctx)
    before = _snapshot(case)
    login(client, consulent)
    response = act(client, case, action, data)
    assert response.status_code == 422
    text = response.content.decode()
    assert message in text
    assert text.count("<details open>") == 1  # the form with the error is the one opened
    assert _snapshot(case) == before


def test_a_warning_follows_a_conversation(client, case, consulent):
    login(client, consulent)
    response = act(client, case, "waarschuwing", {"text": "U bent gewaarschuwd."})
    assert response.status_code == 422
    assert "Leg eerst het gesprek met de jeugdige en de ouders vast." in response.content.decode()
    assert not case.steps.filter(kind=Kind.WARNING).exists()


def test_a_halt_outcome_without_a_referral_is_not_a_server_error(client, case, consulent):
    login(client, consulent)
    response = act(client, case, "halt-uitkomst", {"outcome": "afgerond"})
    assert response.status_code in (404, 422)


def test_an_agreement_is_settled(client, case, consulent):
    agreement = services.case_step_add(
        actor=consulent.user, case=case, kind=Kind.AGREEMENT, title="Elke dag op tijd", due_on=date(2026, 12, 18),
        access_point=CLI,
    )  # fmt: skip
    login(client, consulent)
    url = reverse("leerplicht:agreement_settle", args=[case.pk, agreement.pk])
    assert client.post(url, {}).status_code == 302  # no choice: a message, nothing stored
    agreement.refresh_from_db()
    assert agreement.kept is None
    assert client.post(url, {"kept": "nee"}).status_code == 302
    agreement.refresh_from_db()
    assert agreement.kept is False
    note = case.steps.get(kind=Kind.NOTE)
    response = client.post(reverse("leerplicht:agreement_settle", args=[case.pk, note.pk]), {"kept": "ja"})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.kept is None
    other = services.case_step_add(
        actor=consulent.user, case=case, kind=Kind.AGREEMENT, title="Huiswerk", due_on=date(2026, 12, 18),
        access_point=CLI,
    )  # fmt: skip
    assert (
        client.post(reverse("leerplicht:agreement_settle", args=[case.pk + 1, other.pk]), {"kept": "ja"}).status_code
        == 404
    )


# --- letters and the proces-verbaal ---------------------------------------------------------------


def test_the_invitation_letter_is_a_pdf(client, case, consulent):
    step = services.invitation_send(
        actor=consulent.user, case=case, appointment_at=timezone.make_aware(datetime(2026, 11, 26, 10)),
        location="Gemeentehuis Dalfsen", with_whom="jeugdige en ouders", access_point=CLI,
    )  # fmt: skip
    login(client, consulent)
    url = reverse("leerplicht:letter_pdf", args=[case.pk, step.pk])
    assert url in client.get(case_url(case)).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == f'attachment; filename="uitnodiging-{case.reference.lower()}-{step.pk}.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.get(youth=case.youth, event="print").object_ids == [f"stap:{step.pk}"]
    note = case.steps.get(kind=Kind.NOTE)
    assert client.get(reverse("leerplicht:letter_pdf", args=[case.pk, note.pk])).status_code == 404
    login(client, elsewhere_consulent())
    assert client.get(url).status_code == 404


def test_the_proces_verbaal_as_pdf_and_sent(client, case, consulent):
    login(client, consulent)
    response = act(client, case, "proces-verbaal", {"against": "ouders", "facts": "Geen verbetering."})
    assert response.status_code == 302
    pv = ProcesVerbaal.objects.get()
    pdf = client.get(reverse("leerplicht:pv_pdf", args=[case.pk, pv.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.get(youth=case.youth, event="print").object_ids == [f"pv:{pv.pk}"]
    send = reverse("leerplicht:pv_send", args=[case.pk, pv.pk])
    response = client.post(send)
    assert response.status_code == 302 and response.url == case_url(case)
    pv.refresh_from_db()
    assert pv.sent_to_om_on == pv.copy_to_raad_on == TODAY
    assert AccessLogEntry.objects.get(youth=case.youth, event="export").object_ids == [f"pv:{pv.pk}"]
    text = client.get(case_url(case)).content.decode()
    assert "Verstuurd aan het OM op 20 november 2026" in text and send not in text
    again = client.post(send, follow=True)
    assert "Dit proces-verbaal is al verstuurd." in again.content.decode()
    assert case.steps.filter(kind=Kind.PROCES_VERBAAL).count() == 2
    assert client.get(reverse("leerplicht:pv_pdf", args=[case.pk, pv.pk + 1])).status_code == 404


# --- the handover ---------------------------------------------------------------------------------


def test_after_the_handover_the_receiver_holds_the_case_with_its_history(client, case, consulent):
    receiving = elsewhere_consulent()
    _conversation(case, consulent)
    login(client, consulent)
    response = act(
        client,
        case,
        "overdragen",
        {"to": receiving.pk, "conversation_on": "2026-11-19", "note": "Verhuisd naar Zwolle; moeder werkt mee."},
    )
    assert response.status_code == 302 and response.url == OVERVIEW
    assert "De zaak is warm overgedragen." in client.get(OVERVIEW).content.decode()
    assert client.get(case_url(case)).status_code == 404
    login(client, receiving)
    page = client.get(case_url(case))
    assert page.status_code == 200
    text = page.content.decode()
    assert f"Warm overgedragen aan {receiving.name} (Gemeente Zwolle)" in text
    assert "Verhuisd naar Zwolle; moeder werkt mee." in text
    assert "Gesprek thuis" in text and "Melding in behandeling genomen" in text
    assert case.reference in client.get(OVERVIEW).content.decode()


# --- leave ------------------------------------------------------------------------------------------


def register(actor, youth, start, end, ground="14"):
    return services.leave_request_register(
        actor=actor.user, youth=youth, ground=ground, reason="Huwelijk in Marokko.", requested_by="Petra Jansen",
        requested_on=date(2026, 11, 2), start=start, end=end, access_point=CLI,
    )  # fmt: skip


def leave_data(youth, **changes):
    return {
        "youth": youth.pk,
        "ground": "14",
        "reason": "Begrafenis van de grootvader.",
        "requested_by": "Petra Jansen",
        "requested_on": "2026-11-16",
        "start": "2026-11-30",
        "end": "2026-12-01",
        **changes,
    }


def test_the_school_page_shows_the_leave_form_to_the_ib_er_not_a_leerkracht(client, ib, school):
    youth = pupil(school, 1)
    login(client, ib)
    text = client.get(OVERVIEW).content.decode()
    assert "Verlofaanvraag registreren" in text and reverse("leerplicht:leave_register") in text
    assert youth.full_name in text  # a pupil to choose
    teacher = professional("leerkracht", organisation=school)
    login(client, teacher)
    text = client.get(OVERVIEW).content.decode()
    assert "Verlofaanvragen" in text
    assert "Verlofaanvraag registreren" not in text and reverse("leerplicht:leave_register") not in text
    assert client.post(reverse("leerplicht:leave_register"), leave_data(youth)).status_code == 403
    assert not LeaveRequest.objects.exists()


def test_the_ib_er_registers_leave(client, ib, school):
    youth = pupil(school, 1)
    login(client, ib)
    response = client.post(reverse("leerplicht:leave_register"), leave_data(youth))
    assert response.status_code == 302 and response.url == OVERVIEW + "#h-leave"
    leave = LeaveRequest.objects.get()
    assert (leave.youth, leave.school_days, leave.registered_by) == (youth, 2, ib)
    text = client.get(OVERVIEW).content.decode()
    assert "De verlofaanvraag is geregistreerd." in text and reverse("leerplicht:leave", args=[leave.pk]) in text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reason": ""}, "Reden van de aanvraag: Dit veld is vereist."),
        ({"end": ""}, "Laatste dag verlof: Dit veld is vereist."),
        (
            {"ground": "13a", "end": "2026-12-14"},
            "Laatste dag verlof: Vakantieverlof (art. 13a) is hoogstens 10 schooldagen.",
        ),
        ({"start": "2026-11-21", "end": "2026-11-22"}, "Eerste dag verlof: In deze periode valt geen schooldag"),
        ({"requested_on": "2026-11-23"}, "Aanvraag ontvangen op: De datum ligt in de toekomst."),
        ({"end": "2026-11-27"}, "Laatste dag verlof: De laatste dag ligt vóór de eerste dag."),
    ],
)
def test_invalid_leave_is_422_naming_the_field(client, ib, school, changes, message):
    youth = pupil(school, 1)
    login(client, ib)
    response = client.post(reverse("leerplicht:leave_register"), leave_data(youth, **changes))
    assert response.status_code == 422
    text = response.content.decode()
    assert message in text
    assert "<details open>" in text
    assert not LeaveRequest.objects.exists()


def test_a_pupil_of_another_school_is_not_a_choice(client, ib, school):
    from tests.factories import SchoolFactory

    other = pupil(SchoolFactory(name="CBS De Regenboog"), 2)
    login(client, ib)
    response = client.post(reverse("leerplicht:leave_register"), leave_data(other))
    assert response.status_code == 422
    assert "Leerling: Selecteer een geldige keuze." in response.content.decode()
    assert not LeaveRequest.objects.exists()


def test_the_consulent_decides_on_leave_over_10_school_days(client, ib, school, consulent):
    youth = pupil(school, 1)
    leave = register(ib, youth, date(2026, 11, 30), date(2026, 12, 14))  # 11 school days
    url = reverse("leerplicht:leave", args=[leave.pk])
    head = professional("schoolleider", organisation=school)
    login(client, head)  # the school reads it, but does not decide
    page = client.get(url)
    assert page.status_code == 200 and "Besluit vastleggen" not in page.content.decode()
    assert "de consulent leerplicht (meer dan 10 schooldagen" in page.content.decode()
    login(client, elsewhere_consulent())
    assert client.get(url).status_code == 404
    login(client, consulent)
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Besluit vastleggen" in text and "11 schooldagen" in text
    assert AccessLogEntry.objects.filter(
        youth=youth, user=consulent.user, event="read", object_ids=[f"verlof:{leave.pk}"]
    ).exists()
    invalid = client.post(url, {"decision": "geweigerd", "decision_grounds": ""})
    assert invalid.status_code == 422 and "Motivering: Dit veld is vereist." in invalid.content.decode()
    leave.refresh_from_db()
    assert leave.decision == ""
    response = client.post(url, {"decision": "geweigerd", "decision_grounds": "Geen gewichtige omstandigheid."})
    assert response.status_code == 302 and response.url == url
    leave.refresh_from_db()
    assert (leave.decision, leave.decided_by, leave.decided_on) == ("geweigerd", consulent, TODAY)
    text = client.get(url).content.decode()
    assert "Het besluit is vastgelegd." in text and "Geweigerd" in text and "Besluit vastleggen" not in text
    assert client.post(url, {"decision": "verleend", "decision_grounds": "Toch wel."}).status_code == 302
    leave.refresh_from_db()
    assert leave.decision == "geweigerd"


def test_a_second_decision_on_the_page_shows_why_it_is_refused(client, ib, school, consulent):
    leave = register(ib, pupil(school, 1), date(2026, 11, 30), date(2026, 12, 14))
    services.leave_decide(actor=consulent.user, leave=leave, decision="geweigerd", grounds="Nee.", access_point=CLI)
    login(client, consulent)
    url = reverse("leerplicht:leave", args=[leave.pk])
    again = client.post(url, {"decision": "verleend", "decision_grounds": "Toch wel."}, follow=True)
    assert again.redirect_chain == [(url, 302)]
    assert "Over deze aanvraag is al beslist." in again.content.decode()


def test_an_action_on_a_closed_case_shows_why_it_is_refused(client, case, consulent):
    services.case_close(actor=consulent.user, case=case, outcome="Weer naar school.", access_point=CLI)
    login(client, consulent)
    response = act(
        client, case, "stap", {"kind": "notitie", "title": "Nog iets", "occurred_on": "2026-11-20", "text": "x"}
    )
    assert response.status_code == 302
    assert "Deze leerplichtzaak is gesloten." in client.get(response.url).content.decode()
    assert case.steps.filter(title="Nog iets").count() == 0


def test_the_schoolleider_decides_up_to_10_school_days_the_consulent_does_not_see_it(client, ib, school, consulent):
    youth = pupil(school, 1)
    leave = register(ib, youth, date(2026, 11, 30), date(2026, 12, 11))  # 10 school days
    url = reverse("leerplicht:leave", args=[leave.pk])
    login(client, consulent)
    assert client.get(url).status_code == 404
    login(client, ib)
    assert "Besluit vastleggen" not in client.get(url).content.decode()
    assert client.post(url, {"decision": "verleend", "decision_grounds": "x"}).status_code == 403
    head = professional("schoolleider", organisation=school)
    login(client, head)
    assert "Besluit vastleggen" in client.get(url).content.decode()
    assert client.post(url, {"decision": "verleend", "decision_grounds": "Begrafenis."}).status_code == 302
    leave.refresh_from_db()
    assert (leave.decision, leave.decided_by) == ("verleend", head)


def test_the_consulent_overview_lists_open_cases_and_leave_over_10_school_days(client, case, ib, school, consulent):
    other = pupil(school, 2, first_name="Noor")
    long = register(ib, other, date(2026, 11, 30), date(2026, 12, 14))  # 11: the consulent's
    short = register(ib, other, date(2026, 11, 30), date(2026, 12, 11))  # 10: the schoolleider's
    closed = register(ib, other, date(2027, 1, 11), date(2027, 1, 25))  # 11, but decided
    services.leave_decide(
        actor=consulent.user, leave=closed, decision="verleend", grounds="Ziekte in de familie.", access_point=CLI
    )
    login(client, consulent)
    page = client.get(OVERVIEW)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Leerplichtzaken" in text and case_url(case) in text and case.youth.full_name in text
    assert "Verlofaanvragen van meer dan 10 schooldagen" in text
    assert reverse("leerplicht:leave", args=[long.pk]) in text
    assert reverse("leerplicht:leave", args=[short.pk]) not in text
    assert reverse("leerplicht:leave", args=[closed.pk]) not in text
    listed = AccessLogEntry.objects.filter(user=consulent.user, event="list")
    assert listed.filter(youth=case.youth, object_ids=[f"leerplichtzaak:{case.pk}"]).exists()
    assert listed.filter(youth=other, object_ids=[f"verlof:{long.pk}"]).exists()
    # A closed case leaves the list.
    services.case_close(actor=consulent.user, case=case, outcome="Weer naar school.", access_point=CLI)
    assert case_url(case) not in client.get(OVERVIEW).content.decode()
