"""Background work of the plan, on the database task queue."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from jeugdketen.cases.models import Case


@task()
def notify_regisseur(case_id: int, email: str) -> int:
    """Tell the casusregisseur the family sent a message about the plan. The mail names the case
    reference only: what the family wrote stays in the app, behind the policy."""
    case = Case.objects.get(pk=case_id)
    link = settings.SITE_URL.rstrip("/") + reverse("plans:plan", args=[case.pk]) + "#berichten"
    return send_mail(
        subject=_("Jeugdketen: nieuw bericht bij casus %(ref)s") % {"ref": case.reference},
        message=_(
            "De ouders of de jeugdige hebben een bericht gestuurd over het plan van aanpak van casus %(ref)s.\n\nLees en beantwoord het: %(link)s"
        )
        % {"ref": case.reference, "link": link},
        from_email=None,
        recipient_list=[email],
    )
