"""Background work of the access app, on the database task queue."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from jeugdketen.organisations.models import Professional

from .models import EmergencyAccess


@task()
def notify_privacy_officers(emergency_id: int) -> int:
    """Tell every privacy officer that emergency access was taken and waits for review. The
    mail names the professional but no child: child data stays in the app, behind the policy."""
    emergency = EmergencyAccess.objects.select_related("professional__user", "professional__organisation", "youth").get(
        pk=emergency_id
    )
    recipients = list(
        Professional.objects.filter(
            functions__code="privacy_officer",
            user__is_active=True,
            organisation__municipality_id=emergency.youth.municipality_id,
        )
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return 0
    professional = emergency.professional
    link = settings.SITE_URL.rstrip("/") + reverse("access:emergency_review", args=[emergency.pk])
    send_mail(
        subject=_("Jeugdketen: noodtoegang te beoordelen"),
        message=_(
            "%(name)s (%(organisation)s) heeft op %(when)s noodtoegang genomen tot het dossier van een jeugdige.\n\n"
            "Beoordeel of dit terecht was: %(link)s"
        )
        % {
            "name": professional.name,
            "organisation": professional.organisation.name,
            "when": timezone.localtime(emergency.started_at).strftime("%d-%m-%Y %H:%M"),
            "link": link,
        },
        from_email=None,
        recipient_list=recipients,
    )
    return len(recipients)
