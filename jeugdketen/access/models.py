from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Youth


class EmergencyAccessQuerySet(models.QuerySet):
    def active(self, now=None):
        return self.filter(expires_at__gt=now or timezone.now())

    def awaiting_review(self):
        return self.filter(reviewed_at__isnull=True)


class EmergencyAccess(models.Model):
    """ "Break the glass": a professional without a relationship takes read access to a youth for a
    limited time, with a mandatory reason. Every grant is flagged for review by a privacy officer."""

    professional = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="emergency_accesses")
    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="emergency_accesses")
    reason = models.TextField(_("reden"))
    started_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("oordeel"), blank=True)
    review_justified = models.BooleanField(_("terecht gebruikt"), null=True)

    objects = EmergencyAccessQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("noodtoegang")
        verbose_name_plural = _("noodtoegangen")
        indexes = [models.Index(fields=["professional", "youth", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.professional} → {self.youth} ({self.started_at:%d-%m-%Y %H:%M})"


class ConsentDecision(models.Model):
    """A parent's or the youth's decision about sharing one purpose (a data category) of the youth's
    data with one organisation: given or withheld. The newest decision of each party counts; the
    policy withholds the category from that organisation's professionals as soon as a party with a
    right to decide (see ``consent.py``) withholds it. Legal grounds (leerplicht, the meldcode,
    police) and emergency access are not consent-based and stay as they are."""

    class Role(models.TextChoices):
        PARENT = "ouder", _("Ouder met gezag")
        YOUTH = "jeugdige", _("Jeugdige")

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="consent_decisions")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("ontvanger"), on_delete=models.CASCADE, related_name="+"
    )
    category = models.CharField(_("doel (soort gegevens)"), max_length=20)
    allowed = models.BooleanField(_("toestemming"))
    role = models.CharField(_("door"), max_length=10, choices=Role.choices)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by_name = models.CharField(max_length=200)
    decided_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("toestemmingsbesluit")
        verbose_name_plural = _("toestemmingsbesluiten")
        indexes = [models.Index(fields=["youth", "organisation", "category", "-decided_at"], name="consent_current")]

    def __str__(self) -> str:
        return f"{self.decided_by_name}: {self.category} → {self.organisation_id} {'ja' if self.allowed else 'nee'}"
