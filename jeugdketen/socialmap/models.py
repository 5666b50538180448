"""The sociale kaart: the shared map of what the organisations in the region offer young people
and families, kept by managers. It holds no data about any child."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.organisations.models import Organisation, Professional

from . import conf

# The ages the map speaks of: from birth to 27. Youth care itself ends at 23 at the latest
# (Jeugdwet art. 1.1, "jeugdige"); young-adult services (jongerenwerk, a jongerenloket) reach 27.
AGE_MAX = 27


class Theme(models.Model):
    """A tag on the map ("Opvoeden", "Angst en somberheid", "Schoolverzuim") to search by."""

    name = models.CharField(_("naam"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return self.name


class ServiceQuerySet(models.QuerySet):
    def current(self):
        """What is still offered (not archived)."""
        return self.filter(archived_on__isnull=True)

    def for_age(self, age: int):
        return self.filter(age_min__lte=age, age_max__gte=age)

    def stale(self, today: date | None = None):
        """Entries whose last confirmation is older than the agreed term."""
        today = today or timezone.localdate()
        return self.filter(last_confirmed_on__lt=today - timedelta(days=conf.confirm_every_days()))

    def search(self, text: str):
        """Entries matching every word of ``text``. Each word may match another field, and another
        theme of the same entry: the themes are asked per word in a subquery (no join per word,
        so no duplicate rows and no limit on the number of tables in a join)."""
        services = self
        for word in text.split():
            services = services.filter(
                Q(name__icontains=word)
                | Q(offer__icontains=word)
                | Q(audience__icontains=word)
                | Q(organisation__name__icontains=word)
                | Q(organisation__city__icontains=word)
                | Exists(Service.themes.through.objects.filter(service_id=OuterRef("pk"), theme__name__icontains=word))
            )
        return services


class Service(models.Model):
    """One offer of one organisation: what it is, for whom, from what age to what age, how to
    reach it and how to refer. Each entry has a keeper, and shows when it was last confirmed."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(_("naam van het aanbod"), max_length=200)
    offer = models.TextField(_("wat wordt geboden"))
    audience = models.CharField(_("voor wie"), max_length=300)
    age_min = models.PositiveSmallIntegerField(_("leeftijd vanaf"), default=0)
    age_max = models.PositiveSmallIntegerField(_("leeftijd tot en met"), default=23)
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), related_name="services", blank=True)
    how_to_refer = models.TextField(_("zo meldt u aan of verwijst u"), blank=True)
    needs_referral = models.BooleanField(
        _("alleen met een verwijzing"),
        default=False,
        help_text=_("Aan: alleen na een verwijzing (van de toegang, huisarts of jeugdarts). Uit: vrij toegankelijk."),
    )
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    keeper = models.ForeignKey(
        Professional, verbose_name=_("beheerder"), on_delete=models.PROTECT, related_name="kept_services"
    )
    last_confirmed_on = models.DateField(_("laatst bevestigd op"), default=timezone.localdate)
    last_confirmed_by = models.ForeignKey(
        Professional, verbose_name=_("laatst bevestigd door"), on_delete=models.PROTECT, related_name="+"
    )
    # The reminder for the current confirmation has been mailed (cleared on confirmation).
    reminded_on = models.DateField(null=True, blank=True)
    archived_on = models.DateField(_("niet meer aangeboden sinds"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        constraints = [
            models.CheckConstraint(
                condition=Q(age_min__lte=models.F("age_max")) & Q(age_max__lte=AGE_MAX),
                name="service_age_range",
                violation_error_message=_("De leeftijd vanaf is niet hoger dan de leeftijd tot en met."),
            )
        ]
        indexes = [models.Index(fields=["archived_on", "last_confirmed_on"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation.name})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("socialmap:detail", args=[self.pk])

    @property
    def confirm_due_on(self) -> date:
        return self.last_confirmed_on + timedelta(days=conf.confirm_every_days())

    def is_stale(self, today: date | None = None) -> bool:
        return self.confirm_due_on < (today or timezone.localdate())

    @property
    def contact_phone(self) -> str:
        return self.phone or self.organisation.phone

    @property
    def contact_email(self) -> str:
        return self.email or self.organisation.email


class ServiceEvent(models.Model):
    """What happened to an entry, and by whom: the map's own history (it holds no child data, so
    this is not the NEN 7513 access log)."""

    class Kind(models.TextChoices):
        CREATED = "aangemaakt", _("Toegevoegd")
        UPDATED = "gewijzigd", _("Gewijzigd en bevestigd")
        CONFIRMED = "bevestigd", _("Bevestigd: klopt nog")
        ARCHIVED = "gearchiveerd", _("Niet meer aangeboden")
        REMINDED = "herinnerd", _("Herinnering verstuurd")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.service_id}: {self.get_kind_display()}"
