"""MAS casework through the services: the consulent takes up a melding in a leerplicht case and
works it (conversations, invitation, warning, agreements, phases, routes), refers to Halt when the
criteria hold, draws up a proces-verbaal, coordinates with youth care and hands the case over
warmly; each rule from both sides."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.leerplicht import selectors, services
from jeugdketen.leerplicht.models import Absence, CaseStep, HaltReferral, LeerplichtCase, Melding, ProcesVerbaal
from tests.factories import CaseFactory, MunicipalityFactory, OrganisationFactory, professional

from .conftest import TODAY, pupil

pytestmark = pytest.mark.django_db
Kind = CaseStep.Kind


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The services' "today" is the fixture's Friday 20 November 2026."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    monkeypatch.setattr(timezone, "now", lambda: timezone.make_aware(datetime.combine(TODAY, time(9))))


def absent(ib, youth, days, kind="ongeoorloofd", hours=4):
    rows = [{"bsn": youth.bsn, "datum": f"{d:%d-%m-%Y}", "soort": kind, "lesuren": str(hours)} for d in days]
    return services.absence_rows_import(actor=ib.user, rows=rows, access_point=CLI, today=TODAY)


def nov(*days):
    return [date(2026, 11, d) for d in days]


@pytest.fixture
def sent(ib, school):
    """A pupil of 12 with 16 hours in November, reported by the school."""
    youth = pupil(school, 1, date_of_birth=date(2014, 3, 10))
    absent(ib, youth, nov(9, 10, 11, 12))
    melding = Melding.objects.get(youth=youth)
    return services.melding_send(actor=ib.user, melding=melding, access_point=CLI)


@pytest.fixture
def case(sent, consulent):
    return services.case_take_up(actor=consulent.user, melding=sent, access_point=CLI)


def test_the_consulent_takes_up_a_melding_in_a_new_case(sent, consulent):
    case = services.case_take_up(actor=consulent.user, melding=sent, access_point=CLI)
    sent.refresh_from_db()
    assert sent.status == Melding.Status.TAKEN_UP and sent.case == case
    assert case.reference == f"LP-2026-{case.pk:05d}" and case.phase == LeerplichtCase.Phase.WAARNEMEN
    assert case.consulent == consulent and case.school == sent.school
    assert case.steps.get().title.startswith("Melding in behandeling genomen")
    assert AccessLogEntry.objects.filter(youth=sent.youth, user=consulent.user, event="create").exists()


def test_a_second_melding_joins_the_open_case(case, sent, ib, consulent):
    absent(ib, sent.youth, nov(16, 17, 18, 19))
    second = Melding.objects.get(youth=sent.youth, status=Melding.Status.FOUND)
    services.melding_send(actor=ib.user, melding=second, access_point=CLI)
    assert services.case_take_up(actor=consulent.user, melding=second, access_point=CLI) == case
    assert LeerplichtCase.objects.count() == 1 and case.meldingen.count() == 2


def test_only_the_consulent_of_the_youths_municipality_takes_up_a_sent_melding(sent, ib, school):
    elsewhere = professional(
        "leerplicht",
        organisation=OrganisationFactory(
            kind="gemeente", municipality=MunicipalityFactory(cbs_code="0193", name="Zwolle")
        ),
    )
    with pytest.raises(NotFoundOrForbidden):
        services.case_take_up(actor=elsewhere.user, melding=sent, access_point=CLI)
    with pytest.raises(NotFoundOrForbidden):
        services.case_take_up(actor=ib.user, melding=sent, access_point=CLI)
    assert not LeerplichtCase.objects.exists()


def test_an_unsent_melding_is_not_taken_up(ib, school, consulent):
    youth = pupil(school, 2)
    absent(ib, youth, nov(9, 10, 11, 12))
    with pytest.raises(ValidationError) as error:
        services.case_take_up(actor=consulent.user, melding=Melding.objects.get(), access_point=CLI)
    assert "status" in error.value.message_dict


def test_conversation_agreement_and_its_evaluation(case, consulent):
    talk = services.case_step_add(
        actor=consulent.user, case=case, kind=Kind.CONVERSATION, title="Gesprek thuis", text="Moeder en Sanne.",
        with_whom="jeugdige en moeder", access_point=CLI,
    )  # fmt: skip
    assert talk.phase == LeerplichtCase.Phase.WAARNEMEN and talk.occurred_on == TODAY
    with pytest.raises(ValidationError) as error:
        services.case_step_add(
            actor=consulent.user, case=case, kind=Kind.CONVERSATION, title="Gesprek", text="x", access_point=CLI
        )
    assert "with_whom" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.case_step_add(
            actor=consulent.user, case=case, kind=Kind.AGREEMENT, title="Elke dag op tijd", access_point=CLI
        )
    assert "Vul in wanneer de afspraak" in error.value.message_dict["due_on"][0]
    agreement = services.case_step_add(
        actor=consulent.user, case=case, kind=Kind.AGREEMENT, title="Elke dag op tijd", due_on=date(2026, 12, 18),
        access_point=CLI,
    )  # fmt: skip
    services.agreement_settle(actor=consulent.user, step=agreement, kept=False, access_point=CLI)
    agreement.refresh_from_db()
    assert agreement.kept is False
    with pytest.raises(ValidationError):
        services.agreement_settle(actor=consulent.user, step=talk, kept=True, access_point=CLI)


def test_a_step_cannot_be_dated_in_the_future_nor_be_a_kind_for_another_service(case, consulent):
    with pytest.raises(ValidationError) as error:
        services.case_step_add(
            actor=consulent.user, case=case, kind=Kind.NOTE, title="x", text="y", occurred_on=date(2026, 11, 21),
            access_point=CLI,
        )  # fmt: skip
    assert "occurred_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.case_step_add(
            actor=consulent.user, case=case, kind=Kind.WARNING, title="x", text="y", access_point=CLI
        )
    assert "kind" in error.value.message_dict


def test_the_invitation_is_for_a_moment_to_come(case, consulent):
    later = timezone.make_aware(datetime(2026, 11, 26, 10, 0))
    step = services.invitation_send(
        actor=consulent.user, case=case, appointment_at=later, location="Gemeentehuis", with_whom="jeugdige en ouders",
        access_point=CLI,
    )  # fmt: skip
    assert step.has_letter and "26-11-2026 10:00" in step.title
    with pytest.raises(ValidationError) as error:
        services.invitation_send(
            actor=consulent.user, case=case, appointment_at=timezone.make_aware(datetime(2026, 11, 19, 10)),
            location="Gemeentehuis", with_whom="ouders", access_point=CLI,
        )  # fmt: skip
    assert "appointment_at" in error.value.message_dict


def test_a_warning_follows_a_conversation(case, consulent):
    with pytest.raises(ValidationError) as error:
        services.warning_give(actor=consulent.user, case=case, text="U bent gewaarschuwd.", access_point=CLI)
    assert "Leg eerst het gesprek" in error.value.message_dict["text"][0]
    services.case_step_add(
        actor=consulent.user, case=case, kind=Kind.SPREEKUUR, title="Spreekuur", text="Op school.", with_whom="jeugdige",
        access_point=CLI,
    )  # fmt: skip
    warning = services.warning_give(actor=consulent.user, case=case, text="U bent gewaarschuwd.", access_point=CLI)
    assert warning.kind == Kind.WARNING and warning.has_letter


def test_phases_and_routes(case, consulent):
    services.phase_set(actor=consulent.user, case=case, phase="analyseren", access_point=CLI)
    with pytest.raises(ValidationError):
        services.phase_set(actor=consulent.user, case=case, phase="analyseren", access_point=CLI)
    with pytest.raises(ValidationError) as error:
        services.route_choose(actor=consulent.user, case=case, route="vrijwillig", reason=" ", access_point=CLI)
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.route_choose(actor=consulent.user, case=case, route="halt", reason="x", access_point=CLI)
    assert "route" in error.value.message_dict
    services.route_choose(
        actor=consulent.user, case=case, route="vrijwillig", reason="Ouders willen hulp.", access_point=CLI
    )
    case.refresh_from_db()
    assert (case.phase, case.route) == ("analyseren", "vrijwillig")
    assert [s.kind for s in case.steps.order_by("pk")][-2:] == [Kind.PHASE, Kind.ROUTE]


# --- Halt ---------------------------------------------------------------------------------------


def test_halt_criteria_on_the_boundaries(case, ib, consulent):
    check = selectors.halt_check(case, TODAY)
    assert check.eligible and check.hours == Decimal(16) and check.age == 12 and check.parents_must_consent
    Absence.objects.filter(youth=case.youth).update(hours=Decimal("2.2"))  # 8.8 hours: under 9
    assert not selectors.halt_check(case, TODAY).eligible
    Absence.objects.filter(youth=case.youth).update(hours=Decimal("2.25"))  # 9 hours
    assert selectors.halt_check(case, TODAY).eligible
    Absence.objects.filter(youth=case.youth).update(hours=Decimal(15))  # 60 hours
    assert selectors.halt_check(case, TODAY).eligible
    Absence.objects.filter(youth=case.youth, day=date(2026, 11, 9)).update(hours=Decimal("15.25"))  # 60.25
    assert not selectors.halt_check(case, TODAY).eligible


def test_halt_by_times_late(case, ib):
    Absence.objects.filter(youth=case.youth).update(hours=Decimal(1))  # 4 hours absent: too few
    days = [d for d in [*nov(2, 3, 5, 6, 13, 16, 17, 18, 19, 20), date(2026, 10, 26), date(2026, 10, 27)]]
    for day in days[:11]:
        Absence.objects.create(youth=case.youth, school=case.school, day=day, kind="te_laat", hours=Decimal("0.25"))
    case.meldingen.update(period_start=date(2026, 10, 26))
    assert not selectors.halt_check(case, TODAY).eligible  # 11 times late
    Absence.objects.create(youth=case.youth, school=case.school, day=days[11], kind="te_laat", hours=Decimal("0.25"))
    assert selectors.halt_check(case, TODAY).times_late == 12 and selectors.halt_check(case, TODAY).eligible


def test_halt_age_boundaries(case):
    youth = case.youth
    for born, eligible in [(date(2014, 11, 21), False), (date(2014, 11, 20), True), (date(2008, 11, 21), True)]:
        youth.date_of_birth = born
        youth.save()
        assert selectors.halt_check(case, TODAY).eligible is eligible, born
    youth.date_of_birth = date(2008, 11, 20)  # 18 today
    youth.save()
    problems = selectors.halt_check(case, TODAY).problems
    assert any("12 tot 18" in p for p in problems)


def test_halt_needs_consent_of_the_youth_and_under_16_the_parents_and_happens_once(case, consulent):
    with pytest.raises(ValidationError) as error:
        services.halt_refer(
            actor=consulent.user, case=case, youth_consents=False, parents_consent=True, access_point=CLI
        )
    assert "youth_consents" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.halt_refer(
            actor=consulent.user, case=case, youth_consents=True, parents_consent=False, access_point=CLI
        )
    assert "parents_consent" in error.value.message_dict
    assert not HaltReferral.objects.exists()
    referral = services.halt_refer(
        actor=consulent.user, case=case, youth_consents=True, parents_consent=True, access_point=CLI
    )
    case.refresh_from_db()
    assert case.route == "halt" and referral.hours == Decimal(16)
    assert "al eerder naar Halt verwezen" in selectors.halt_check(case, TODAY).problems[0]
    with pytest.raises(ValidationError):
        services.halt_refer(
            actor=consulent.user, case=case, youth_consents=True, parents_consent=True, access_point=CLI
        )


def test_from_16_the_youths_consent_is_enough(case, consulent):
    case.youth.date_of_birth = date(2010, 11, 20)
    case.youth.save()
    assert not selectors.halt_check(case, TODAY).parents_must_consent
    services.halt_refer(actor=consulent.user, case=case, youth_consents=True, parents_consent=None, access_point=CLI)


def test_a_failed_halt_opens_the_proces_verbaal(case, consulent):
    referral = services.halt_refer(
        actor=consulent.user, case=case, youth_consents=True, parents_consent=True, access_point=CLI
    )
    with pytest.raises(ValidationError) as error:
        services.pv_draw_up(actor=consulent.user, case=case, against="ouders", facts="Verzuim.", access_point=CLI)
    assert "Halt-afdoening loopt nog" in error.value.message_dict["against"][0]
    with pytest.raises(ValidationError):
        services.case_close(actor=consulent.user, case=case, outcome="Klaar.", access_point=CLI)
    services.halt_outcome(actor=consulent.user, referral=referral, outcome="mislukt", access_point=CLI)
    pv = services.pv_draw_up(
        actor=consulent.user, case=case, against="beiden", facts="Halt niet afgerond.", access_point=CLI
    )
    assert pv.number == f"PV-{case.reference}-{pv.pk}" and pv.hours == Decimal(16)
    assert (pv.period_start, pv.period_end) == (date(2026, 11, 9), date(2026, 11, 12))
    case.refresh_from_db()
    assert case.route == "strafrecht"


# --- proces-verbaal ------------------------------------------------------------------------------


def test_proces_verbaal_sent_to_the_om_with_a_copy_to_the_raad(case, consulent):
    pv = services.pv_draw_up(
        actor=consulent.user, case=case, against="ouders", facts="Geen verbetering.", access_point=CLI
    )
    assert pv.sent_to_om_on is None
    services.pv_send(actor=consulent.user, pv=pv, access_point=CLI)
    pv.refresh_from_db()
    assert pv.sent_to_om_on == pv.copy_to_raad_on == TODAY
    with pytest.raises(ValidationError):
        services.pv_send(actor=consulent.user, pv=pv, access_point=CLI)
    assert AccessLogEntry.objects.get(youth=case.youth, event="export").object_ids == [f"pv:{pv.pk}"]


def test_no_proces_verbaal_against_a_child_under_12(case, consulent):
    case.youth.date_of_birth = date(2015, 1, 1)
    case.youth.save()
    with pytest.raises(ValidationError) as error:
        services.pv_draw_up(actor=consulent.user, case=case, against="jeugdige", facts="x", access_point=CLI)
    assert "jonger dan 12" in error.value.message_dict["against"][0]
    assert services.pv_draw_up(actor=consulent.user, case=case, against="ouders", facts="x", access_point=CLI)
    assert ProcesVerbaal.objects.count() == 1


def test_letters_and_the_proces_verbaal_as_pdf(case, consulent):
    from jeugdketen.leerplicht import letters

    later = timezone.make_aware(datetime(2026, 11, 26, 10, 0))
    step = services.invitation_send(
        actor=consulent.user, case=case, appointment_at=later, location="Gemeentehuis Dalfsen", with_whom="jeugdige en ouders",
        access_point=CLI,
    )  # fmt: skip
    letter = letters.step_letter(consulent.user, services.rules.case_consulent(consulent.user, case), case, step, CLI)
    html = letters.html(letter)
    assert "Uitnodiging voor een gesprek over schoolverzuim" in html and "Gemeentehuis Dalfsen" in html
    assert letters.pdf(letter).startswith(b"%PDF")
    pv = services.pv_draw_up(actor=consulent.user, case=case, against="ouders", facts="Feiten.", access_point=CLI)
    letter = letters.pv_letter(consulent.user, services.rules.case_consulent(consulent.user, case), case, pv, CLI)
    html = letters.html(letter)
    assert "Openbaar Ministerie" in html and "Raad voor de Kinderbescherming" in html and "16 lesuren" in html
    assert AccessLogEntry.objects.filter(youth=case.youth, event="print").count() == 2


# --- coordination, handover, closing -------------------------------------------------------------


def test_registering_at_the_toegang_needs_the_consent_the_age_asks(case, consulent):
    from jeugdketen.intake.models import HelpRequest

    with pytest.raises(ValidationError):
        services.coordination_register(
            actor=consulent.user,
            case=case,
            question="Hulp bij schoolgang.",
            consent_by="ouders",
            consent_on=TODAY,
            access_point=CLI,
        )  # fmt: skip (12 years old: parents and the youth)
    request = services.coordination_register(
        actor=consulent.user, case=case, question="Hulp bij schoolgang.", consent_by="ouders_jeugdige",
        consent_on=TODAY, access_point=CLI,
    )  # fmt: skip
    assert HelpRequest.objects.get() == request and request.youth == case.youth
    assert case.steps.filter(kind=Kind.COORDINATION, title__contains=request.reference).exists()


def test_joining_the_youths_case_in_youth_care(case, consulent):
    regisseur = professional("jeugdconsulent", organisation=OrganisationFactory(name="Samen Doen"))
    care = CaseFactory(youth=case.youth, casusregisseur=regisseur)
    assert [c.pk for c in selectors.open_care_cases(case)] == [care.pk]
    involvement = services.coordination_join(
        actor=consulent.user, case=case, care_case=care, reason="Verzuim; één plan.", access_point=CLI
    )
    assert involvement.professional == consulent and involvement.function.code == "leerplicht"
    assert care.journal_entries.get().title == "Consulent leerplicht sluit aan"
    with pytest.raises(ValidationError):
        services.coordination_join(
            actor=consulent.user, case=case, care_case=care, reason="Nog eens.", access_point=CLI
        )
    other = CaseFactory(casusregisseur=regisseur)  # another youth's case
    with pytest.raises(ValidationError):
        services.coordination_join(actor=consulent.user, case=case, care_case=other, reason="x", access_point=CLI)


def test_warm_handover_to_the_consulent_of_the_new_municipality(case, consulent):
    zwolle = MunicipalityFactory(cbs_code="0193", name="Zwolle")
    receiving = professional("leerplicht", organisation=OrganisationFactory(kind="gemeente", municipality=zwolle))
    services.case_step_add(
        actor=consulent.user, case=case, kind=Kind.CONVERSATION, title="Gesprek", text="x", with_whom="ouders",
        access_point=CLI,
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.case_handover(
            actor=consulent.user, case=case, to=receiving, conversation_on=None, note="x", access_point=CLI
        )
    assert "warm" in error.value.message_dict["conversation_on"][0]
    with pytest.raises(ValidationError) as error:
        services.case_handover(
            actor=consulent.user, case=case, to=consulent, conversation_on=TODAY, note="x", access_point=CLI
        )
    assert "to" in error.value.message_dict
    services.case_handover(
        actor=consulent.user,
        case=case,
        to=receiving,
        conversation_on=TODAY,
        note="Verhuisd naar Zwolle.",
        access_point=CLI,
    )
    case.refresh_from_db()
    assert case.consulent == receiving and case.municipality == zwolle
    # The receiving consulent sees the whole history; the sender no longer sees the case.
    detail = selectors.case_detail(actor=receiving.user, case_id=case.pk, access_point=CLI)
    assert [s.kind for s in detail.steps][:2] == [Kind.HANDOVER, Kind.CONVERSATION]
    with pytest.raises(NotFoundOrForbidden):
        selectors.case_detail(actor=consulent.user, case_id=case.pk, access_point=CLI)
    assert AccessLogEntry.objects.filter(youth=case.youth, user=consulent.user, event="refused").exists()


def test_closing_closes_the_meldingen_and_stops_changes(case, consulent):
    services.case_close(actor=consulent.user, case=case, outcome="Weer naar school.", access_point=CLI)
    case.refresh_from_db()
    assert case.status == "gesloten" and case.closed_on == TODAY
    assert case.meldingen.get().status == Melding.Status.CLOSED
    with pytest.raises(ValidationError) as error:
        services.case_step_add(actor=consulent.user, case=case, kind=Kind.NOTE, title="x", text="y", access_point=CLI)
    assert "gesloten" in error.value.message_dict["case"][0]


def test_only_the_consulent_holding_the_case_works_in_it(case, ib, school):
    elsewhere = professional(
        "leerplicht",
        organisation=OrganisationFactory(
            kind="gemeente", municipality=MunicipalityFactory(cbs_code="0193", name="Zwolle")
        ),
    )
    for who in (elsewhere, ib):
        with pytest.raises(NotFoundOrForbidden):
            services.case_step_add(actor=who.user, case=case, kind=Kind.NOTE, title="x", text="y", access_point=CLI)
        with pytest.raises(NotFoundOrForbidden):
            selectors.case_detail(actor=who.user, case_id=case.pk, access_point=CLI)
    assert case.steps.count() == 1
