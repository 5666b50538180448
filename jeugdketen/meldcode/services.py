"""Changes to a meldcode: start it, record steps 1–3, weigh (step 4), decide (step 5), close.
Each takes the acting user, asks the policy (see permissions.py), validates everything before it
writes anything, and writes the access log (category safety) in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access.categories import Category
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access
from jeugdketen.cases.models import Case

from . import permissions
from .models import Decision, StepRecord, Track, Weighing
from .steps import CONVERSATION_STEP, DECISION_STEP, QUESTION_NUMBERS, WEIGHING_STEP, advise


def _log(actor, track: Track, involvement, event: str, access_point: AccessPoint, description: str) -> None:
    log_access(
        user=actor,
        youth=track.case.youth,
        event=event,
        grant=permissions.write_grant(involvement),
        object_type=permissions.OBJECT_TYPE,
        object_ids=[track.pk],
        categories=[Category.SAFETY],
        access_point=access_point,
        description=description,
    )


def _locked(track: Track) -> Track:
    """The track again, locked for this transaction: two people recording the same step at once
    wait for each other instead of both passing the checks."""
    return Track.objects.select_for_update(of=("self",)).select_related("case__youth").get(pk=track.pk)


def _text(value) -> str:
    return (value or "").strip()


def _check_date(errors: dict, field: str, value: date | None, *, not_before: date, not_before_label: str) -> None:
    if value is None:
        errors[field] = _("Vul de datum in.")
    elif value > timezone.localdate():
        errors[field] = _("De datum ligt in de toekomst.")
    elif value < not_before:
        errors[field] = _("De datum ligt vóór %(what)s (%(date)s).") % {
            "what": not_before_label,
            "date": not_before.strftime("%d-%m-%Y"),
        }


def _require_turn(track: Track, number: int) -> StepRecord | None:
    """Check that ``number`` is the step at turn: the track is open and the steps before it are
    recorded. Returns the record of the step before it."""
    if not track.is_open:
        raise ValidationError(_("Deze meldcode is afgesloten; er kan niets meer worden vastgelegd."))
    last = track.steps.order_by("-number").first()
    done = last.number if last else 0
    if number <= done:
        raise ValidationError({"number": _("Stap %(n)s is al vastgelegd.") % {"n": number}})
    if number > done + 1:
        raise ValidationError(
            {
                "number": _("Eerst stap %(next)s, dan stap %(n)s: de stappen gaan op volgorde.")
                % {"next": done + 1, "n": number}
            }
        )
    return last


def _date_floor(track: Track, previous: StepRecord | None) -> tuple[date, str]:
    if previous is None:
        return track.opened_on, _("de start van de meldcode")
    return previous.done_on, _("stap %(n)s") % {"n": previous.number}


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


@audited_atomic
def meldcode_open(*, actor, case: Case, access_point: AccessPoint, reason: str, opened_on: date | None = None) -> Track:
    """Start the meldcode for a safety concern about the youth of ``case``. The actor is involved in
    the case as medewerker Samen Doen or jeugdconsulent (the intake calls this from triage)."""
    _access, involvement = permissions.write_access(actor, case, access_point, by_track=False)
    errors: dict[str, str] = {}
    reason = _text(reason)
    if not reason:
        errors["reason"] = _("Beschrijf de zorg over de veiligheid die aanleiding is voor de meldcode.")
    opened_on = opened_on or timezone.localdate()
    if opened_on > timezone.localdate():
        errors["opened_on"] = _("De datum ligt in de toekomst.")
    Case.objects.select_for_update().filter(pk=case.pk).first()  # one start at a time per case
    if Track.objects.filter(case=case, status=Track.Status.OPEN).exists():
        errors["case"] = _("Voor deze casus loopt al een meldcode.")
    _raise(errors)
    track = Track.objects.create(
        case=case,
        reason=reason,
        opened_on=opened_on,
        opened_by=involvement.professional,
        opened_by_function=involvement.function,
    )
    _log(actor, track, involvement, Event.CREATE, access_point, f"meldcode gestart in casus {case.reference}")
    return track


@audited_atomic
def meldcode_step_record(
    *,
    actor,
    track: Track,
    number: int,
    done_on: date | None,
    notes: str,
    access_point: AccessPoint,
    held: bool | None = None,
) -> StepRecord:
    """Record step 1, 2 or 3. Step 3, the conversation with the youth and/or the parents, may be
    recorded as not held (``held=False``) when it would endanger safety; ``notes`` then says why."""
    _access, involvement = permissions.write_access(actor, track.case, access_point, by_track=True)
    track = _locked(track)
    if number in (WEIGHING_STEP, DECISION_STEP):
        raise ValidationError(
            {"number": _("Stap %(n)s legt u vast met het afwegingskader en het besluit.") % {"n": number}}
        )
    if number not in (1, 2, CONVERSATION_STEP):
        raise ValidationError({"number": _("Kies stap 1, 2 of 3.")})
    previous = _require_turn(track, number)
    errors: dict[str, str] = {}
    floor, label = _date_floor(track, previous)
    _check_date(errors, "done_on", done_on, not_before=floor, not_before_label=label)
    notes = _text(notes)
    if number == CONVERSATION_STEP:
        if held is None:
            errors["held"] = _("Geef aan of het gesprek met de betrokkene(n) is gevoerd.")
        elif not notes:
            errors["notes"] = (
                _("Schrijf wat het gesprek opleverde.")
                if held
                else _("Motiveer waarom het gesprek niet is gevoerd: hoe zou het de veiligheid in gevaar brengen?")
            )
    else:
        if held is not None:
            errors["held"] = _("Alleen bij stap 3 (het gesprek) geeft u aan of het is gevoerd.")
        if not notes:
            errors["notes"] = _("Schrijf wat u bij deze stap heeft gedaan en gevonden.")
    _raise(errors)
    record = StepRecord.objects.create(
        track=track,
        number=number,
        done_on=done_on,
        by=involvement.professional,
        by_function=involvement.function,
        notes=notes,
        held=held if number == CONVERSATION_STEP else None,
    )
    description = f"meldcode stap {number} vastgelegd"
    if number == CONVERSATION_STEP and not held:
        description += " (gesprek niet gevoerd)"
    _log(actor, track, involvement, Event.CREATE, access_point, description)
    return record


@audited_atomic
def meldcode_weigh(
    *,
    actor,
    track: Track,
    done_on: date | None,
    answers: Mapping[int, bool | None],
    motivations: Mapping[int, str],
    access_point: AccessPoint,
    notes: str = "",
) -> Weighing:
    """Step 4: answer the afwegingskader's five questions, each ja/nee with a motivation. After
    "nee" on question 1 (no suspicion) the other questions are not answered."""
    _access, involvement = permissions.write_access(actor, track.case, access_point, by_track=True)
    track = _locked(track)
    previous = _require_turn(track, WEIGHING_STEP)
    errors: dict[str, str] = {}
    floor, label = _date_floor(track, previous)
    _check_date(errors, "done_on", done_on, not_before=floor, not_before_label=label)
    values = {n: answers.get(n) for n in QUESTION_NUMBERS}
    texts = {n: _text(motivations.get(n)) for n in QUESTION_NUMBERS}
    suspicion = values[1]
    for n in QUESTION_NUMBERS:
        if n > 1 and suspicion is None:
            continue  # which questions follow depends on the answer to question 1
        if n > 1 and suspicion is False:
            if values[n] is not None:
                errors[f"answer_{n}"] = _("Zonder vermoeden (nee bij vraag 1) beantwoordt u vraag %(n)s niet.") % {
                    "n": n
                }
            elif texts[n]:
                errors[f"motivation_{n}"] = _("Zonder vermoeden (nee bij vraag 1) motiveert u vraag %(n)s niet.") % {
                    "n": n
                }
            continue
        if values[n] is None:
            errors[f"answer_{n}"] = _("Beantwoord vraag %(n)s met ja of nee.") % {"n": n}
        if not texts[n]:
            errors[f"motivation_{n}"] = _("Motiveer uw antwoord op vraag %(n)s.") % {"n": n}
    _raise(errors)
    StepRecord.objects.create(
        track=track,
        number=WEIGHING_STEP,
        done_on=done_on,
        by=involvement.professional,
        by_function=involvement.function,
        notes=_text(notes),
    )
    weighing = Weighing.objects.create(
        track=track,
        **{f"answer_{n}": values[n] for n in QUESTION_NUMBERS},
        **{f"motivation_{n}": texts[n] for n in QUESTION_NUMBERS},
    )
    _log(
        actor,
        track,
        involvement,
        Event.CREATE,
        access_point,
        f"meldcode stap {WEIGHING_STEP} (afwegingskader) vastgelegd; advies: {weighing.advice.summary}",
    )
    return weighing


@audited_atomic
def meldcode_decide(
    *,
    actor,
    track: Track,
    done_on: date | None,
    report: bool | None,
    report_motivation: str,
    help_possible: bool | None,
    help_motivation: str,
    access_point: AccessPoint,
    reported_on: date | None = None,
    report_what: str = "",
    deviation_motivation: str = "",
) -> Decision:
    """Step 5: the two decisions — melden bij Veilig Thuis (with the date and what was reported),
    and whether hulp bieden of organiseren (ook) mogelijk is — each with a motivation. A decision
    that deviates from the afwegingskader's advice needs ``deviation_motivation``."""
    _access, involvement = permissions.write_access(actor, track.case, access_point, by_track=True)
    track = _locked(track)
    previous = _require_turn(track, DECISION_STEP)
    advice = advise(track.weighing.answers)
    errors: dict[str, str] = {}
    floor, label = _date_floor(track, previous)
    _check_date(errors, "done_on", done_on, not_before=floor, not_before_label=label)
    report_what = _text(report_what)
    if report is None:
        errors["report"] = _("Kies of u meldt bij Veilig Thuis: ja of nee.")
    elif report:
        _check_date(
            errors,
            "reported_on",
            reported_on,
            not_before=track.opened_on,
            not_before_label=_("de start van de meldcode"),
        )
        if not report_what:
            errors["report_what"] = _("Schrijf wat u bij Veilig Thuis heeft gemeld.")
    else:
        if reported_on is not None:
            errors["reported_on"] = _("Zonder melding bij Veilig Thuis is er geen meldingsdatum.")
        if report_what:
            errors["report_what"] = _("Zonder melding bij Veilig Thuis is er niets gemeld.")
    if not _text(report_motivation):
        errors["report_motivation"] = _("Motiveer het besluit over melden bij Veilig Thuis.")
    if help_possible is None:
        errors["help_possible"] = _("Kies of hulp bieden of organiseren (ook) mogelijk is: ja of nee.")
    if not _text(help_motivation):
        errors["help_motivation"] = _("Motiveer het besluit over hulp bieden of organiseren.")
    deviation_motivation = _text(deviation_motivation)
    deviates = (report is not None and report != advice.report) or (
        help_possible is not None and help_possible != advice.help_possible
    )
    if deviates and not deviation_motivation:
        errors["deviation_motivation"] = _(
            "Uw besluit wijkt af van het advies van het afwegingskader (%(advice)s) Motiveer waarom."
        ) % {"advice": advice.summary}
    _raise(errors)
    StepRecord.objects.create(
        track=track,
        number=DECISION_STEP,
        done_on=done_on,
        by=involvement.professional,
        by_function=involvement.function,
    )
    decision = Decision.objects.create(
        track=track,
        report=report,
        reported_on=reported_on if report else None,
        report_what=report_what,
        report_motivation=_text(report_motivation),
        help_possible=help_possible,
        help_motivation=_text(help_motivation),
        advice_report=advice.report,
        advice_help=advice.help_possible,
        deviation_motivation=deviation_motivation,
    )
    description = (
        f"meldcode stap {DECISION_STEP} (besluit): melden {'ja' if report else 'nee'}, "
        f"hulp {'ja' if help_possible else 'nee'}{', afwijkend van het advies' if deviates else ''}"
    )
    _log(actor, track, involvement, Event.CREATE, access_point, description)
    return decision


