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
