"""Changes to signals: the stagnation sweep, a recipient handling a signal, and recording the
nazorg contact. (Telling recipients by e-mail is in ``notify.py``.)

The sweep is set-based and idempotent. Per kind, in one short transaction, it resolves the open
signals whose cause has gone (one UPDATE) and inserts the signals of today's causes with
``INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING id`` (one statement): the unique constraints
on the cause make a second sweep — also one running at the same moment — add nothing, and
RETURNING names exactly the signals this sweep added, which alone are mailed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial

from django.core.exceptions import ValidationError
from django.db import connections, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.intake.services import no_markup
from jeugdketen.plans.models import Plan

from . import causes, recipients, selectors
from .models import NazorgContact, Signal

OBJECT_TYPE = "signal"
# New signals per e-mail task: the first sweep after a backlog can raise thousands at once.
NOTIFY_BATCH = 500
NOTE_MAX = 2000


# --- the sweep ------------------------------------------------------------------------------------


@dataclass
class SweepResult:
    today: date
    raised: dict[str, int] = field(default_factory=dict)
    resolved: dict[str, int] = field(default_factory=dict)
    new_ids: list[int] = field(default_factory=list, repr=False)

    @property
    def total_raised(self) -> int:
        return sum(self.raised.values())

    @property
    def total_resolved(self) -> int:
        return sum(self.resolved.values())

    def as_dict(self) -> dict:
        return {"today": self.today.isoformat(), "raised": self.raised, "resolved": self.resolved}


def _insert_new(source: QuerySet, columns: tuple[str, ...]) -> list[int]:
    """INSERT the rows of ``source`` as signals, skipping every row whose cause already has one;
    the ids of the rows actually inserted."""
    connection = connections[source.db]
    select, params = source.query.get_compiler(using=source.db).as_sql()
    qn = connection.ops.quote_name
    names = ", ".join(qn(Signal._meta.get_field(name).column) for name in columns)
    sql = (
        f"INSERT INTO {qn(Signal._meta.db_table)} ({names}) {select} "
        f"ON CONFLICT DO NOTHING RETURNING {qn(Signal._meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _notify_on_commit(ids: list[int]) -> None:
    from .tasks import notify_signals

    for start in range(0, len(ids), NOTIFY_BATCH):
        transaction.on_commit(partial(notify_signals.enqueue, ids[start : start + NOTIFY_BATCH]))


def stagnation_sweep(*, today: date | None = None) -> SweepResult:
    """Raise a signal for every cause of stagnation on ``today`` (default: the local date) that
    has none yet, and resolve the open signals whose cause has gone. Safe to run twice, also at
    the same moment. The new signals are mailed by a task once their transaction has committed."""
    today = today or timezone.localdate()
    result = SweepResult(today)
    for kind, cause in causes.CAUSES.items():
        with transaction.atomic():
            result.resolved[str(kind)] = causes.gone(kind).update(
                resolved_at=timezone.now(), resolution=Signal.Resolution.CAUSE_GONE
            )
            ids = _insert_new(causes.rows(kind, today), cause.columns)
            result.raised[str(kind)] = len(ids)
            result.new_ids.extend(ids)
            _notify_on_commit(ids)
    return result


# --- acting on a signal -----------------------------------------------------------------------------


def _note(note: str) -> str:
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Schrijf kort op wat u met het signaal hebt gedaan.")})
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": _("Te lang: ten hoogste %(n)s tekens.") % {"n": NOTE_MAX}})
    no_markup(note, "note", _("De toelichting"))
    return note


def _held_on(held_on: date | None, today: date) -> date:
    if held_on is None:
        return today
    if held_on > today:
        raise ValidationError({"held_on": _("De datum van het nazorgcontact ligt niet in de toekomst.")})
    return held_on


def _record_nazorg(plan: Plan, *, professional, held_on: date, note: str) -> NazorgContact:
    """The contact for the plan's current nazorg moment; every open nazorg signal of it resolves."""
    if plan.nazorg_on is None:
        raise ValidationError({None: _("Het plan heeft geen nazorgmoment.")})
    contact, created = NazorgContact.objects.get_or_create(
        plan=plan,
        due_on=plan.nazorg_on,
        defaults={"held_on": held_on, "note": note, "recorded_by": professional},
    )
    if not created:
        raise ValidationError({None: _("Het nazorgcontact voor dit moment is al vastgelegd.")})
    Signal.objects.filter(
        kind=Signal.Kind.NAZORG_DUE, case_id=plan.case_id, due_on=plan.nazorg_on, resolved_at__isnull=True
    ).update(
        resolved_at=timezone.now(),
        resolution=Signal.Resolution.HANDLED,
        handled_by=professional,
        handled_note=note,
    )
    return contact


