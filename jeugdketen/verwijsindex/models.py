"""The verwijsindex: professionals let each other know that they are involved with a youth. A
signal holds no content: only the youth, the professional, their organisation and function, how
to reach them, and when it was placed and ends. When two professionals have a signal on the same
youth, both are told at once (a match) and agree who holds regie."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.organisations.models import Function, Organisation, Professional
from jeugdketen.youth.models import Youth


class SignalQuerySet(models.QuerySet):
    def active(self, on: date | None = None):
        on = on or timezone.localdate()
        return self.filter(ended_on__isnull=True, ends_on__gt=on)


class Signal(models.Model):
    class EndReason(models.TextChoices):
        WITHDRAWN = "ingetrokken", _("Ingetrokken door de professional")
        TERM = "termijn", _("Na twee jaar vervallen")
        AGE = "leeftijd", _("De jeugdige werd 23")
        LEFT = "uit_dienst", _("De professional is uit dienst")

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="verwijsindex_signals")
    professional = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="verwijsindex_signals")
    # Copied at placing: the signal says who was involved then, even after a move.
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="+")
    phone = models.CharField(_("telefoon"), max_length=20)
    email = models.EmailField(_("e-mail"), blank=True)
    placed_on = models.DateField(_("geplaatst op"), default=timezone.localdate)
    ends_on = models.DateField(_("vervalt op"))
    ended_on = models.DateField(_("beëindigd op"), null=True, blank=True)
    end_reason = models.CharField(_("reden van beëindigen"), max_length=20, choices=EndReason.choices, blank=True)
    # When the family was told (mail to the carers, and shown in Mijn gezin).
    family_informed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["-placed_on", "-pk"]
        verbose_name = _("signaal in de verwijsindex")
        verbose_name_plural = _("signalen in de verwijsindex")
        constraints = [
            # One open signal per professional per youth.
            models.UniqueConstraint(
                fields=["youth", "professional"],
                condition=Q(ended_on__isnull=True),
                name="one_open_verwijsindex_signal",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True, end_reason="") | Q(ended_on__isnull=False, end_reason__gt=""),
                name="verwijsindex_end_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["youth", "ended_on"]), models.Index(fields=["ended_on", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.professional} — {self.youth_id}"

    def is_active(self, on: date | None = None) -> bool:
        return self.ended_on is None and self.ends_on > (on or timezone.localdate())


class Match(models.Model):
    """Two signals on the same youth. Made when the later one is placed; both placers are told."""

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="verwijsindex_matches")
    first = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="one_match_per_pair")]

    def __str__(self) -> str:
        return f"match {self.first_id} × {self.second_id}"


class RegieAgreement(models.Model):
    """Who holds regie among the professionals with a signal on a youth, as agreed after a match.
    The latest one counts while its holder's signal is active; earlier ones stay as history."""

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="verwijsindex_regie")
    holder = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="regie_agreements")
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(_("afspraak"), max_length=300, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"regie {self.youth_id}: {self.holder_id}"
