from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.access.categories import Category
from jeugdketen.organisations.models import Function, Professional
from jeugdketen.youth.models import Youth


class Case(models.Model):
    """A casus about one youth: who holds the plan, who is involved, what happened."""

    class Status(models.TextChoices):
        AANGEMELD = "aangemeld", _("Aangemeld")
        ONDERZOEK = "onderzoek", _("In onderzoek")
        UITVOERING = "uitvoering", _("In uitvoering")
        EVALUATIE = "evaluatie", _("Evaluatie")
        AFGESLOTEN = "afgesloten", _("Afgesloten")

    OPEN_STATUSES = (Status.AANGEMELD, Status.ONDERZOEK, Status.UITVOERING, Status.EVALUATIE)

    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    youth = models.ForeignKey(Youth, verbose_name=_("jeugdige"), on_delete=models.PROTECT, related_name="cases")
    subject = models.CharField(_("aanleiding"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AANGEMELD)
    opened_on = models.DateField(_("geopend op"), default=timezone.localdate)
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True)
    casusregisseur = models.ForeignKey(
        Professional,
        verbose_name=_("casusregisseur"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases_as_regisseur",
    )
    next_date = models.DateField(_("volgende datum"), null=True, blank=True)
    next_date_label = models.CharField(_("wat er dan gebeurt"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="afgesloten", closed_on__isnull=False)
                | (~Q(status="afgesloten") & Q(closed_on__isnull=True)),
                name="closed_case_has_closed_on",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.AFGESLOTEN


class InvolvementQuerySet(models.QuerySet):
    def active(self, on: date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(until__isnull=True) | Q(until__gt=on), since__lte=on)


class Involvement(models.Model):
    """A professional involved in a case, in one function. ``until`` is the day the involvement
    ended: from then on it gives no access."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="involvements")
    professional = models.ForeignKey(
        Professional, verbose_name=_("professional"), on_delete=models.PROTECT, related_name="involvements"
    )
    function = models.ForeignKey(
        Function, verbose_name=_("functie in de casus"), on_delete=models.PROTECT, related_name="+"
    )
    since = models.DateField(_("betrokken sinds"), default=timezone.localdate)
    until = models.DateField(_("betrokken tot"), null=True, blank=True)
    note = models.CharField(_("rol / toelichting"), max_length=200, blank=True)

    objects = InvolvementQuerySet.as_manager()

    class Meta:
        ordering = ["since", "id"]
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheden")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "professional", "function"],
                condition=Q(until__isnull=True),
                name="one_open_involvement_per_function",
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="involvement_until_after_since",
            ),
        ]
        indexes = [models.Index(fields=["professional", "until"])]

    def __str__(self) -> str:
        return f"{self.professional} ({self.function}) in {self.case}"

    def is_active(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.since <= on and (self.until is None or self.until > on)


class JournalEntry(models.Model):
    """One entry in a case's journal, in one data category."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="journal_entries")
    author = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="journal_entries")
    author_function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(_("categorie"), max_length=20, choices=Category.choices)
    occurred_on = models.DateField(_("datum"), default=timezone.localdate)
    title = models.CharField(_("onderwerp"), max_length=200)
    text = models.TextField(_("verslag"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("journaalregel")
        verbose_name_plural = _("journaal")
        indexes = [models.Index(fields=["case", "category", "-occurred_on"])]

    def __str__(self) -> str:
        return self.title