@audited_atomic
def signal_handle(
    *,
    actor,
    signal_id: int,
    note: str,
    access_point: AccessPoint,
    held_on: date | None = None,
    today: date | None = None,
) -> Signal:
    """A recipient marks a signal handled, saying what they did. For a nazorg signal this records
    the nazorg contact (on ``held_on``, default today)."""
    today = today or timezone.localdate()
    signal, grant = selectors.signal_for_recipient(
        actor=actor, signal_id=signal_id, access_point=access_point, today=today, for_update=True
    )
    if not signal.is_open:
        raise ValidationError({"note": _("Dit signaal is al afgehandeld.")})
    note = _note(note)
    professional = policy.professional_of(actor)
    if signal.kind == Signal.Kind.NAZORG_DUE:
        plan = Plan.objects.get(case_id=signal.case_id)
        if plan.nazorg_on != signal.due_on:
            raise ValidationError({None: _("Het nazorgmoment is intussen verplaatst.")})
        _record_nazorg(plan, professional=professional, held_on=_held_on(held_on, today), note=note)
        signal.refresh_from_db()
    else:
        signal.resolved_at = timezone.now()
        signal.resolution = Signal.Resolution.HANDLED
        signal.handled_by = professional
        signal.handled_note = note
        signal.save(update_fields=["resolved_at", "resolution", "handled_by", "handled_note"])
    log_access(
        user=actor,
        youth=signal.case.youth_id,
        event=Event.UPDATE,
        grant=grant,
        object_type=OBJECT_TYPE,
        object_ids=[signal.pk],
        categories=[Category.PLAN],
        access_point=access_point,
        description=f"signaal afgehandeld: {signal.get_kind_display().lower()}",
    )
    return signal


@audited_atomic
def nazorg_record(
    *,
    actor,
    plan: Plan,
    note: str,
    access_point: AccessPoint,
    held_on: date | None = None,
    today: date | None = None,
) -> NazorgContact:
    """The casusregisseur records the nazorg contact of a closed case (before or after its moment);
    the sweep then raises no nazorg signal for it, and an open one resolves."""
    today = today or timezone.localdate()
    case = plan.case
    professional = policy.professional_of(actor)
    involvement = None
    if professional is not None:
        involvement = (
            recipients.plan_involvements(today)
            .filter(case_id=case.pk, professional=professional)
            .select_related("function")
            .first()
        )
    if involvement is None:
        log_refusal(user=actor, youth=case.youth_id, object_type="plan", access_point=access_point)
        raise NotFoundOrForbidden
    if case.casusregisseur_id != professional.pk:
        log_refusal(
            user=actor,
            youth=case.youth_id,
            object_type="plan",
            access_point=access_point,
            description="nazorg: alleen de casusregisseur",
        )
        raise NotAllowed(_("Alleen de casusregisseur legt het nazorgcontact vast."))
    if case.is_open:
        raise ValidationError({None: _("Nazorg volgt op een afgesloten casus.")})
    contact = _record_nazorg(plan, professional=professional, held_on=_held_on(held_on, today), note=_note(note))
    log_access(
        user=actor,
        youth=case.youth_id,
        event=Event.CREATE,
        grant=policy.Grant(Category.PLAN, Ground.CASE_INVOLVEMENT, involvement.function, case.reference, True),
        object_type="plan",
        object_ids=[f"plan:{plan.pk}", f"nazorg:{contact.pk}"],
        categories=[Category.PLAN],
        access_point=access_point,
        description="nazorgcontact vastgelegd",
    )
    return contact
