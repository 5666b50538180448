"""Placing and withdrawing signals in the verwijsindex, matches, agreeing who holds regie, and the
daily end of signals whose term has passed. Every operation takes the acting user, checks
``rules``, and logs in the access log (NEN 7513) in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Channel, Event, audited_atomic, log_access, log_refusal
from jeugdketen.intake.services import no_markup
from jeugdketen.organisations.models import Municipality
from jeugdketen.youth.models import Youth
from jeugdketen.youth.validators import bsn_is_valid, normalise_bsn

from . import law, rules
from .models import Match, RegieAgreement, Signal

OBJECT_TYPE = "verwijsindex_signal"
TASK = AccessPoint(Channel.TASK)
NOTE_MAX = 300


def grant(function, detail: str = "") -> policy.Grant:
    """The ground of a placer's own signal: who the youth is, nothing more."""
    return policy.Grant(Category.IDENTITY, Ground.VERWIJSINDEX, function, detail)


@dataclass
class Placement:
    """Who the youth is, as the placer knows them (the BSN is the key of the index)."""

    bsn: str
    date_of_birth: date | None
    first_name: str
    last_name: str
    municipality: Municipality | None
    phone: str
    name_prefix: str = ""
    email: str = ""


def _clean(data: Placement, today: date) -> dict:
    errors: dict[str, str] = {}
    bsn = normalise_bsn(data.bsn or "")
    if not bsn:
        errors["bsn"] = _("Vul het BSN van de jeugdige in: de verwijsindex werkt met het BSN.")
    elif not bsn_is_valid(bsn):
        errors["bsn"] = _("Dit is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef.")
    if data.date_of_birth is None:
        errors["date_of_birth"] = _("Vul de geboortedatum in.")
    elif data.date_of_birth > today:
        errors["date_of_birth"] = _("De geboortedatum ligt in de toekomst.")
    elif not law.may_be_placed(data.date_of_birth, today):
        errors["date_of_birth"] = _(
            "Een signaal kan alleen worden afgegeven voor een jeugdige jonger dan %(age)d jaar."
        ) % {"age": law.AGE_LIMIT}
    for name, label, maximum in (("first_name", _("Voornaam"), 100), ("last_name", _("Achternaam"), 100),
                                 ("name_prefix", _("Tussenvoegsel"), 20)):  # fmt: skip
        value = (getattr(data, name) or "").strip()
        if not value and name != "name_prefix":
            errors[name] = _("Vul de %(label)s in.") % {"label": str(label).lower()}
        elif len(value) > maximum:
            errors[name] = _("%(label)s is te lang (hoogstens %(n)d tekens).") % {"label": label, "n": maximum}
        elif value:
            try:
                no_markup(value, name, label)
            except ValidationError as exc:
                errors[name] = exc.message_dict[name][0]
    if data.municipality is None:
        errors["municipality"] = _("Kies de woongemeente van de jeugdige.")
    phone = (data.phone or "").strip()
    if not phone:
        errors["phone"] = _("Vul uw telefoonnummer in: zo bereikt een andere professional u bij een match.")
    elif len(phone) > 20:
        errors["phone"] = _("Het telefoonnummer is te lang (hoogstens 20 tekens).")
    if errors:
        raise ValidationError(errors)
    return {"bsn": bsn, "phone": phone, "email": (data.email or "").strip()}


def _youth(actor, data: Placement, bsn: str, access_point: AccessPoint) -> Youth:
    """The youth with this BSN, locked so that two signals placed at once both see each other; a
    new youth record when the app does not know the BSN yet (two placers creating it at once: the
    second finds the first's). A BSN with another date of birth is refused and logged, so that
    trying dates shows in the access log."""
    youth = Youth.objects.with_bsn([bsn]).select_for_update().first()
    if youth is None:
        try:
            with transaction.atomic():
                return Youth.objects.create(
                    bsn=bsn,
                    date_of_birth=data.date_of_birth,
                    first_name=data.first_name.strip(),
                    name_prefix=(data.name_prefix or "").strip(),
                    last_name=data.last_name.strip(),
                    municipality=data.municipality,
                )
        except IntegrityError:
            youth = Youth.objects.with_bsn([bsn]).select_for_update().get()
    if youth.date_of_birth != data.date_of_birth:
        log_refusal(user=actor, youth=youth, object_type=OBJECT_TYPE, access_point=access_point,
                    description="verwijsindex: BSN en geboortedatum horen niet bij elkaar")  # fmt: skip
        raise ValidationError(
            {"date_of_birth": _("Dit BSN en deze geboortedatum horen niet bij dezelfde jeugdige. Controleer beide.")}
        )
    return youth


