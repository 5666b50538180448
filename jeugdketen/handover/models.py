"""The handover of a pupil between schools (po→vo, vo→vo, vo→mbo, a move) and between school years:
the onderwijskundig rapport (koud) and, for a warm handover, the conversation with the receiving
school. The receiving school reads it once the pupil is enrolled there; the parents get a copy
and may add their view."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.organisations.models import Organisation, Professional
from jeugdketen.schoolsupport.models import OPP
from jeugdketen.youth.models import Youth

from .law import Schooladvies


class Transfer(models.TextChoices):
    PO_VO = "po_vo", _("Van basisschool naar voortgezet onderwijs (po-vo)")
    VO_VO = "vo_vo", _("Naar een andere school voor voortgezet onderwijs (vo-vo)")
    VO_MBO = "vo_mbo", _("Van voortgezet onderwijs naar het mbo (vo-mbo)")
    PO_PO = "po_po", _("Naar een andere school voor primair of speciaal onderwijs")
    SCHOOL_YEAR = "schooljaar", _("Naar het volgende schooljaar, binnen de school")


class Method(models.TextChoices):
    WARM = "warm", _("Warm: een gesprek met de ontvangende school, en het onderwijskundig rapport")
    KOUD = "koud", _("Koud: het onderwijskundig rapport")


class Handover(models.Model):
    class Status(models.TextChoices):
        DRAFT = "concept", _("Concept")
        HANDED_OVER = "overgedragen", _("Overgedragen")

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="handovers")
    from_school = models.ForeignKey(
        Organisation, verbose_name=_("van school"), on_delete=models.PROTECT, related_name="handovers_sent"
    )
    to_school = models.ForeignKey(
        Organisation,
        verbose_name=_("naar school"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handovers_received",
    )
    transfer = models.CharField(_("overgang"), max_length=20, choices=Transfer.choices)
    school_year = models.PositiveSmallIntegerField(_("naar schooljaar"))  # the calendar year of its 1 August
    method = models.CharField(_("soort overdracht"), max_length=10, choices=Method.choices)
    status = models.CharField(_("stand"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # The onderwijskundig rapport (WPO art. 42).
    learning = models.TextField(_("leerresultaten en ontwikkeling"), blank=True)
    support = models.TextField(_("ondersteuning: wat de leerling kreeg en wat werkte"), blank=True)
    wellbeing = models.TextField(_("sociaal-emotionele ontwikkeling en werkhouding"), blank=True)
    attendance = models.TextField(_("aanwezigheid en verzuim"), blank=True)
    schooladvies = models.CharField(_("schooladvies"), max_length=20, choices=Schooladvies.choices, blank=True)
    schooladvies_on = models.DateField(_("schooladvies gegeven op"), null=True, blank=True)
    opp = models.ForeignKey(
        OPP, verbose_name=_("OPP"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The warm handover: the conversation between the mentor and the receiving school.
    conversation_on = models.DateField(_("gesprek gevoerd op"), null=True, blank=True)
    conversation_with = models.CharField(_("met (ontvangende school)"), max_length=300, blank=True)
    conversation_by = models.ForeignKey(
        Professional, verbose_name=_("gevoerd door"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    conversation_notes = models.TextField(_("afspraken uit het gesprek"), blank=True)
    handed_over_on = models.DateField(_("overgedragen op"), null=True, blank=True)
    handed_over_by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # The parents' copy and their view (WPO art. 42: the parents get a copy).
    parents_view = models.TextField(_("reactie van de ouders"), blank=True)
    parents_view_on = models.DateField(null=True, blank=True)
    parents_view_by = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-school_year", "-created_at", "-pk"]
        verbose_name = _("overdracht")
        verbose_name_plural = _("overdrachten")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="concept") | Q(handed_over_on__isnull=False), name="handover_done_has_date"
            ),
            # One handover per pupil, school and year transition.
            models.UniqueConstraint(fields=["youth", "from_school", "school_year"], name="one_handover_per_year"),
        ]
        indexes = [
            models.Index(fields=["from_school", "school_year"]),
            models.Index(fields=["to_school", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.youth} {self.get_transfer_display()}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("handover:detail", args=[self.pk])

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.HANDED_OVER

    @property
    def is_warm(self) -> bool:
        return self.method == Method.WARM

    @property
    def changes_school(self) -> bool:
        return self.transfer != Transfer.SCHOOL_YEAR
