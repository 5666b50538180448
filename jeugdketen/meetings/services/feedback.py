"""Closing a meeting: the terugkoppeling to everyone involved, and its e-mail notices."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jeugdketen.access import policy
from jeugdketen.access.categories import Ground
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access
from jeugdketen.cases.models import Case, Involvement
from jeugdketen.youth.models import CarerRelation

from ..models import FeedbackRecipient, Meeting, MeetingCase, Participant
from .common import (
    NON_FIELD,
    OBJECT_TYPE,
    C,
    involvement_grant,
    object_ids_of,
    require_manager,
)

# --- closing and the terugkoppeling -----------------------------------------------------------------


def _recipients(item: MeetingCase) -> list[FeedbackRecipient]:
    """Everyone involved: the professionals involved in the case whose function reads the plan (the
    police does not), the parents with gezag while the youth is under 16, and the youth from 12."""
    case, youth = item.case, item.case.youth
    today = timezone.localdate()
    out: list[FeedbackRecipient] = []
    if case.status in Case.OPEN_STATUSES:
        seen: set[int] = set()
        for inv in (
            Involvement.objects.active(today)
            .filter(case=case)
            .select_related("professional__user", "function")
            .prefetch_related("professional__functions")
        ):
            held = {f.pk for f in inv.professional.functions.all()}
            if (
                inv.professional_id in seen
                or inv.function_id not in held
                or not inv.professional.user.is_active
                or C.PLAN not in policy.categories_for(inv.function.code, Ground.CASE_INVOLVEMENT)
            ):
                continue
            seen.add(inv.professional_id)
            out.append(
                FeedbackRecipient(
                    item=item,
                    user=inv.professional.user,
                    role=Participant.Role.PROFESSIONAL,
                    name=inv.professional.name,
                    email=inv.professional.email or inv.professional.user.email,
                )
            )
    age = youth.age(today)
    if age < policy.PARENT_ACCESS_UNTIL_AGE:
        for relation in CarerRelation.objects.filter(youth=youth, has_gezag=True).select_related("carer__user"):
            carer = relation.carer
            out.append(
                FeedbackRecipient(
                    item=item,
                    user=carer.user,
                    role=Participant.Role.PARENT,
                    name=carer.full_name,
                    email=carer.email or (carer.user.email if carer.user else ""),
                )
            )
    if age >= policy.YOUTH_OWN_ACCESS_FROM_AGE:
        out.append(
            FeedbackRecipient(
                item=item,
                user=youth.user,
                role=Participant.Role.YOUTH,
                name=youth.full_name,
                email=youth.user.email if youth.user else "",
            )
        )
    return out


@audited_atomic
def meeting_close(*, actor, meeting: Meeting, access_point: AccessPoint) -> Meeting:
    """The chair or organiser closes the meeting once it has been held: per case the outcome and the
    decisions go back to everyone involved, parents included — on the meeting's page, as a PDF, and
    with an e-mail notice that holds no child data. The minutes and decisions are then fixed."""
    require_manager(actor, meeting, access_point)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_closed:
        raise ValidationError({NON_FIELD: _("Dit overleg is al afgerond; de terugkoppeling is verstuurd.")})
    day = timezone.localtime(meeting.starts_at).date()
    if day > timezone.localdate():
        raise ValidationError(
            {
                NON_FIELD: _("Het overleg is op %(day)s; u rondt het af als het is gehouden.")
                % {"day": f"{day:%d-%m-%Y}"}
            }
        )
    items = list(meeting.items.select_related("case__youth__user"))
    missing = sum(1 for item in items if not item.outcome.strip())
    if missing:
        raise ValidationError(
            {
                "outcome": ngettext(
                    "Bij %(n)s casus is nog geen uitkomst vastgelegd. Vul per casus de uitkomst in; die gaat met "
                    "de besluiten terug naar iedereen die betrokken is.",
                    "Bij %(n)s casussen is nog geen uitkomst vastgelegd. Vul per casus de uitkomst in; die gaat "
                    "met de besluiten terug naar iedereen die betrokken is.",
                    missing,
                )
                % {"n": missing}
            }
        )
    now = timezone.now()
    for item in items:
        recipients = FeedbackRecipient.objects.bulk_create(_recipients(item))
        item.feedback_sent_at = now
        item.save(update_fields=["feedback_sent_at"])
        access = policy.access_for(actor, item.case.youth)
        involvement = access.involvement_in(item.case_id, C.PLAN)
        log_access(
            user=actor,
            youth=item.case.youth,
            event=Event.UPDATE,
            grant=involvement_grant(involvement, C.PLAN, item.case) if involvement else None,
            object_type=OBJECT_TYPE,
            object_ids=object_ids_of(meeting, item),
            categories=[C.PLAN],
            access_point=access_point,
            description=f"overleg afgerond; terugkoppeling aan {len(recipients)} betrokkenen",
        )
    meeting.status, meeting.closed_at, meeting.closed_by = Meeting.Status.CLOSED, now, actor
    meeting.save(update_fields=["status", "closed_at", "closed_by"])
    from ..tasks import send_feedback_notices

    meeting_id = meeting.pk
    transaction.on_commit(lambda: send_feedback_notices.enqueue(meeting_id))
    return meeting


def feedback_notices_send(*, meeting_id: int) -> int:
    """E-mail every recipient of the meeting's terugkoppeling who has an address and was not told
    yet: one notice per address, with a link, and no child data — the terugkoppeling itself stays in
    the app, behind the policy. Returns the number of e-mails sent."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.urls import reverse

    recipients = list(
        FeedbackRecipient.objects.filter(item__meeting_id=meeting_id, notified_at__isnull=True).exclude(email="")
    )
    link = settings.SITE_URL.rstrip("/") + reverse("meetings:detail", args=[meeting_id])
    by_address: dict[str, list[int]] = {}
    for recipient in recipients:
        by_address.setdefault(recipient.email.lower(), []).append(recipient.pk)
    for email, ids in sorted(by_address.items()):
        send_mail(
            subject=_("Jeugdketen: terugkoppeling van een overleg"),
            message=_(
                "Er staat in Jeugdketen een terugkoppeling van een overleg voor u klaar: de uitkomst en de "
                "afspraken.\n\nLog in om hem te lezen: %(link)s\n\nDit bericht is automatisch verstuurd."
            )
            % {"link": link},
            from_email=None,
            recipient_list=[email],
        )
        # Marked per address: when a later mail fails, a retry does not send this one again.
        FeedbackRecipient.objects.filter(pk__in=ids).update(notified_at=timezone.now())
    return len(by_address)
