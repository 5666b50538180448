from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """A Dutch gemeente, identified by its CBS code (e.g. 0148 for Dalfsen)."""

    class HolidayRegion(models.TextChoices):
        """The school-holiday regions of the Ministry of OCW (rijksoverheid.nl, "Schoolvakanties"):
        the absence rules count school weeks by the calendar of the region."""

        NOORD = "noord", _("Regio noord")
        MIDDEN = "midden", _("Regio midden")
        ZUID = "zuid", _("Regio zuid")

    cbs_code = models.CharField(_("CBS-code"), max_length=4, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    # Dalfsen, where the product started, lies in regio noord; set it per municipality.
    holiday_region = models.CharField(
        _("vakantieregio"), max_length=6, choices=HolidayRegion.choices, default=HolidayRegion.NOORD
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        SCHOOL = "school", _("School")
        SAMENWERKINGSVERBAND = "swv", _("Samenwerkingsverband")
        GGD = "ggd", _("GGD")
        JEUGDHULPAANBIEDER = "jeugdhulp", _("Jeugdhulpaanbieder")
        VOORLIGGENDE_VOORZIENING = "voorliggend", _("Voorliggende voorziening")
        POLITIE = "politie", _("Politie")
        HALT = "halt", _("Halt")

    class Sector(models.TextChoices):
        PO = "po", _("Primair onderwijs (PO)")
        SO = "so", _("Speciaal onderwijs (SO)")
        SBO = "sbo", _("Speciaal basisonderwijs (SBO)")
        VO = "vo", _("Voortgezet onderwijs (VO)")
        MBO = "mbo", _("Middelbaar beroepsonderwijs (MBO)")

    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="organisations"
    )
    brin = models.CharField(_("BRIN-nummer"), max_length=6, blank=True)
    sector = models.CharField(_("sector"), max_length=3, choices=Sector.choices, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    street = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="school", sector__gt="", brin__gt="") | (~Q(kind="school") & Q(sector="", brin="")),
                name="school_has_brin_and_sector",
                violation_error_message=_("Een school heeft een BRIN-nummer en een sector; andere organisaties niet."),
            ),
            models.UniqueConstraint(fields=["brin"], condition=~Q(brin=""), name="unique_brin"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_school(self) -> bool:
        return self.kind == self.Kind.SCHOOL


class Function(models.Model):
    """A function a professional can hold (leerkracht, jeugdconsulent, ...). Reference data,
    loaded by ``manage.py load_reference_data`` from ``organisations/data/functions.json``."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    summary = models.CharField(_("in één zin"), max_length=300)
    organisation_kinds = models.JSONField(_("bij soorten organisatie"), default=list)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("functie")
        verbose_name_plural = _("functies")

    def __str__(self) -> str:
        return self.name


class RoleDescription(models.Model):
    """A block of tasks from one of the source documents ("Wie doet wat"), covering one or more
    functions (or the parent, or the casusregisseur role)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    source = models.CharField(_("bron"), max_length=40)
    source_title = models.CharField(_("brondocument"), max_length=200)
    section = models.CharField(_("onderdeel"), max_length=200, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    audience = models.CharField(_("doelgroep"), max_length=20, blank=True)
    case_role = models.CharField(_("rol in casus"), max_length=40, blank=True)
    functions = models.ManyToManyField(Function, related_name="role_descriptions", blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("taakomschrijving")
        verbose_name_plural = _("taakomschrijvingen")

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    class Phase(models.TextChoices):
        TAKEN = "taken", _("Taken")
        KERNTAKEN = "kerntaken", _("Kerntaken")
        SPECIFIEKE_TAAK = "specifieke_taak", _("Specifieke taak")
        PREVENTIE_SIGNALERING = "preventie_signalering", _("Preventie en signalering")
        WEGEN_ARRANGEREN = "wegen_arrangeren", _("Wegen en arrangeren")
        SAMENWERKEN_UITVOERING = "samenwerken_uitvoering", _("Samenwerken in de uitvoering")
        DOORGAANDE_LIJNEN = "doorgaande_lijnen", _("Doorgaande lijnen")

    role_description = models.ForeignKey(RoleDescription, on_delete=models.CASCADE, related_name="tasks")
    phase = models.CharField(_("fase"), max_length=30, choices=Phase.choices)
    text = models.TextField(_("taak"))
    items = models.JSONField(_("onderdelen"), default=list, blank=True)
    applies_to = models.ManyToManyField(Function, related_name="specific_tasks", blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["role_description__order", "order"]
        verbose_name = _("taak")
        verbose_name_plural = _("taken")

    def __str__(self) -> str:
        return self.text[:80]


class ProfessionalQuerySet(models.QuerySet):
    def working(self, on: date | None = None):
        """Those who have not left by ``on`` (today): the policy gives the others nothing."""
        return self.filter(Q(left_on__isnull=True) | Q(left_on__gt=on or timezone.localdate()))


class Professional(models.Model):
    """A person who works for an organisation and holds one or more functions."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="professional")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="professionals"
    )
    functions = models.ManyToManyField(Function, verbose_name=_("functies"), related_name="professionals")
    job_title = models.CharField(_("functietitel"), max_length=100, blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # The first day the person no longer works here: from then on every involvement in a case has
    # ended (``services.professional_leave``) and the policy gives them nothing.
    left_on = models.DateField(_("uit dienst per"), null=True, blank=True)

    objects = ProfessionalQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("professional")
        verbose_name_plural = _("professionals")

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.username

    @property
    def name(self) -> str:
        return str(self)

    def has_left(self, on: date | None = None) -> bool:
        return self.left_on is not None and self.left_on <= (on or timezone.localdate())
