"""The meldcode through its services: who may start and record it (and who is refused, logged),
the steps in order, the afwegingskader and the decision with its advice, closing, every field's
Dutch message with nothing half-saved, and the access log in the safety category."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.access.models import EmergencyAccess
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.meldcode import selectors, services
from jeugdketen.meldcode.models import Decision, StepRecord, Track, Weighing
from tests.factories import YouthFactory, case_with

from .conftest import ALL_YES, HELP_WITHOUT_REPORT, days_ago, motivations, open_track, walk

pytestmark = pytest.mark.django_db


def refusals(user) -> int:
    return AccessLogEntry.objects.filter(event="refused", user_id=user.pk, object_type="meldcode").count()


def messages(error: pytest.ExceptionInfo) -> dict:
    return error.value.message_dict


def decide(track, actor, **overrides):
    arguments = {
        "done_on": days_ago(1),
        "report": False,
        "report_motivation": "Geen acute onveiligheid; ouders werken mee.",
        "help_possible": True,
        "help_motivation": "Opvoedondersteuning via de jeugdconsulent.",
    } | overrides
    return services.meldcode_decide(actor=actor.user, track=track, access_point=CLI, **arguments)


# -- who ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["consulent", "samen_doen"])
def test_an_involved_samen_doen_or_jeugdconsulent_starts_the_meldcode(setting, who):
    actor = getattr(setting, who)
    track = open_track(setting, actor)
    assert (track.status, track.opened_by, track.opened_by_function.code) == (
        "open",
        actor,
        actor.functions.get().code,
    )
    entry = AccessLogEntry.objects.get(object_type="meldcode", event="create")
    assert entry.categories == ["safety"]
    assert (entry.youth_id, entry.user_id, entry.ground, entry.function_code, entry.object_ids) == (
        setting.youth.pk,
        actor.user_id,
        "case",
        actor.functions.get().code,
        [str(track.pk)],
    )


@pytest.mark.parametrize("who", ["teacher", "nurse", "parent_user", "youth_user"])
def test_who_sees_the_case_but_not_safety_data_may_not_start_it(setting, who):
    user = getattr(setting, who)
    user = getattr(user, "user", user)
    with pytest.raises(NotAllowed, match="alleen in te zien voor wie in deze casus met veiligheidsgegevens werkt"):
        services.meldcode_open(actor=user, case=setting.case, reason="Zorg", access_point=CLI)
    assert not Track.objects.exists()
    assert refusals(user) == 1


def test_a_stranger_gets_not_found_and_the_refusal_is_logged(setting):
    with pytest.raises(NotFoundOrForbidden):
        services.meldcode_open(actor=setting.stranger.user, case=setting.case, reason="Zorg", access_point=CLI)
    assert refusals(setting.stranger.user) == 1
    assert not Track.objects.exists()


def test_parents_and_the_youth_never_read_safety_data(setting):
    """The policy's dossier categories leave safety out: not for the parent with gezag, not for
    the youth from 12, even though both read the rest of the dossier."""
    for user in (setting.parent_user, setting.youth_user):
        access = policy.access_for(user, setting.youth)
        assert access.can(Category.YOUTH_CARE)
        assert setting.case.pk in access.case_ids
        assert not access.can(Category.SAFETY)


@pytest.mark.parametrize("who", ["teacher", "nurse", "parent_user", "youth_user", "stranger"])
def test_a_track_is_not_found_for_whoever_may_not_read_it(setting, who):
    """That a meldcode runs is safety data itself: by its id it answers 404, like a missing one."""
    track = open_track(setting)
    user = getattr(setting, who)
    user = getattr(user, "user", user)
    with pytest.raises(NotFoundOrForbidden):
        selectors.track_detail(actor=user, track_id=track.pk, access_point=CLI)
    with pytest.raises(NotFoundOrForbidden):
        services.meldcode_step_record(
            actor=user, track=track, number=1, done_on=days_ago(1), notes="x", access_point=CLI
        )
    assert refusals(user) == 2
    assert not StepRecord.objects.exists()


@pytest.mark.parametrize("who", ["consulent", "samen_doen"])
def test_involved_safety_functions_read_the_track(setting, who):
    track = walk(open_track(setting), setting.consulent, 2)
    view = selectors.track_detail(actor=getattr(setting, who).user, track_id=track.pk, access_point=CLI)
    assert [s.number for s in view.steps if s.record] == [1, 2]
    assert view.next_step == 3
    assert view.can_write
    entry = AccessLogEntry.objects.filter(event="read").get()
    assert (entry.object_type, entry.categories, entry.object_ids) == ("meldcode", ["safety"], [str(track.pk)])


def test_emergency_access_reads_but_does_not_write(setting):
    track = open_track(setting)
    EmergencyAccess.objects.create(
        professional=setting.stranger,
        youth=setting.youth,
        reason="Crisis in het weekend",
        expires_at=timezone.now() + timedelta(hours=2),
    )
    view = selectors.track_detail(actor=setting.stranger.user, track_id=track.pk, access_point=CLI)
    assert not view.can_write
    with pytest.raises(NotAllowed, match="Alleen wie als medewerker Samen Doen of jeugdconsulent betrokken is"):
        walk(track, setting.stranger, 1)
    assert refusals(setting.stranger.user) == 1


def test_an_ended_involvement_ends_the_right_to_write(setting):
    track = open_track(setting)
    setting.case.involvements.filter(professional=setting.samen_doen).update(until=timezone.localdate())
    with pytest.raises(NotFoundOrForbidden):
        walk(track, setting.samen_doen, 1)


# -- starting -------------------------------------------------------------------------------------


def test_starting_needs_a_reason_and_stores_nothing_without_it(setting):
    with pytest.raises(ValidationError) as error:
        services.meldcode_open(actor=setting.consulent.user, case=setting.case, reason="  ", access_point=CLI)
    assert messages(error) == {"reason": ["Beschrijf de zorg over de veiligheid die aanleiding is voor de meldcode."]}
    assert not Track.objects.exists()
    assert not AccessLogEntry.objects.filter(object_type="meldcode").exists()


def test_one_running_meldcode_per_case(setting):
    open_track(setting)
    with pytest.raises(ValidationError) as error:
        open_track(setting, setting.samen_doen)
    assert messages(error) == {"case": ["Voor deze casus loopt al een meldcode."]}


def test_the_intake_can_start_it_inside_its_own_audited_transaction(setting):
    """The intake calls meldcode_open from its own @audited_atomic service: a refusal inside is
    kept when the outer transaction rolls back."""
    from jeugdketen.auditlog.services import audited_atomic

    @audited_atomic
    def triage(actor):
        return services.meldcode_open(actor=actor, case=setting.case, reason="Zorg uit triage", access_point=CLI)

    assert triage(setting.samen_doen.user).opened_by == setting.samen_doen
    with pytest.raises(NotAllowed):
        triage(setting.teacher.user)
    assert refusals(setting.teacher.user) == 1


# -- the steps in order ---------------------------------------------------------------------------


def test_steps_go_in_order(setting):
    track = open_track(setting)
    with pytest.raises(ValidationError) as error:
        services.meldcode_step_record(
            actor=setting.consulent.user, track=track, number=2, done_on=days_ago(1), notes="x", access_point=CLI
        )
    assert messages(error) == {"number": ["Eerst stap 1, dan stap 2: de stappen gaan op volgorde."]}
    walk(track, setting.consulent, 1)
    with pytest.raises(ValidationError) as error:
        walk(track, setting.consulent, 1)
    assert messages(error) == {"number": ["Stap 1 is al vastgelegd."]}
    with pytest.raises(ValidationError) as error:
        services.meldcode_weigh(
            actor=setting.consulent.user,
            track=track,
            done_on=days_ago(1),
            answers=ALL_YES,
            motivations=motivations(ALL_YES),
            access_point=CLI,
        )
    assert messages(error) == {"number": ["Eerst stap 2, dan stap 4: de stappen gaan op volgorde."]}
    assert list(track.steps.values_list("number", flat=True)) == [1]


def test_the_weighing_and_decision_are_not_plain_steps(setting):
    track = walk(open_track(setting), setting.consulent, 3)
    with pytest.raises(ValidationError) as error:
        services.meldcode_step_record(
            actor=setting.consulent.user, track=track, number=4, done_on=days_ago(1), notes="x", access_point=CLI
        )
    assert messages(error) == {"number": ["Stap 4 legt u vast met het afwegingskader en het besluit."]}


def test_a_step_records_date_person_function_and_notes(setting):
    track = walk(open_track(setting), setting.samen_doen, 1)
    record = track.steps.get()
    assert (record.number, record.done_on, record.by, record.by_function.code, record.notes, record.held) == (
        1,
        days_ago(8),
        setting.samen_doen,
        "samen_doen",
        "Verslag van stap 1.",
        None,
    )
    entry = AccessLogEntry.objects.filter(object_type="meldcode").latest("id")
    assert (entry.event, entry.categories, entry.description) == ("create", ["safety"], "meldcode stap 1 vastgelegd")


def test_step_fields_each_get_a_dutch_message_and_nothing_is_saved(setting):
    track = open_track(setting, opened_on=days_ago(3))
    with pytest.raises(ValidationError) as error:
        services.meldcode_step_record(
            actor=setting.consulent.user, track=track, number=1, done_on=None, notes=" ", held=True, access_point=CLI
        )
    assert messages(error) == {
        "done_on": ["Vul de datum in."],
        "notes": ["Schrijf wat u bij deze stap heeft gedaan en gevonden."],
        "held": ["Alleen bij stap 3 (het gesprek) geeft u aan of het is gevoerd."],
    }
    future = timezone.localdate() + timedelta(days=1)
    for done_on, message in [
        (future, "De datum ligt in de toekomst."),
        (days_ago(4), f"De datum ligt vóór de start van de meldcode ({days_ago(3):%d-%m-%Y})."),
    ]:
        with pytest.raises(ValidationError) as error:
            services.meldcode_step_record(
                actor=setting.consulent.user, track=track, number=1, done_on=done_on, notes="x", access_point=CLI
            )
        assert messages(error) == {"done_on": [message]}
    assert not StepRecord.objects.exists()
    assert (
        not AccessLogEntry.objects.filter(object_type="meldcode", event="create")
        .exclude(description__startswith="meldcode gestart")
        .exists()
    )


def test_a_step_is_not_dated_before_the_step_before_it(setting):
    track = walk(open_track(setting), setting.consulent, 2)  # step 2 on days_ago(7)
    with pytest.raises(ValidationError) as error:
        services.meldcode_step_record(
            actor=setting.consulent.user,
            track=track,
            number=3,
            done_on=days_ago(8),
            notes="x",
            held=True,
            access_point=CLI,
        )
    assert messages(error) == {"done_on": [f"De datum ligt vóór stap 2 ({days_ago(7):%d-%m-%Y})."]}


def test_the_conversation_may_be_skipped_only_with_a_motivation(setting):
    track = walk(open_track(setting), setting.consulent, 2)
    record = {"actor": setting.consulent.user, "track": track, "number": 3, "done_on": days_ago(1), "access_point": CLI}
    with pytest.raises(ValidationError) as error:
        services.meldcode_step_record(**record, notes="")
    assert messages(error) == {"held": ["Geef aan of het gesprek met de betrokkene(n) is gevoerd."]}
    with pytest.raises(ValidationError) as error:
        services.meldcode_step_record(**record, notes="", held=False)
    assert messages(error) == {
        "notes": ["Motiveer waarom het gesprek niet is gevoerd: hoe zou het de veiligheid in gevaar brengen?"]
    }
    step = services.meldcode_step_record(**record, notes="Vader is agressief bij eerdere gesprekken.", held=False)
    assert step.held is False
    assert AccessLogEntry.objects.latest("id").description == "meldcode stap 3 vastgelegd (gesprek niet gevoerd)"


# -- the afwegingskader ---------------------------------------------------------------------------


def weigh(track, actor, answers, **overrides):
    arguments = {"done_on": days_ago(2), "answers": answers, "motivations": motivations(answers)} | overrides
    return services.meldcode_weigh(actor=actor.user, track=track, access_point=CLI, **arguments)


def test_the_weighing_records_five_answers_with_their_motivations_and_the_advice(setting):
    track = walk(open_track(setting), setting.consulent, 3)
    weighing = weigh(track, setting.consulent, HELP_WITHOUT_REPORT)
    assert weighing.answers == (True, False, True, True, True)
    assert weighing.motivations == tuple(f"Motivering {n}." for n in range(1, 6))
    assert (weighing.advice.report, weighing.advice.help_possible) == (False, True)
    step = track.steps.get(number=4)
    assert (step.done_on, step.by, step.by_function.code) == (days_ago(2), setting.consulent, "jeugdconsulent")
    assert AccessLogEntry.objects.latest("id").description == (
        "meldcode stap 4 (afwegingskader) vastgelegd; advies: Hulp bieden of organiseren is mogelijk, "
        "zonder melding bij Veilig Thuis."
    )


def test_without_a_suspicion_the_other_questions_are_not_answered(setting):
    track = walk(open_track(setting), setting.consulent, 3)
    with pytest.raises(ValidationError) as error:
        weigh(track, setting.consulent, {1: False, 2: True}, motivations={1: "Verklaard: gevallen bij sport.", 3: "x"})
    assert messages(error) == {
        "answer_2": ["Zonder vermoeden (nee bij vraag 1) beantwoordt u vraag 2 niet."],
        "motivation_3": ["Zonder vermoeden (nee bij vraag 1) motiveert u vraag 3 niet."],
    }
    weighing = weigh(track, setting.consulent, {1: False})
    assert weighing.answers == (False, None, None, None, None)
    assert weighing.advice.summary.startswith("Geen vermoeden")


def test_every_missing_answer_and_motivation_gets_its_own_message_and_nothing_is_saved(setting):
    track = walk(open_track(setting), setting.consulent, 3)
    with pytest.raises(ValidationError) as error:
        weigh(track, setting.consulent, {1: True, 3: False}, motivations={1: "Ja.", 2: " "}, done_on=None)
    assert messages(error) == {
        "done_on": ["Vul de datum in."],
        "answer_2": ["Beantwoord vraag 2 met ja of nee."],
        "motivation_2": ["Motiveer uw antwoord op vraag 2."],
        "motivation_3": ["Motiveer uw antwoord op vraag 3."],
        "answer_4": ["Beantwoord vraag 4 met ja of nee."],
        "motivation_4": ["Motiveer uw antwoord op vraag 4."],
        "answer_5": ["Beantwoord vraag 5 met ja of nee."],
        "motivation_5": ["Motiveer uw antwoord op vraag 5."],
    }
    with pytest.raises(ValidationError) as error:
        weigh(track, setting.consulent, {}, motivations={})
    assert messages(error) == {
        "answer_1": ["Beantwoord vraag 1 met ja of nee."],
        "motivation_1": ["Motiveer uw antwoord op vraag 1."],
    }
    assert not Weighing.objects.exists()
    assert not track.steps.filter(number=4).exists()


# -- the decision ---------------------------------------------------------------------------------


def test_a_decision_that_follows_the_advice(setting):
    track = walk(open_track(setting), setting.consulent, 4)
    decision = decide(track, setting.consulent)
    assert (decision.report, decision.help_possible, decision.advice_report, decision.advice_help) == (
        False,
        True,
        False,
        True,
    )
    assert not decision.deviates
    step = track.steps.get(number=5)
    assert (step.done_on, step.by) == (days_ago(1), setting.consulent)
    assert AccessLogEntry.objects.latest("id").description == "meldcode stap 5 (besluit): melden nee, hulp ja"


def test_a_report_records_its_date_and_what_was_reported(setting):
    track = walk(open_track(setting), setting.consulent, 4, answers=ALL_YES)
    with pytest.raises(ValidationError) as error:
        decide(track, setting.consulent, report=True)
    assert messages(error) == {
        "reported_on": ["Vul de datum in."],
        "report_what": ["Schrijf wat u bij Veilig Thuis heeft gemeld."],
    }
    decision = decide(
        track, setting.consulent, report=True, reported_on=days_ago(1), report_what="Signalen en gesprek met moeder."
    )
    assert (decision.report, decision.reported_on, decision.advice_report, decision.advice_help) == (
        True,
        days_ago(1),
        True,
        True,
    )


def test_without_a_report_there_is_no_report_date_or_content(setting):
    track = walk(open_track(setting), setting.consulent, 4)
    with pytest.raises(ValidationError) as error:
        decide(track, setting.consulent, reported_on=days_ago(1), report_what="iets")
    assert messages(error) == {
        "reported_on": ["Zonder melding bij Veilig Thuis is er geen meldingsdatum."],
        "report_what": ["Zonder melding bij Veilig Thuis is er niets gemeld."],
    }


@pytest.mark.parametrize(
    ("answers", "decision", "advice"),
    [
        (HELP_WITHOUT_REPORT, {"report": True, "reported_on": days_ago(1), "report_what": "Alles."}, "Hulp bieden"),
        (HELP_WITHOUT_REPORT, {"help_possible": False}, "Hulp bieden"),
        (ALL_YES, {"report": False}, "Melden bij Veilig Thuis is noodzakelijk; hulp"),
        ({1: False}, {"help_possible": True}, "Geen vermoeden"),
    ],
    ids=["report-against-advice", "no-help-against-advice", "no-report-against-advice", "help-without-suspicion"],
)
def test_a_decision_against_the_advice_needs_its_own_motivation(setting, answers, decision, advice):
    track = walk(open_track(setting), setting.consulent, 4, answers=answers)
    with pytest.raises(ValidationError) as error:
        decide(track, setting.consulent, **decision)
    [message] = messages(error)["deviation_motivation"]
    assert message.startswith(f"Uw besluit wijkt af van het advies van het afwegingskader ({advice}")
    assert message.endswith("Motiveer waarom.")
    assert not Decision.objects.exists()
    assert not track.steps.filter(number=5).exists()
    recorded = decide(track, setting.consulent, **decision, deviation_motivation="Overlegd met Veilig Thuis.")
    assert recorded.deviates
    assert AccessLogEntry.objects.latest("id").description.endswith(", afwijkend van het advies")


def test_every_decision_field_gets_a_dutch_message(setting):
    track = walk(open_track(setting), setting.consulent, 4)
    with pytest.raises(ValidationError) as error:
        decide(
            track,
            setting.consulent,
            done_on=None,
            report=None,
            help_possible=None,
            report_motivation="",
            help_motivation="",
        )
    assert messages(error) == {
        "done_on": ["Vul de datum in."],
        "report": ["Kies of u meldt bij Veilig Thuis: ja of nee."],
        "report_motivation": ["Motiveer het besluit over melden bij Veilig Thuis."],
        "help_possible": ["Kies of hulp bieden of organiseren (ook) mogelijk is: ja of nee."],
        "help_motivation": ["Motiveer het besluit over hulp bieden of organiseren."],
    }
    assert not Decision.objects.exists()


# -- closing --------------------------------------------------------------------------------------


def test_closing_before_the_decision_needs_a_motivation(setting):
    track = walk(open_track(setting), setting.consulent, 2)
    with pytest.raises(ValidationError) as error:
        services.meldcode_close(actor=setting.consulent.user, track=track, motivation="", access_point=CLI)
    assert messages(error) == {
        "motivation": [
            "Motiveer waarom u de meldcode afsluit vóór het besluit (stap 5), bijvoorbeeld omdat het vermoeden "
            "is weggenomen."
        ]
    }
    track.refresh_from_db()
    assert track.is_open
    services.meldcode_close(
        actor=setting.samen_doen.user, track=track, motivation="Verklaard door de huisarts.", access_point=CLI
    )
    track.refresh_from_db()
    assert (track.status, track.closed_on, track.closed_by, track.close_motivation) == (
        "gesloten",
        timezone.localdate(),
        setting.samen_doen,
        "Verklaard door de huisarts.",
    )
    entry = AccessLogEntry.objects.latest("id")
    assert (entry.event, entry.categories, entry.description) == ("update", ["safety"], "meldcode afgesloten na stap 2")


def test_after_the_decision_closing_needs_no_motivation_and_then_nothing_more_is_recorded(setting):
    track = walk(open_track(setting), setting.consulent, 4)
    decide(track, setting.consulent)
    services.meldcode_close(actor=setting.consulent.user, track=track, motivation="", access_point=CLI)
    with pytest.raises(ValidationError) as error:
        services.meldcode_close(actor=setting.consulent.user, track=track, motivation="", access_point=CLI)
    assert error.value.messages == ["Deze meldcode is al afgesloten."]
    view = selectors.track_detail(actor=setting.consulent.user, track_id=track.pk, access_point=CLI)
    assert not view.can_write and view.next_step is None


def test_a_closed_meldcode_takes_no_more_steps_and_a_new_one_can_start(setting):
    track = walk(open_track(setting), setting.consulent, 1)
    services.meldcode_close(actor=setting.consulent.user, track=track, motivation="Vermoeden weg.", access_point=CLI)
    with pytest.raises(ValidationError) as error:
        walk(track, setting.consulent, 2)
    assert error.value.messages == ["Deze meldcode is afgesloten; er kan niets meer worden vastgelegd."]
    assert open_track(setting).is_open


# -- lists ----------------------------------------------------------------------------------------


def test_the_case_page_block_is_absent_without_a_refusal_for_who_may_not_read_it(setting):
    track = open_track(setting)
    assert selectors.tracks_for_case(actor=setting.consulent.user, case=setting.case, access_point=CLI) == [track]
    for user in (setting.teacher.user, setting.parent_user):
        assert selectors.tracks_for_case(actor=user, case=setting.case, access_point=CLI) is None
        assert refusals(user) == 0


def test_the_overview_lists_the_open_tracks_of_my_cases_only(setting):
    closed = open_track(setting)
    services.meldcode_close(actor=setting.consulent.user, track=closed, motivation="Vermoeden weg.", access_point=CLI)
    mine = walk(open_track(setting), setting.consulent, 2)
    other_case = case_with(YouthFactory(), setting.stranger, "jeugdconsulent")
    theirs = services.meldcode_open(actor=setting.stranger.user, case=other_case, reason="Zorg", access_point=CLI)
    tracks = selectors.open_tracks(actor=setting.consulent.user, access_point=CLI)
    assert tracks == [mine]
    assert tracks[0].steps_done == 2
    entry = AccessLogEntry.objects.filter(event="list").get()
    assert (entry.youth_id, entry.categories, entry.ground, entry.function_code, entry.object_ids) == (
        setting.youth.pk,
        ["safety"],
        "case",
        "jeugdconsulent",
        [str(mine.pk)],
    )
    assert selectors.open_tracks(actor=setting.stranger.user, access_point=CLI) == [theirs]
    for user in (setting.teacher.user, setting.nurse.user, setting.parent_user, setting.youth_user):
        assert selectors.open_tracks(actor=user, access_point=CLI) == []
