"""The Plan van Aanpak: one plan per case that school, youth care, the parents and the youth share.
Goals (in the family's words), agreements (who does what by when), evaluation moments and the end
evaluation. Every change raises ``version`` (optimistic locking) and stores a snapshot, so the plan
as it stood on any date can be shown."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Carer


class Plan(models.Model):
    case = models.OneToOneField(Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="plan")
    version = models.PositiveIntegerField(_("versie"), default=1)
    end_evaluation = models.TextField(_("eindevaluatie"), blank=True)
    end_evaluated_on = models.DateField(_("eindevaluatie op"), null=True, blank=True)
    nazorg_on = models.DateField(
        _("nazorgmoment"),
        null=True,
        blank=True,
        help_text=_("Een moment enkele maanden na het einde om terugval op te merken."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("plan van aanpak")
        verbose_name_plural = _("plannen van aanpak")

    def __str__(self) -> str:
        return f"Plan van aanpak {self.case}"


class Goal(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Loopt")
        ACHIEVED = "behaald", _("Behaald")
        DROPPED = "vervallen", _("Vervallen")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("doel"), help_text=_("Zo veel mogelijk in de woorden van het gezin."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.text[:80]


class Agreement(models.Model):
    """Who does what by when: a professional, a parent or the youth."""

    class Owner(models.TextChoices):
        PROFESSIONAL = "professional", _("Professional")
        PARENT = "ouder", _("Ouder / verzorger")
        YOUTH = "jeugdige", _("De jeugdige")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "gedaan", _("Gedaan")
        CANCELLED = "vervallen", _("Vervallen")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="agreements")
    goal = models.ForeignKey(
        Goal, verbose_name=_("bij doel"), null=True, blank=True, on_delete=models.SET_NULL, related_name="agreements"
    )
    what = models.TextField(_("wat"))
    owner_kind = models.CharField(_("wie"), max_length=20, choices=Owner.choices)
    owner_professional = models.ForeignKey(
        Professional,
        verbose_name=_("professional"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    owner_carer = models.ForeignKey(
        Carer, verbose_name=_("ouder / verzorger"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("uiterlijk"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    source = models.CharField(_("afkomstig uit"), max_length=200, blank=True)  # e.g. "MDO 12-11-2026"
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        indexes = [models.Index(fields=["status", "due_on"], name="agreement_due")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(owner_kind="professional") | Q(owner_professional__isnull=False),
                name="professional_agreement_has_owner",
            ),
            models.CheckConstraint(
                condition=~Q(status="gedaan") | Q(done_on__isnull=False),
                name="done_agreement_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.what[:80]

    @property
    def owner_name(self) -> str:
        if self.owner_kind == self.Owner.PROFESSIONAL and self.owner_professional_id:
            return self.owner_professional.name
        if self.owner_kind == self.Owner.PARENT and self.owner_carer_id:
            return self.owner_carer.full_name
        return self.get_owner_kind_display()

    def is_overdue(self, today: date) -> bool:
        return self.status == self.Status.OPEN and self.due_on < today


class Evaluation(models.Model):
    """An evaluation moment of the plan; held when ``held_on`` is set. At each, the casusregisseur
    confirms the list of involved professionals is current."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="evaluations")
    planned_on = models.DateField(_("gepland op"))
    held_on = models.DateField(_("gehouden op"), null=True, blank=True)
    outcome = models.TextField(_("uitkomst"), blank=True)
    contacts_confirmed = models.BooleanField(_("betrokkenen en contactgegevens gecontroleerd"), default=False)

    class Meta:
        ordering = ["planned_on", "id"]
        verbose_name = _("evaluatiemoment")
        verbose_name_plural = _("evaluatiemomenten")
        indexes = [models.Index(fields=["held_on", "planned_on"], name="evaluation_due")]

    def __str__(self) -> str:
        return f"Evaluatie {self.planned_on:%d-%m-%Y}"


class PlanVersion(models.Model):
    """The plan as it stood after one change: a snapshot, so any earlier state can be shown."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    snapshot = models.JSONField()
    change = models.CharField(_("wijziging"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("versie van het plan")
        verbose_name_plural = _("versies van het plan")
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_version")]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"


class Approval(models.Model):
    """A parent or the youth agrees to a version of the plan (or says what they miss)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="approvals")
    version = models.PositiveIntegerField(_("versie"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=20)  # "ouder" or "jeugdige"
    agrees = models.BooleanField(_("akkoord"))
    comment = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("instemming")
        verbose_name_plural = _("instemmingen")

    def __str__(self) -> str:
        return f"{self.name}: {'akkoord' if self.agrees else 'niet akkoord'} met v{self.version}"


class Message(models.Model):
    """The family's own view or a question about the plan, to the casusregisseur, with the answer."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_name = models.CharField(max_length=200)
    role = models.CharField(max_length=20)  # "ouder" or "jeugdige"
    text = models.TextField(_("bericht"))
    created_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(_("antwoord"), blank=True)
    answered_by_name = models.CharField(max_length=200, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bericht over het plan")
        verbose_name_plural = _("berichten over het plan")

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:60]}"
