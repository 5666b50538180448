"""Beleidssignalen: what professionals notice in their work that asks for a change of policy
(a gap in the offer, a waiting list that grows, a rule that blocks cooperation). They hold no
child identity: the app strips what identifies and refuses a child's name (``scrub``). Managers
review them, group those about the same thing, and answer."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.organisations.models import Municipality, Organisation, Professional


class Theme(models.TextChoices):
    OFFER = "aanbod", _("Aanbod ontbreekt of past niet")
    WAITING = "wachttijd", _("Wachttijden")
    COOPERATION = "samenwerking", _("Samenwerking tussen organisaties")
    BOUNDARY = "grens", _("Grens tussen onderwijs en jeugdhulp")
    RULES = "regels", _("Regels en procedures")
    PRIVACY = "privacy", _("Privacy en gegevens delen")
    OTHER = "overig", _("Overig")


class Domain(models.TextChoices):
    EDUCATION = "onderwijs", _("Onderwijs")
    YOUTH_CARE = "jeugdhulp", _("Jeugdhulp")
    BOTH = "beide", _("Onderwijs en jeugdhulp")


class Group(models.Model):
    """Signals about the same thing, grouped by a manager, with one answer for all of them."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("onderwerp"), max_length=200)
    answer = models.TextField(_("antwoord"), blank=True)
    answered_by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("groep beleidssignalen")
        verbose_name_plural = _("groepen beleidssignalen")

    def __str__(self) -> str:
        return self.title


class PolicySignal(models.Model):
    class Status(models.TextChoices):
        NEW = "nieuw", _("Nieuw")
        REVIEWING = "in_behandeling", _("In behandeling")
        ANSWERED = "beantwoord", _("Beantwoord")

    raised_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="policy_signals")
    # Copied when raised: where it came from, even after the professional moves on.
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("onderwerp"), max_length=200)
    description = models.TextField(_("wat ziet u"))
    suggestion = models.TextField(_("wat zou helpen"), blank=True)
    theme = models.CharField(_("thema"), max_length=20, choices=Theme.choices)
    domain = models.CharField(_("domein"), max_length=20, choices=Domain.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    group = models.ForeignKey(
        Group, verbose_name=_("groep"), null=True, blank=True, on_delete=models.SET_NULL, related_name="signals"
    )
    answer = models.TextField(_("antwoord"), blank=True)
    answered_by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    # What the app removed from the text before storing it (kinds, not the values).
    scrubbed = models.JSONField(default=list, blank=True)
    raised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-raised_at", "-pk"]
        verbose_name = _("beleidssignaal")
        verbose_name_plural = _("beleidssignalen")
        indexes = [models.Index(fields=["municipality", "status", "-raised_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("policysignals:detail", args=[self.pk])

    @property
    def current_answer(self) -> str:
        """The signal's own answer, or its group's."""
        if self.answer:
            return self.answer
        return self.group.answer if self.group_id and self.group.answer else ""