@audited_atomic
def meldcode_close(
    *, actor, track: Track, motivation: str, access_point: AccessPoint, closed_on: date | None = None
) -> Track:
    """Close the meldcode: after the decision (step 5), or earlier with a motivation, for instance
    because the suspicion has been taken away."""
    _access, involvement = permissions.write_access(actor, track.case, access_point, by_track=True)
    track = _locked(track)
    if not track.is_open:
        raise ValidationError(_("Deze meldcode is al afgesloten."))
    last = track.steps.order_by("-number").first()
    errors: dict[str, str] = {}
    closed_on = closed_on or timezone.localdate()
    floor, label = _date_floor(track, last)
    _check_date(errors, "closed_on", closed_on, not_before=floor, not_before_label=label)
    motivation = _text(motivation)
    decided = last is not None and last.number == DECISION_STEP
    if not motivation and not decided:
        errors["motivation"] = _(
            "Motiveer waarom u de meldcode afsluit vóór het besluit (stap %(n)s), bijvoorbeeld omdat het "
            "vermoeden is weggenomen."
        ) % {"n": DECISION_STEP}
    _raise(errors)
    track.status = Track.Status.CLOSED
    track.closed_on = closed_on
    track.closed_by = involvement.professional
    track.closed_by_function = involvement.function
    track.close_motivation = motivation
    track.save(update_fields=["status", "closed_on", "closed_by", "closed_by_function", "close_motivation"])
    done = last.number if last else 0
    _log(actor, track, involvement, Event.UPDATE, access_point, f"meldcode afgesloten na stap {done}")
    return track
