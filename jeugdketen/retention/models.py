from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DestructionRequest(models.Model):
    """A written request of a parent (child under 16) or the youth (from 12) to destroy a closed
    case's records before the retention period ends (Jeugdwet art. 7.3.9)."""

    class Outcome(models.TextChoices):
        PENDING = "open", _("In behandeling")
        DESTROYED = "vernietigd", _("Vernietigd")
        REFUSED = "geweigerd", _("Geweigerd")

    case_reference = models.CharField(_("casus"), max_length=20)
    case_id_value = models.PositiveBigIntegerField()  # kept after the case itself is gone
    youth_id_value = models.PositiveBigIntegerField()
    municipality_id_value = models.PositiveBigIntegerField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_by_name = models.CharField(max_length=200)
    role = models.CharField(max_length=20)
    reason = models.TextField(_("toelichting"), blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    decided_by_name = models.CharField(max_length=200, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    refusal_reason = models.TextField(_("reden van weigering"), blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("verzoek tot vernietiging")
        verbose_name_plural = _("verzoeken tot vernietiging")

    def __str__(self) -> str:
        return f"{self.case_reference}: {self.get_outcome_display()}"
