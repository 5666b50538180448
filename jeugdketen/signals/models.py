"""Stagnation signals on the Plan van Aanpak: an agreement past its date, an evaluation moment
passed without an evaluation, a case without activity for weeks, a nazorg moment reached. One
signal per cause: the database refuses a second one for the same object and date, so two sweeps
at once cannot raise it twice. A signal shows only the case reference, its kind and its date."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Professional
from jeugdketen.plans.models import Agreement, Evaluation, Plan


class Signal(models.Model):
    class Kind(models.TextChoices):
        AGREEMENT_OVERDUE = "afspraak_verlopen", _("Afspraak over de datum")
        EVALUATION_MISSED = "evaluatie_gemist", _("Evaluatiemoment voorbij zonder evaluatie")
        CASE_SILENT = "casus_stil", _("Geen activiteit in de casus")
        NAZORG_DUE = "nazorg", _("Nazorgmoment bereikt")

    class Resolution(models.TextChoices):
        CAUSE_GONE = "opgelost", _("Opgelost")  # the sweep saw the cause go away
        HANDLED = "afgehandeld", _("Afgehandeld")  # a recipient acted on it, with a note

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    case = models.ForeignKey(Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="signals")
    agreement = models.ForeignKey(Agreement, null=True, blank=True, on_delete=models.CASCADE, related_name="signals")
    evaluation = models.ForeignKey(Evaluation, null=True, blank=True, on_delete=models.CASCADE, related_name="signals")
    # The date the cause hangs on: the agreement's date, the planned evaluation, the nazorg moment,
    # or the day of the last activity in a silent case. Part of the cause: moving the date and
    # missing it again is a new cause, and a new signal.
    due_on = models.DateField(_("datum"))
    raised_on = models.DateField(_("gesignaleerd op"))
    created_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(_("gemaild op"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    resolution = models.CharField(_("afhandeling"), max_length=20, choices=Resolution.choices, blank=True)
    handled_by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    handled_note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        indexes = [
            models.Index(fields=["case", "kind"], condition=Q(resolved_at__isnull=True), name="signal_open_by_case"),
            models.Index(fields=["kind"], condition=Q(resolved_at__isnull=True), name="signal_open_by_kind"),
        ]
        constraints = [
            # Once per cause: the sweep inserts with ON CONFLICT DO NOTHING against these.
            models.UniqueConstraint(
                fields=["agreement", "due_on"],
                condition=Q(kind="afspraak_verlopen"),
                name="one_signal_per_agreement_date",
            ),
            models.UniqueConstraint(
                fields=["evaluation", "due_on"],
                condition=Q(kind="evaluatie_gemist"),
                name="one_signal_per_evaluation_date",
            ),
            models.UniqueConstraint(
                fields=["kind", "case", "due_on"],
                condition=Q(kind__in=["casus_stil", "nazorg"]),
                name="one_signal_per_case_cause_date",
            ),
            models.CheckConstraint(
                condition=Q(kind="afspraak_verlopen", agreement__isnull=False)
                | (~Q(kind="afspraak_verlopen") & Q(agreement__isnull=True)),
                name="signal_agreement_iff_kind",
            ),
            models.CheckConstraint(
                condition=Q(kind="evaluatie_gemist", evaluation__isnull=False)
                | (~Q(kind="evaluatie_gemist") & Q(evaluation__isnull=True)),
                name="signal_evaluation_iff_kind",
            ),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True, resolution="")
                | Q(resolved_at__isnull=False, resolution__in=["opgelost", "afgehandeld"]),
                name="signal_resolved_has_resolution",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.case_id}, {self.due_on:%d-%m-%Y})"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def date_label(self) -> str:
        """What the date means for this kind of signal."""
        return str(DATE_LABELS[self.kind])


DATE_LABELS = {
    Signal.Kind.AGREEMENT_OVERDUE: _("afspraak uiterlijk"),
    Signal.Kind.EVALUATION_MISSED: _("evaluatie gepland op"),
    Signal.Kind.CASE_SILENT: _("laatste activiteit"),
    Signal.Kind.NAZORG_DUE: _("nazorgmoment"),
}


class NazorgContact(models.Model):
    """The nazorg contact some months after the case closed, recorded against the plan's nazorg
    moment (a moved moment asks for a new contact)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="nazorg_contacts")
    due_on = models.DateField(_("nazorgmoment"))
    held_on = models.DateField(_("contact op"))
    note = models.TextField(_("uitkomst"))
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("nazorgcontact")
        verbose_name_plural = _("nazorgcontacten")
        constraints = [models.UniqueConstraint(fields=["plan", "due_on"], name="one_nazorg_contact_per_moment")]

    def __str__(self) -> str:
        return f"Nazorg {self.plan_id} {self.held_on:%d-%m-%Y}"
