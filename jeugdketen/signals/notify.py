"""Telling the recipients of new signals by e-mail: one mail per signal per recipient, with the
case reference and the kind only — nothing about the child leaves the app by mail — and a link to
the inbox. Sent by the ``notify_signals`` task the sweep queues once its signals have committed."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.auditlog.services import AccessPoint, Channel, Event, log_each

from . import recipients
from .models import Signal

OBJECT_TYPE = "signal"
TASK = AccessPoint(Channel.TASK)


def _mail(signal: Signal, to: str, link: str) -> EmailMessage:
    """Only the case reference and the kind: nothing about the child leaves the app by mail."""
    values = {"reference": signal.case.reference, "kind": signal.get_kind_display().lower(), "link": link}
    return EmailMessage(
        subject=_("Jeugdketen: signaal bij casus %(reference)s") % values,
        body=_(
            "Er is een signaal bij casus %(reference)s: %(kind)s.\n\n"
            "Bekijk het en handel het af in Jeugdketen: %(link)s\n\n"
            "Om de privacy te beschermen staat in deze e-mail niets over de jeugdige."
        )
        % values,
        to=[to],
    )


def signals_notify(*, signal_ids: list[int], today: date | None = None) -> int:
    """Mail each recipient of each still-open, not yet mailed signal once; the number of mails.
    The rows are claimed (locked, skipping those another worker holds) and marked mailed in one
    transaction, so two tasks for the same signals send one mail each. Logged as an export."""
    today = today or timezone.localdate()
    with transaction.atomic():
        signals = list(
            Signal.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk__in=signal_ids, notified_at__isnull=True, resolved_at__isnull=True)
            .select_related("case", "agreement")
            .order_by("pk")
        )
        if not signals:
            return 0
        link = settings.SITE_URL.rstrip("/") + reverse("signals:inbox")
        messages: list[EmailMessage] = []
        exported: dict = defaultdict(list)
        by_signal = recipients.recipients(signals, today)
        for signal in signals:
            for involvement in by_signal[signal.pk]:
                professional = involvement.professional
                if not professional.email:
                    continue
                messages.append(_mail(signal, professional.email, link))
                grant = policy.Grant(
                    Category.PLAN, Ground.CASE_INVOLVEMENT, involvement.function, signal.case.reference
                )
                exported[professional.user].append((signal.case.youth_id, signal.pk, grant))
        if messages:
            get_connection().send_messages(messages)
        Signal.objects.filter(pk__in=[s.pk for s in signals]).update(notified_at=timezone.now())
        for user, rows in exported.items():
            log_each(
                rows,
                user=user,
                event=Event.EXPORT,
                object_type=OBJECT_TYPE,
                access_point=TASK,
                description="signaal per e-mail (kenmerk en soort)",
                categories=[Category.PLAN],
            )
    return len(messages)
