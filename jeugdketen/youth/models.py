from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.organisations.models import Municipality, Organisation

from .validators import validate_bsn


def age_on(date_of_birth: date, on: date) -> int:
    years = on.year - date_of_birth.year
    if (on.month, on.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


class PersonName(models.Model):
    first_name = models.CharField(_("voornaam"), max_length=100)
    name_prefix = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=100)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.name_prefix, self.last_name) if part)


class YouthQuerySet(models.QuerySet):
    def with_bsn(self, bsns):
        """The youths with these BSNs (a long list: a school's pupils). Says that the BSN is not
        empty, as the unique index on it does (``unique_bsn``): PostgreSQL uses a partial index only
        when the query implies its condition, which it cannot see in a list of values (a thousand
        BSNs took 8 ms by reading the table instead of 1.5 ms)."""
        return self.exclude(bsn="").filter(bsn__any=frozenset(bsns))


class Youth(PersonName):
    """A jeugdige: a child or young person (0–23) whom the cooperation is about."""

    class Gender(models.TextChoices):
        GIRL = "v", _("Meisje / vrouw")
        BOY = "m", _("Jongen / man")
        OTHER = "x", _("Anders / zegt liever niet")

    date_of_birth = models.DateField(_("geboortedatum"))
    bsn = models.CharField(_("BSN"), max_length=9, blank=True, validators=[validate_bsn])
    gender = models.CharField(_("geslacht"), max_length=1, choices=Gender.choices, blank=True)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("woongemeente"), on_delete=models.PROTECT, related_name="youths"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="youth"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = YouthQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("jeugdige")
        verbose_name_plural = _("jeugdigen")
        constraints = [
            models.UniqueConstraint(
                fields=["bsn"],
                condition=~Q(bsn=""),
                name="unique_bsn",
                violation_error_message=_("Er is al een jeugdige met dit BSN."),
            )
        ]
        indexes = [models.Index(fields=["date_of_birth", "last_name"])]

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.date_of_birth and self.date_of_birth > timezone.localdate():
            raise ValidationError({"date_of_birth": _("De geboortedatum ligt in de toekomst.")})

    def age(self, on: date | None = None) -> int:
        return age_on(self.date_of_birth, on or timezone.localdate())


class Carer(PersonName):
    """A parent or carer (ouder / verzorger)."""

    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="carer"
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("ouder / verzorger")
        verbose_name_plural = _("ouders / verzorgers")


class CarerRelation(models.Model):
    class Kind(models.TextChoices):
        PARENT = "ouder", _("Ouder")
        FOSTER = "pleegouder", _("Pleegouder")
        GUARDIAN = "voogd", _("Voogd")
        CARER = "verzorger", _("Verzorger")

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="carer_relations")
    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("relatie"), max_length=20, choices=Kind.choices, default=Kind.PARENT)
    has_gezag = models.BooleanField(_("met gezag"), default=True)

    class Meta:
        verbose_name = _("relatie ouder / verzorger")
        verbose_name_plural = _("relaties ouder / verzorger")
        constraints = [models.UniqueConstraint(fields=["youth", "carer"], name="unique_carer_per_youth")]

    def __str__(self) -> str:
        return f"{self.carer} ({self.get_kind_display()}) van {self.youth}"


class EnrolmentQuerySet(models.QuerySet):
    def current(self, on: date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(end__isnull=True) | Q(end__gt=on), start__lte=on)


class Enrolment(models.Model):
    """A youth's inschrijving at a school, with group or class. ``end`` is the day from which the
    youth is no longer enrolled ("uitgeschreven per")."""

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="enrolments")
    school = models.ForeignKey(
        Organisation,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="enrolments",
        limit_choices_to={"kind": Organisation.Kind.SCHOOL},
    )
    start = models.DateField(_("ingeschreven vanaf"))
    end = models.DateField(_("uitgeschreven per"), null=True, blank=True)
    group = models.CharField(_("groep of klas"), max_length=20, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["-start"]
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="enrolment_end_after_start",
                violation_error_message=_("De einddatum ligt vóór de begindatum."),
            )
        ]
        indexes = [models.Index(fields=["school", "end"])]

    def __str__(self) -> str:
        return f"{self.youth} op {self.school}"

    def is_current(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.start <= on and (self.end is None or self.end > on)
