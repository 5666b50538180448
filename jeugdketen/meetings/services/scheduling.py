"""Planning a meeting and inviting who takes part."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.cases.models import Case, Involvement
from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Carer, CarerRelation

from ..models import Meeting, MeetingCase, Participant
from .common import (
    OBJECT_TYPE,
    PLACE_MAX_LENGTH,
    SCHEDULE_AHEAD_DAYS,
    SCHEDULE_PAST_DAYS,
    C,
    cases_message,
    involvement_grant,
    object_ids_of,
    plain_text,
    require_manager,
    require_open,
)

# --- scheduling and invitations ---------------------------------------------------------------------


@audited_atomic
def meeting_schedule(
    *,
    actor,
    kind: str,
    starts_at: datetime | None,
    place: str,
    chair: Professional | None,
    cases: Sequence[Case],
    access_point: AccessPoint,
) -> Meeting:
    """Plan an MDO, breed overleg or leerlingbespreking about one or more cases the actor is involved
    in. The actor organises it; the chair is any professional (often the IB'er or the casusregisseur)."""
    professional = policy.professional_of(actor)
    if professional is None:
        raise NotAllowed(_("Alleen professionals plannen een overleg."))
    errors: dict[str, str] = {}
    if kind not in Meeting.Kind.values:
        errors["kind"] = _("Kies het soort overleg.")
    today = timezone.localdate()
    if starts_at is None:
        errors["starts_at"] = _("Vul de datum en de tijd van het overleg in.")
    else:
        try:
            day = timezone.localtime(starts_at).date()
        except (OverflowError, ValueError):  # e.g. the year 9999 in a time zone east of ours
            day = today + timedelta(days=SCHEDULE_AHEAD_DAYS + 1)
        if day < today - timedelta(days=SCHEDULE_PAST_DAYS):
            errors["starts_at"] = _("Een overleg van meer dan twee weken geleden legt u hier niet meer vast.")
        elif day > today + timedelta(days=SCHEDULE_AHEAD_DAYS):
            errors["starts_at"] = _("Plan een overleg ten hoogste een jaar vooruit.")
    place = plain_text(
        errors,
        "place",
        place,
        _("Plaats"),
        _("Vul in waar het overleg is: een adres, een ruimte of ‘online’."),
        PLACE_MAX_LENGTH,
    )
    if chair is None:
        errors["chair"] = _("Kies de voorzitter.")
    elif not chair.user.is_active or not policy.functions_for_involvement(chair):
        errors["chair"] = _("Kies een professional met een functie in de samenwerking als voorzitter.")
    unique_cases = list({case.pk: case for case in cases}.values())
    if not unique_cases:
        errors["cases"] = _("Kies minstens één casus om te bespreken.")
    involvements = {}
    for case in unique_cases:
        access = policy.access_for(actor, case.youth)
        involvement = access.involvement_in(case.pk)
        if involvement is None:
            log_refusal(
                user=actor,
                youth=case.youth,
                object_type=OBJECT_TYPE,
                access_point=access_point,
                description="agenderen zonder betrokkenheid",
            )
            errors["cases"] = cases_message()
        involvements[case.pk] = involvement
    if errors:
        raise ValidationError(errors)
    meeting = Meeting.objects.create(
        kind=kind, starts_at=starts_at, place=place, chair=chair, organised_by=professional
    )
    for order, case in enumerate(unique_cases):
        item = MeetingCase.objects.create(meeting=meeting, case=case, order=order)
        log_access(
            user=actor,
            youth=case.youth,
            event=Event.CREATE,
            grant=involvement_grant(involvements[case.pk], C.IDENTITY, case),
            object_type=OBJECT_TYPE,
            object_ids=object_ids_of(meeting, item),
            categories=[C.IDENTITY],
            access_point=access_point,
            description=f"{meeting.short_name} gepland",
        )
    return meeting


@audited_atomic
def participants_invite(
    *,
    actor,
    meeting: Meeting,
    access_point: AccessPoint,
    professionals: Iterable[Professional] = (),
    family: Iterable[tuple[MeetingCase, Carer | None]] = (),
) -> list[Participant]:
    """The chair or organiser invites professionals involved in one of the meeting's cases, and per
    case the parents with gezag (while the youth is under 16) and the youth from 12 (``None`` as
    carer: the youth). Someone who takes part already is left as they are."""
    require_manager(actor, meeting, access_point)
    require_open(meeting)
    professionals, family = list(professionals), list(family)
    if not professionals and not family:
        raise ValidationError({"professionals": _("Kies wie u uitnodigt.")})
    items = {item.pk: item for item in meeting.items.select_related("case__youth")}
    accesses: dict[int, policy.YouthAccess] = {}
    for item in items.values():
        if item.case.youth_id not in accesses:
            accesses[item.case.youth_id] = policy.access_for(actor, item.case.youth)
    seen = {item.case_id for item in items.values() if item.case_id in accesses[item.case.youth_id].case_ids}
    errors: dict[str, str] = {}

    # Professionals: involved in a case of the meeting, as far as the inviter may see who is (the
    # police's involvement is shown only to those the policy allows).
    invitable: set[int] = set()
    for inv in (
        Involvement.objects.active()
        .filter(case_id__in=seen, case__status__in=Case.OPEN_STATUSES)
        .select_related("function", "case")
    ):
        if policy.involvement_visible(accesses[inv.case.youth_id], inv.case, inv.function.code):
            invitable.add(inv.professional_id)
    present = set(
        meeting.participants.filter(role=Participant.Role.PROFESSIONAL).values_list("professional_id", flat=True)
    )
    new_professionals = []
    for professional in professionals:
        if professional.pk in present or professional.pk == meeting.chair_id or professional in new_professionals:
            continue
        if professional.pk not in invitable:
            errors["professionals"] = _(
                "%(name)s is niet betrokken bij een casus van dit overleg. Betrek iemand eerst bij de casus."
            ) % {"name": professional.name}
            continue
        new_professionals.append(professional)

    # Parents and the youth, per case.
    relations = {
        (r.youth_id, r.carer_id): r
        for r in CarerRelation.objects.filter(youth_id__in=[i.case.youth_id for i in items.values()], has_gezag=True)
    }
    present_family = {
        (p.item_id, p.carer_id, p.youth_id) for p in meeting.participants.exclude(role=Participant.Role.PROFESSIONAL)
    }
    new_family: list[Participant] = []
    today = timezone.localdate()
    for item, carer in family:
        item = items.get(item.pk)
        if (
            item is None
            or item.case_id not in seen
            or accesses[item.case.youth_id].involvement_in(item.case_id) is None
        ):
            errors["family"] = _("Nodig ouders en de jeugdige uit bij een casus waarbij u zelf betrokken bent.")
            continue
        youth = item.case.youth
        age = youth.age(today)
        if carer is None:
            if age < policy.YOUTH_OWN_ACCESS_FROM_AGE:
                errors["family"] = _("%(name)s is jonger dan 12; de ouders nemen deel.") % {"name": youth.full_name}
                continue
            participant = Participant(meeting=meeting, role=Participant.Role.YOUTH, item=item, youth=youth)
        else:
            if (youth.pk, carer.pk) not in relations:
                errors["family"] = _("%(name)s heeft geen gezag over %(youth)s.") % {
                    "name": carer.full_name,
                    "youth": youth.full_name,
                }
                continue
            if age >= policy.PARENT_ACCESS_UNTIL_AGE:
                errors["family"] = _(
                    "%(youth)s is 16 of ouder en beslist zelf wie meepraat; ouders nodigt u hier niet meer uit."
                ) % {"youth": youth.full_name}
                continue
            participant = Participant(meeting=meeting, role=Participant.Role.PARENT, item=item, carer=carer)
        key = (item.pk, participant.carer_id, participant.youth_id)
        if key not in present_family:
            present_family.add(key)
            new_family.append(participant)
    if errors:
        raise ValidationError(errors)

    created = [
        Participant.objects.create(meeting=meeting, role=Participant.Role.PROFESSIONAL, professional=p)
        for p in new_professionals
    ]
    for participant in new_family:
        participant.save()
        created.append(participant)
    names = ", ".join(p.name for p in created) or "niemand nieuw"
    for item in items.values():
        if item.case_id not in seen:
            continue
        access = accesses[item.case.youth_id]
        involvement = access.involvement_in(item.case_id)
        log_access(
            user=actor,
            youth=item.case.youth,
            event=Event.UPDATE,
            grant=involvement_grant(involvement, C.IDENTITY, item.case) if involvement else access.primary_grant,
            object_type=OBJECT_TYPE,
            object_ids=object_ids_of(meeting, item, *(f"participant:{p.pk}" for p in created)),
            categories=[C.IDENTITY],
            access_point=access_point,
            description=f"uitgenodigd: {names}",
        )
    return created
