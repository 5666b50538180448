"""The jeugdconsulent's onderzoek of one case: analysis → oordeelsvorming → besluitvorming,
recorded in an onderzoeksverslag that the parents (and the youth, by age) read and respond to
with a zienswijze before it becomes final."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.access import consent
from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Organisation, Professional

from . import conf, deadlines


class Phase(models.TextChoices):
    ANALYSE = "analyse", _("Analyse")
    OORDEELSVORMING = "oordeelsvorming", _("Oordeelsvorming")
    BESLUITVORMING = "besluitvorming", _("Besluitvorming")
    VERSLAG = "verslag", _("Verslag gedeeld, wacht op zienswijze")
    DEFINITIEF = "definitief", _("Definitief")


# The order of the phases; a step back goes to an earlier one of the first three.
PHASES = [Phase.ANALYSE, Phase.OORDEELSVORMING, Phase.BESLUITVORMING, Phase.VERSLAG, Phase.DEFINITIEF]
WORK_PHASES = PHASES[:3]
SHARED_PHASES = (Phase.VERSLAG, Phase.DEFINITIEF)


class HelpKind(models.TextChoices):
    VOORLIGGEND = "voorliggend", _("Voorliggende voorziening")
    LICHT = "licht", _("Lichte jeugdhulp")
    SPECIALISTISCH = "specialistisch", _("Specialistische jeugdhulp (met beschikking)")
    GEEN = "geen", _("Geen hulp nodig")


SHARED_WITH_CHOICES = list(consent.LABELS.items())


class Investigation(models.Model):
    """The onderzoek of one case by its jeugdconsulent (who is the case's casusregisseur)."""

    case = models.OneToOneField(Case, verbose_name=_("casus"), on_delete=models.PROTECT, related_name="investigation")
    consulent = models.ForeignKey(
        Professional, verbose_name=_("jeugdconsulent"), on_delete=models.PROTECT, related_name="investigations"
    )
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices, default=Phase.ANALYSE)
    started_on = models.DateField(_("gestart op"), default=timezone.localdate)
    decide_by = models.DateField(
        _("besluit uiterlijk"), null=True, blank=True, help_text=_("De beslistermijn van de aanvraag (Awb).")
    )
    phase_started_on = models.DateField(_("fase gestart op"), default=timezone.localdate)

    # Analyse: what was found. Never left blank at the gate ("geen zorgen" is an answer).
    upbringing_findings = models.TextField(_("opgroei- en opvoedingsproblemen"), blank=True)
    psychological_findings = models.TextField(_("psychische problemen en/of stoornissen"), blank=True)
    safety_findings = models.TextField(_("veiligheid"), blank=True)
    strengths = models.TextField(_("sterke kanten van het gezin"), blank=True)

    # Oordeelsvorming.
    judgement = models.TextField(_("oordeel"), blank=True)

    # Besluitvorming: the help needed, and for specialist youth care the beschikking.
    help_kind = models.CharField(_("benodigde hulp"), max_length=20, choices=HelpKind.choices, blank=True)
    motivation = models.TextField(_("motivering"), blank=True)
    care_product = models.CharField(_("soort hulp (product)"), max_length=200, blank=True)
    provider = models.ForeignKey(
        Organisation,
        verbose_name=_("aanbieder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": Organisation.Kind.JEUGDHULPAANBIEDER},
    )
    beschikking_start = models.DateField(_("ingangsdatum"), null=True, blank=True)
    beschikking_end = models.DateField(_("einddatum"), null=True, blank=True)
    beschikking_number = models.CharField(_("beschikkingsnummer"), max_length=40, blank=True)
    decided_on = models.DateField(_("besluit genomen op"), null=True, blank=True)

    # The report: shared with the parents and/or the youth, their zienswijze, final.
    share_round = models.PositiveSmallIntegerField(_("keer gedeeld"), default=0)
    shared_on = models.DateField(_("gedeeld op"), null=True, blank=True)
    shared_with = models.CharField(_("gedeeld met"), max_length=20, choices=SHARED_WITH_CHOICES, blank=True)
    zienswijze_until = models.DateField(_("zienswijze uiterlijk"), null=True, blank=True)
    finalised_on = models.DateField(_("definitief op"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        Professional,
        verbose_name=_("definitief gemaakt door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    finalised_note = models.CharField(
        _("geen zienswijze"),
        max_length=500,
        blank=True,
        help_text=_("Vastgelegd als het verslag definitief werd voordat de termijn voor de zienswijze voorbij was."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("onderzoek")
        verbose_name_plural = _("onderzoeken")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    phase__in=["verslag", "definitief"], shared_on__isnull=False, zienswijze_until__isnull=False
                )
                | (~Q(phase__in=["verslag", "definitief"]) & Q(shared_on__isnull=True, zienswijze_until__isnull=True)),
                name="investigation_shared_in_report_phases",
            ),
            models.CheckConstraint(
                condition=Q(phase="definitief", finalised_on__isnull=False)
                | (~Q(phase="definitief") & Q(finalised_on__isnull=True)),
                name="investigation_final_has_date",
            ),
            models.CheckConstraint(
                condition=Q(beschikking_end__isnull=True)
                | Q(beschikking_start__isnull=True)
                | Q(beschikking_end__gte=models.F("beschikking_start")),
                name="investigation_beschikking_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["consulent", "phase"])]

    def __str__(self) -> str:
        return f"Onderzoek {self.case.reference}"

    @property
    def is_shared(self) -> bool:
        return self.phase in SHARED_PHASES

    @property
    def is_final(self) -> bool:
        return self.phase == Phase.DEFINITIEF

    @property
    def phase_index(self) -> int:
        return PHASES.index(self.phase)

    @property
    def next_phase(self) -> str | None:
        index = self.phase_index
        return PHASES[index + 1] if index + 1 < len(PHASES) else None

    @property
    def earlier_phases(self) -> list[Phase]:
        """The phases a step back may go to: earlier work phases, before the report is final."""
        if self.is_final:
            return []
        return [p for p in WORK_PHASES if PHASES.index(p) < self.phase_index]

    @property
    def is_specialist(self) -> bool:
        return self.help_kind == HelpKind.SPECIALISTISCH

    def due_on(self) -> date | None:
        return deadlines.phase_due(
            phase=self.phase,
            phase_started_on=self.phase_started_on,
            decide_by=self.decide_by,
            zienswijze_until=self.zienswijze_until,
            norms=conf.phase_days(),
        )

    def days_overdue(self, today: date | None = None) -> int:
        return deadlines.days_overdue(self.due_on(), today or timezone.localdate())

    def zienswijze_term_passed(self, today: date | None = None) -> bool:
        return self.zienswijze_until is not None and (today or timezone.localdate()) > self.zienswijze_until


class Conversation(models.Model):
    """A conversation of the investigation (keukentafelgesprek, with the youth, at school, ...)."""

    class Kind(models.TextChoices):
        KEUKENTAFEL = "keukentafel", _("Keukentafelgesprek")
        JEUGDIGE = "jeugdige", _("Gesprek met de jeugdige")
        SCHOOL = "school", _("Gesprek op school")
        TELEFONISCH = "telefonisch", _("Telefonisch gesprek")
        PROFESSIONAL = "professional", _("Overleg met een professional")

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="conversations")
    kind = models.CharField(_("soort gesprek"), max_length=20, choices=Kind.choices)
    held_on = models.DateField(_("datum"))
    participants = models.CharField(_("wie waren erbij"), max_length=300)
    summary = models.TextField(_("samenvatting"))
    created_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d-%m-%Y}"


class Zienswijze(models.Model):
    """The view of a parent or the youth on the shared report, kept with the final report."""

    class Role(models.TextChoices):
        PARENT = "ouder", _("Ouder met gezag")
        YOUTH = "jeugdige", _("Jeugdige")

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="zienswijzen")
    share_round = models.PositiveSmallIntegerField(_("op het verslag van keer"), default=1)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    author_name = models.CharField(_("naam"), max_length=200)
    role = models.CharField(_("als"), max_length=10, choices=Role.choices)
    text = models.TextField(_("zienswijze"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("zienswijze")
        verbose_name_plural = _("zienswijzen")

    def __str__(self) -> str:
        return f"Zienswijze {self.author_name}"


class PhaseChange(models.Model):
    """Every move between phases, forward or back (with the reason for a step back)."""

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="phase_changes")
    from_phase = models.CharField(_("van"), max_length=20, choices=Phase.choices, blank=True)
    to_phase = models.CharField(_("naar"), max_length=20, choices=Phase.choices)
    changed_on = models.DateField(_("datum"), default=timezone.localdate)
    changed_by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reden"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("faseovergang")
        verbose_name_plural = _("faseovergangen")

    def __str__(self) -> str:
        return f"{self.from_phase or '—'} → {self.to_phase}"

    @property
    def is_step_back(self) -> bool:
        return bool(self.from_phase) and PHASES.index(self.to_phase) < PHASES.index(self.from_phase)
