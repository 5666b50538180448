"""Telling people about a new signal, by e-mail, from the task worker once the signal has
committed. No child data leaves the app by mail: each mail says what happened and links to the
app, where the policy and the access log apply.

* A match: both placers are told at once (the earlier placer, and the new one).
* The family: the carers with gezag, while the youth is under 16 (the age up to which the
  parents read the dossier), are told that a signal was placed; they see by whom in Mijn gezin.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access.policy import PARENT_ACCESS_UNTIL_AGE
from jeugdketen.youth.models import CarerRelation

from .models import Match, Signal


def _match_mail(to: str, link: str) -> EmailMessage:
    return EmailMessage(
        subject=_("Jeugdketen: match in de verwijsindex"),
        body=_(
            "Een andere professional heeft een signaal afgegeven voor een jeugdige voor wie u ook een "
            "signaal hebt. Neem contact met elkaar op en spreek af wie de regie heeft.\n\n"
            "Bekijk de match in Jeugdketen: %(link)s\n\n"
            "Om de privacy te beschermen staat in deze e-mail niets over de jeugdige."
        )
        % {"link": link},
        to=[to],
    )


def _family_mail(to: str, link: str) -> EmailMessage:
    return EmailMessage(
        subject=_("Jeugdketen: er is een signaal afgegeven in de verwijsindex"),
        body=_(
            "Een professional die met uw kind te maken heeft, heeft dat laten weten in de verwijsindex. "
            "Zo kunnen professionals die met hetzelfde kind werken elkaar vinden en afstemmen. Er staat "
            "niets in over wat er aan de hand is.\n\n"
            "In Mijn gezin ziet u wie het signaal afgaf en hoe u diegene bereikt: %(link)s"
        )
        % {"link": link},
        to=[to],
    )


def placement_notify(*, signal_id: int) -> int:
    """Mail the placers of the new signal's matches and the family; the number of mails. The
    matches and the signal are claimed (locked, skipping what another worker holds) and marked
    in the same transaction, so a task that runs twice sends each mail once."""
    site = settings.SITE_URL.rstrip("/")
    sent: list[EmailMessage] = []
    with transaction.atomic():
        matches = list(
            Match.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(second_id=signal_id, notified_at__isnull=True)
            .select_related("first__professional", "second__professional")
        )
        link = site + reverse("verwijsindex:mine")
        addresses = set()
        for match in matches:
            for signal in (match.first, match.second):
                address = signal.email or signal.professional.email
                if address:
                    addresses.add(address)
        sent += [_match_mail(address, link) for address in sorted(addresses)]
        Match.objects.filter(pk__in=[m.pk for m in matches]).update(notified_at=timezone.now())

        signal = (
            Signal.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=signal_id, family_informed_at__isnull=True)
            .select_related("youth", "function")
            .first()
        )
        if signal is not None:
            # The police's involvement is withheld from the family (UAVG art. 41): no mail for it.
            from jeugdketen.access.policy import POLICE_FUNCTION

            police = signal.function.code == POLICE_FUNCTION
            if not police and signal.youth.age(timezone.localdate()) < PARENT_ACCESS_UNTIL_AGE:
                carers = CarerRelation.objects.filter(youth=signal.youth, has_gezag=True).select_related("carer")
                portal = site + reverse("portal:home")
                sent += [_family_mail(r.carer.email, portal) for r in carers if r.carer.email]
            Signal.objects.filter(pk=signal.pk).update(family_informed_at=timezone.now())
        if sent:
            get_connection().send_messages(sent)
    return len(sent)
