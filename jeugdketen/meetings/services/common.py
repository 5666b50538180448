"""What the meeting services share: limits, checks on who may do what, and plain-text input."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, log_refusal
from jeugdketen.cases.models import Case, Involvement
from jeugdketen.intake.services import no_markup
from jeugdketen.organisations.models import Professional

from ..models import Meeting, MeetingCase, Participant

C = Category
OBJECT_TYPE = "meeting"
NON_FIELD = "non_field_errors"  # DRF's name; forms show it above the fields
TEXT_MAX_LENGTH = 4000
PLACE_MAX_LENGTH = 200
# A meeting held in the last two weeks can still be recorded; one is planned at most a year ahead.
SCHEDULE_PAST_DAYS = 14
SCHEDULE_AHEAD_DAYS = 366


def cases_message() -> str:
    return _("U kunt alleen casussen agenderen waarbij u zelf betrokken bent.")


# --- helpers ----------------------------------------------------------------------------------------


def object_ids_of(meeting: Meeting, item: MeetingCase | None = None, *more: str) -> list[str]:
    ids = [f"meeting:{meeting.pk}"]
    if item is not None:
        ids.append(f"item:{item.pk}")
    return [*ids, *more]


def plain_text(
    errors: dict, field: str, value: str, label: str, missing: str, max_length: int = TEXT_MAX_LENGTH
) -> str:
    """Plain text for ``field``, or a message in ``errors`` (so every field is checked at once)."""
    value = (value or "").strip()
    if not value:
        errors[field] = missing
    elif len(value) > max_length:
        errors[field] = _("%(label)s is te lang: ten hoogste %(n)s tekens.") % {"label": label, "n": max_length}
    else:
        try:
            no_markup(value, field, label)
        except ValidationError as exc:
            errors.update({key: messages[0] for key, messages in exc.message_dict.items()})
    return value


def case_access(actor, case: Case, access_point: AccessPoint) -> policy.YouthAccess:
    """The actor's access to the case's youth, or 404 (logged) when the case is not theirs to see."""
    access = policy.access_for(actor, case.youth)
    if case.pk not in access.case_ids:
        log_refusal(user=actor, youth=case.youth, object_type=OBJECT_TYPE, access_point=access_point)
        raise NotFoundOrForbidden
    return access


def refuse(actor, case: Case, access_point: AccessPoint, message: str, description: str) -> None:
    log_refusal(
        user=actor, youth=case.youth, object_type=OBJECT_TYPE, access_point=access_point, description=description
    )
    raise NotAllowed(message)


def is_member(actor, meeting: Meeting) -> bool:
    """The chair, the organiser and the invited professionals take part in the whole meeting."""
    professional = policy.professional_of(actor)
    if professional is None:
        return False
    if professional.pk in (meeting.chair_id, meeting.organised_by_id):
        return True
    return meeting.participants.filter(role=Participant.Role.PROFESSIONAL, professional=professional).exists()


def require_open(meeting: Meeting) -> None:
    if meeting.is_closed:
        raise ValidationError({NON_FIELD: _("Dit overleg is afgerond; het verslag en de besluiten liggen vast.")})


def writer_check(*, actor, item: MeetingCase, access_point: AccessPoint, category: Category | None = None):
    """Refuse (403 or 404, logged) who may not write in this item — for a page that turns someone away
    before their form is even read."""
    require_writer(actor, item, access_point, category)


def require_writer(actor, item: MeetingCase, access_point: AccessPoint, category: Category | None = None):
    """A professional who takes part in the meeting and is involved in the item's case (in a function
    that may write ``category``). Returns the access and the involvement."""
    case = item.case
    access = case_access(actor, case, access_point)
    if not is_member(actor, item.meeting):
        refuse(
            actor,
            case,
            access_point,
            _("Alleen deelnemers aan het overleg leggen het verslag en de besluiten vast."),
            "geen deelnemer aan het overleg",
        )
    involvement = access.involvement_in(case.pk, category)
    if involvement is None:
        if category == C.PLAN:
            message = _("Besluiten en de uitkomst legt een betrokken professional vast die het plan van aanpak deelt.")
        else:
            message = _("Alleen professionals die bij deze casus betrokken zijn schrijven in het verslag.")
        refuse(actor, case, access_point, message, "schrijven zonder betrokkenheid")
    require_open(item.meeting)
    return access, involvement


def involvement_grant(involvement: Involvement, category: Category, case: Case) -> policy.Grant:
    return policy.Grant(category, Ground.CASE_INVOLVEMENT, involvement.function, case.reference, True)


def require_manager(actor, meeting: Meeting, access_point: AccessPoint) -> Professional:
    """The chair or the organiser; others who take part get 403, everyone else 404 (both logged, for
    each youth on the agenda)."""
    professional = policy.professional_of(actor)
    if professional is not None and professional.pk in (meeting.chair_id, meeting.organised_by_id):
        return professional
    member = is_member(actor, meeting)
    for item in meeting.items.select_related("case__youth"):
        log_refusal(
            user=actor,
            youth=item.case.youth,
            object_type=OBJECT_TYPE,
            access_point=access_point,
            description="alleen de voorzitter of de organisator" if member else "",
        )
    if member:
        raise NotAllowed(_("Dit doet de voorzitter of wie het overleg organiseert."))
    raise NotFoundOrForbidden