@audited_atomic
def signal_place(*, actor, data: Placement, access_point: AccessPoint) -> tuple[Signal, list[Match]]:
    """Place a signal: only that the actor is involved with the youth, their organisation and how
    to reach them. Every other active signal on the youth makes a match; both placers are told at
    once, and the family is told that a signal was placed."""
    placing = rules.placer(actor)
    if placing is None:
        raise NotAllowed(_("Uw functie geeft geen signalen af in de verwijsindex."))
    professional, function = placing
    today = timezone.localdate()
    values = _clean(data, today)
    youth = _youth(actor, data, values["bsn"], access_point)
    own = Signal.objects.active(today).filter(youth=youth, professional=professional).first()
    if own is not None:
        raise ValidationError(
            {
                "bsn": _("U hebt al een signaal op deze jeugdige, geplaatst op %(d)s.")
                % {"d": f"{own.placed_on:%d-%m-%Y}"}
            }
        )
    # A signal whose term passed but was not yet closed by the daily run is closed now.
    Signal.objects.filter(youth=youth, professional=professional, ended_on__isnull=True).update(
        ended_on=today, end_reason=Signal.EndReason.TERM
    )
    signal = Signal.objects.create(
        youth=youth,
        professional=professional,
        organisation=professional.organisation,
        function=function,
        phone=values["phone"],
        email=values["email"] or professional.email,
        placed_on=today,
        ends_on=law.ends_on(today, youth.date_of_birth),
    )
    others = list(Signal.objects.active(today).filter(youth=youth).exclude(pk=signal.pk).order_by("placed_on", "pk"))
    matches = Match.objects.bulk_create([Match(youth=youth, first=other, second=signal) for other in others])
    log_access(
        user=actor,
        youth=youth,
        event=Event.CREATE,
        grant=grant(function, professional.organisation.name),
        object_type=OBJECT_TYPE,
        object_ids=[signal.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"signaal afgegeven in de verwijsindex; {len(matches)} match(es)",
    )
    from .tasks import notify_placement

    transaction.on_commit(partial(notify_placement.enqueue, signal.pk))
    return signal, matches


def _own(actor, signal_id: int, access_point: AccessPoint) -> tuple[Signal, object]:
    placing = rules.placer(actor)
    signal = (
        Signal.objects.select_for_update(of=("self",)).select_related("youth").filter(pk=signal_id).first()
        if placing
        else None
    )
    if signal is None or signal.professional_id != placing[0].pk:
        if signal is not None:
            log_refusal(user=actor, youth=signal.youth_id, object_type=OBJECT_TYPE, access_point=access_point)
        raise NotFoundOrForbidden
    return signal, placing[1]


@audited_atomic
def signal_withdraw(*, actor, signal_id: int, access_point: AccessPoint) -> Signal:
    """The placer withdraws their signal: they are no longer involved. It ends today."""
    signal, function = _own(actor, signal_id, access_point)
    if signal.ended_on is not None:
        raise ValidationError(_("Dit signaal is al beëindigd."))
    signal.ended_on = timezone.localdate()
    signal.end_reason = Signal.EndReason.WITHDRAWN
    signal.save(update_fields=["ended_on", "end_reason"])
    log_access(
        user=actor,
        youth=signal.youth,
        event=Event.UPDATE,
        grant=grant(function),
        object_type=OBJECT_TYPE,
        object_ids=[signal.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description="signaal in de verwijsindex ingetrokken",
    )
    return signal


@audited_atomic
def regie_agree(
    *, actor, signal_id: int, holder_id: int | None, note: str, access_point: AccessPoint
) -> RegieAgreement:
    """After a match, a placer records who holds regie: one of the professionals with an active
    signal on the youth (``signal_id`` is the actor's own)."""
    signal, function = _own(actor, signal_id, access_point)
    today = timezone.localdate()
    if not signal.is_active(today):
        raise ValidationError(_("Dit signaal is beëindigd."))
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": _("De afspraak is te lang (hoogstens %(n)d tekens).") % {"n": NOTE_MAX}})
    no_markup(note, "note", _("De afspraak"))
    holder = Signal.objects.active(today).filter(youth=signal.youth_id, pk=holder_id).first() if holder_id else None
    if holder is None:
        raise ValidationError({"holder": _("Kies wie de regie heeft: een van de professionals met een signaal.")})
    if not Signal.objects.active(today).filter(youth=signal.youth_id).exclude(pk=signal.pk).exists():
        raise ValidationError({"holder": _("Regie spreekt u af na een match: er is nog geen ander signaal.")})
    agreement = RegieAgreement.objects.create(
        youth_id=signal.youth_id, holder=holder, recorded_by=signal.professional, note=note
    )
    log_access(
        user=actor,
        youth=signal.youth,
        event=Event.UPDATE,
        grant=grant(function),
        object_type="verwijsindex_regie",
        object_ids=[agreement.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"regie afgesproken: {holder.professional.name} ({holder.organisation.name})",
    )
    return agreement


@transaction.atomic
def signals_expire(*, today: date | None = None) -> int:
    """End every signal whose term has passed (2 years, or the youth's 23rd birthday), and those of
    professionals who have left; the daily run. Returns how many ended. Logged per youth."""
    from jeugdketen.auditlog.services import log_many

    today = today or timezone.localdate()
    due = list(
        Signal.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(ended_on__isnull=True)
        .filter(Q(ends_on__lte=today) | Q(professional__left_on__lte=today))
        .select_related("youth", "professional")
    )
    entries = []
    for signal in due:
        if signal.ends_on <= today:
            at_age = signal.ends_on == law.birthday(signal.youth.date_of_birth, law.AGE_LIMIT)
            signal.end_reason = Signal.EndReason.AGE if at_age else Signal.EndReason.TERM
            signal.ended_on = signal.ends_on
        else:
            signal.end_reason = Signal.EndReason.LEFT
            signal.ended_on = signal.professional.left_on
        entries.append(
            {
                "user": None,
                "youth": signal.youth_id,
                "event": Event.UPDATE,
                "grant": None,
                "object_type": OBJECT_TYPE,
                "object_ids": [signal.pk],
                "categories": [Category.IDENTITY],
                "access_point": TASK,
                "description": f"signaal in de verwijsindex beëindigd: {signal.get_end_reason_display().lower()}",
            }
        )
    Signal.objects.bulk_update(due, ["ended_on", "end_reason"])
    log_many(entries)
    return len(due)
