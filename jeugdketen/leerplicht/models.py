"""The leerplicht administration: the municipality's residents of school age (from the
population register), vrijstellingen and startkwalificaties, the regions' school calendars,
the absence schools deliver, and the meldingen found in it.

All of it is the youth's leerplicht data (``Category.LEERPLICHT``): the school reads its own
pupils', the consulent leerplicht those of the municipality (``rules.py``)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.organisations.models import Municipality, Organisation, Professional
from jeugdketen.youth.models import Youth

from . import law


class SchoolHoliday(models.Model):
    """A school holiday (vakantie) or a single day off of a holiday region. Weeks wholly in a
    vacation are no school weeks (``schoolcalendar``)."""

    class Kind(models.TextChoices):
        VACATION = "vakantie", _("Schoolvakantie")
        DAY_OFF = "vrij", _("Vrije dag (feestdag)")

    region = models.CharField(_("vakantieregio"), max_length=6, choices=Municipality.HolidayRegion.choices)
    name = models.CharField(_("naam"), max_length=100)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.VACATION)
    start = models.DateField(_("eerste dag"))
    end = models.DateField(_("laatste dag"))

    class Meta:
        ordering = ["region", "start"]
        verbose_name = _("schoolvakantie")
        verbose_name_plural = _("schoolvakanties")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="school_holiday_end_after_start",
                violation_error_message=_("De laatste dag ligt vóór de eerste dag."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_region_display()})"


class ResidentQuerySet(models.QuerySet):
    def current(self, on: date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(until__isnull=True) | Q(until__gt=on), since__lte=on)


class Resident(models.Model):
    """A youth living in the municipality, as the population register (BRP) extract says: the
    leerplicht administration's own list, with the address the letters go to."""

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="residences")
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="residents"
    )
    street = models.CharField(_("straat en huisnummer"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7)
    city = models.CharField(_("woonplaats"), max_length=100)
    since = models.DateField(_("datum vestiging"))
    until = models.DateField(_("datum vertrek"), null=True, blank=True)
    delivery = models.ForeignKey("Delivery", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = ResidentQuerySet.as_manager()

    class Meta:
        ordering = ["-since"]
        verbose_name = _("ingezetene")
        verbose_name_plural = _("ingezetenen")
        constraints = [
            models.UniqueConstraint(fields=["youth", "municipality", "since"], name="unique_residence"),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="residence_until_after_since",
                violation_error_message=_("De datum van vertrek ligt vóór de datum van vestiging."),
            ),
        ]
        indexes = [models.Index(fields=["municipality", "until"])]

    def __str__(self) -> str:
        return f"{self.youth} in {self.municipality}"


class Exemption(models.Model):
    """A vrijstelling of the Leerplichtwet, recorded by the consulent leerplicht with its grounds."""

    class Article(models.TextChoices):
        # Art. 5 sub a: on physical or psychological grounds unfit to attend a school, with a
        # verklaring of an arts, psycholoog or orthopedagoog (art. 7).
        ART_5A = "5a", _("Art. 5 sub a: lichamelijk of psychisch niet geschikt")
        # Art. 5 sub b: richtingbezwaren against every school within reasonable distance.
        ART_5B = "5b", _("Art. 5 sub b: bezwaar tegen de richting van het onderwijs")
        # Art. 5 sub c: enrolled at a school abroad.
        ART_5C = "5c", _("Art. 5 sub c: ingeschreven bij een school in het buitenland")
        # Art. 15: from 16, other education is followed that is sufficient.
        ART_15 = "15", _("Art. 15: volgt op andere wijze voldoende onderwijs (vanaf 16 jaar)")

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="exemptions")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    article = models.CharField(_("grond in de wet"), max_length=3, choices=Article.choices)
    grounds = models.TextField(_("onderbouwing"))
    notice_on = models.DateField(_("kennisgeving of verzoek ontvangen op"))
    statement_by = models.CharField(_("verklaring van (arts, psycholoog of orthopedagoog)"), max_length=200, blank=True)
    start = models.DateField(_("vrijgesteld vanaf"))
    end = models.DateField(_("vrijgesteld tot en met"))
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("vrijstelling")
        verbose_name_plural = _("vrijstellingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="exemption_end_after_start",
                violation_error_message=_("De einddatum ligt vóór de begindatum."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_article_display()} — {self.youth}"

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


class Startkwalificatie(models.Model):
    """Art. 4a: a havo, vwo or mbo-2 (or higher) diploma ends the kwalificatieplicht."""

    class Level(models.TextChoices):
        HAVO = "havo", _("Havo-diploma")
        VWO = "vwo", _("Vwo-diploma")
        MBO2 = "mbo2", _("Mbo-diploma niveau 2")
        MBO3 = "mbo3", _("Mbo-diploma niveau 3")
        MBO4 = "mbo4", _("Mbo-diploma niveau 4")

    youth = models.OneToOneField(Youth, on_delete=models.CASCADE, related_name="startkwalificatie")
    level = models.CharField(_("diploma"), max_length=4, choices=Level.choices)
    obtained_on = models.DateField(_("behaald op"))
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("startkwalificatie")
        verbose_name_plural = _("startkwalificaties")

    def __str__(self) -> str:
        return f"{self.get_level_display()} ({self.obtained_on})"


class Delivery(models.Model):
    """One file (or API call) delivered: a population extract, enrolments or absence. Kept with its
    checksum and counts, so a school sees what it delivered and a second delivery of the same file
    is recognised."""

    class Kind(models.TextChoices):
        POPULATION = "bevolking", _("Bevolkingsgegevens (BRP)")
        ENROLMENT = "inschrijving", _("Inschrijvingen")
        ABSENCE = "verzuim", _("Verzuim")

    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="deliveries")
    delivered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    delivered_at = models.DateTimeField(default=timezone.now)
    filename = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    rows = models.PositiveIntegerField(_("regels"), default=0)
    created = models.PositiveIntegerField(_("nieuw"), default=0)
    updated = models.PositiveIntegerField(_("gewijzigd"), default=0)
    unchanged = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    findings = models.PositiveIntegerField(_("nieuwe meldingen"), default=0)

    class Meta:
        ordering = ["-delivered_at"]
        verbose_name = _("aanlevering")
        verbose_name_plural = _("aanleveringen")
        indexes = [models.Index(fields=["organisation", "kind", "sha256"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filename} ({self.delivered_at:%d-%m-%Y %H:%M})"


class Absence(models.Model):
    """A pupil's absence on one school day of one kind, as the school registered it (the school's
    verzuimregistratie, Leerplichtwet art. 21a / Besluit). Hours are lesson hours (lesuren); for
    "te laat" the time missed.

    The region's largest table (a million rows a school year), kept lean: the natural key is the
    primary key (one index, which also serves every read: by pupil, by pupil and school), and the
    references carry no database constraint. They are checked where the rows come from: the
    import stores only pupils it found enrolled at the delivering school and the delivery it
    created, in the same transaction; Django removes a youth's absence with the youth
    (``on_delete``). A database foreign key would look up the same school and delivery row again
    for every row stored (``bench/README.md``: 19.0 s against 4.8 s for a million rows)."""

    class Kind(models.TextChoices):
        UNAUTHORISED = "ongeoorloofd", _("Ongeoorloofd")
        LATE = "te_laat", _("Te laat")
        SICK = "ziek", _("Ziek")
        LEAVE = "verlof", _("Geoorloofd verlof")
        SUSPENSION = "schorsing", _("Schorsing")

    # What counts toward the 16 hours of art. 21a: unauthorised absence and the time missed by
    # coming late. Sickness, granted leave and suspension are not unauthorised.
    UNAUTHORISED_KINDS = (Kind.UNAUTHORISED, Kind.LATE)

    pk = models.CompositePrimaryKey("youth_id", "school_id", "day", "kind")
    youth = models.ForeignKey(
        Youth, on_delete=models.CASCADE, related_name="absences", db_constraint=False, db_index=False
    )
    school = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="absences", db_constraint=False, db_index=False
    )
    day = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    hours = models.DecimalField(_("lesuren"), max_digits=4, decimal_places=2)
    delivery = models.ForeignKey(
        Delivery,
        null=True,
        on_delete=models.SET_NULL,
        related_name="absences",
        db_constraint=False,
        db_index=False,
    )

    class Meta:
        ordering = ["-day"]
        verbose_name = _("verzuim")
        verbose_name_plural = _("verzuim")
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24),
                name="absence_hours_positive",
                violation_error_message=_("Het aantal lesuren ligt tussen 0 en 24."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.youth} {self.day} {self.get_kind_display()} {self.hours}"


class Melding(models.Model):
    """A reportable case found in a pupil's absence (``verzuim.py``): the school confirms and sends
    it within the term, to the consulent leerplicht or, for M@ZL, to the jeugdarts."""

    class Kind(models.TextChoices):
        RELATIEF = "relatief", _("Relatief verzuim: 16 uur in 4 schoolweken")
        LANGDURIG = "langdurig", _("Langdurig relatief verzuim")
        LUXE = "luxe", _("Luxe verzuim")
        MAZL_FREQUENT = "mazl_frequent", _("Ziekteverzuim (M@ZL): vaak ziek gemeld")
        MAZL_LONG = "mazl_lang", _("Ziekteverzuim (M@ZL): lang ziek")

    MAZL_KINDS = (Kind.MAZL_FREQUENT, Kind.MAZL_LONG)

    class Status(models.TextChoices):
        FOUND = "gevonden", _("Gevonden: school bevestigt en meldt")
        SENT = "gemeld", _("Gemeld")
        TAKEN_UP = "in_behandeling", _("In behandeling")
        LAPSED = "vervallen", _("Vervallen (verzuim gecorrigeerd)")
        CLOSED = "afgesloten", _("Afgesloten")

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="meldingen")
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="meldingen")
    kind = models.CharField(_("soort"), max_length=14, choices=Kind.choices)
    reached_on = models.DateField(_("grens bereikt op"))
    period_start = models.DateField(_("verzuim vanaf"))
    period_end = models.DateField(_("verzuim tot en met"))
    hours = models.DecimalField(_("lesuren"), max_digits=6, decimal_places=2, default=0)
    count = models.PositiveIntegerField(_("aantal"), default=0)
    due_on = models.DateField(_("melden uiterlijk op"))
    status = models.CharField(_("status"), max_length=14, choices=Status.choices, default=Status.FOUND)
    found_at = models.DateTimeField(default=timezone.now)
    school_note = models.TextField(_("toelichting van de school"), blank=True)
    sent_at = models.DateTimeField(_("gemeld op"), null=True, blank=True)
    sent_by = models.ForeignKey(
        Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="meldingen_sent"
    )
    case = models.ForeignKey(
        "LeerplichtCase", null=True, blank=True, on_delete=models.SET_NULL, related_name="meldingen"
    )
    # M@ZL: the jeugdarts of the school's GGD the melding went to, and the advice back to the school.
    jeugdarts = models.ForeignKey(
        Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="mazl_meldingen"
    )
    advice = models.TextField(_("advies van de jeugdarts aan de school"), blank=True)
    advised_at = models.DateTimeField(_("advies gegeven op"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("verzuimmelding")
        verbose_name_plural = _("verzuimmeldingen")
        constraints = [
            models.UniqueConstraint(fields=["youth", "school", "kind", "reached_on"], name="unique_melding"),
        ]
        indexes = [models.Index(fields=["school", "status"]), models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.youth} ({self.reached_on})"

    @property
    def is_mazl(self) -> bool:
        return self.kind in self.MAZL_KINDS

    def overdue(self, today: date | None = None) -> bool:
        return self.status == self.Status.FOUND and (today or timezone.localdate()) > self.due_on


class LeerplichtCase(models.Model):
    """A leerplicht case (leerplichtzaak): the consulent leerplicht handles a pupil's verzuim by the
    Methodische Aanpak Schoolverzuim (MAS, Ingrado 2017, update 2020) in five phases, and chooses a
    route. Meldingen of the pupil join the open case; every step is kept (``CaseStep``) so the
    consulent who receives the case in a warm handover sees its history."""

    class Phase(models.TextChoices):
        WAARNEMEN = "waarnemen", _("Waarnemen")
        ANALYSEREN = "analyseren", _("Analyseren")
        PLANNEN = "plannen", _("Plannen")
        HANDELEN = "handelen", _("Handelen")
        EVALUEREN = "evalueren", _("Evalueren")

    class Route(models.TextChoices):
        NONE = "", _("Nog geen route gekozen")
        VOLUNTARY = "vrijwillig", _("Vrijwillige (jeugd)hulp")
        HALT = "halt", _("Halt")
        CIVIL = "civiel", _("Dwang in civiel kader (Raad voor de Kinderbescherming)")
        CRIMINAL = "strafrecht", _("Strafrechtelijk (proces-verbaal)")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "gesloten", _("Gesloten")

    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="leerplicht_cases")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="leerplicht_cases")
    consulent = models.ForeignKey(
        Professional, verbose_name=_("consulent leerplicht"), on_delete=models.PROTECT, related_name="leerplicht_cases"
    )
    school = models.ForeignKey(
        Organisation, verbose_name=_("school"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    phase = models.CharField(_("fase"), max_length=12, choices=Phase.choices, default=Phase.WAARNEMEN)
    route = models.CharField(_("route"), max_length=12, choices=Route.choices, blank=True, default=Route.NONE)
    route_reason = models.TextField(_("onderbouwing van de route"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_on = models.DateField(_("geopend op"), default=timezone.localdate)
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True)
    outcome = models.TextField(_("resultaat bij afsluiten"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("leerplichtzaak")
        verbose_name_plural = _("leerplichtzaken")
        constraints = [
            # One open case per pupil: a new melding joins it.
            models.UniqueConstraint(
                fields=["youth"], condition=Q(status="open"), name="one_open_leerplicht_case_per_youth"
            ),
        ]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} — {self.youth}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class CaseStep(models.Model):
    """One step in a leerplicht case: a conversation, an invitation (a letter), the preventive
    spreekuur, an agreement, a warning, coordination with youth care, a phase or route chosen,
    a Halt referral, a proces-verbaal, a handover."""

    class Kind(models.TextChoices):
        NOTE = "notitie", _("Notitie")
        INVITATION = "uitnodiging", _("Uitnodiging voor een gesprek")
        CONVERSATION = "gesprek", _("Gesprek")
        SPREEKUUR = "spreekuur", _("Preventief spreekuur")
        AGREEMENT = "afspraak", _("Afspraak")
        WARNING = "waarschuwing", _("Waarschuwing")
        COORDINATION = "afstemming", _("Afstemming met jeugdhulp")
        PHASE = "fase", _("Fase")
        ROUTE = "route", _("Route")
        HALT = "halt", _("Verwijzing naar Halt")
        PROCES_VERBAAL = "proces_verbaal", _("Proces-verbaal")
        HANDOVER = "overdracht", _("Warme overdracht")
        CLOSED = "afgesloten", _("Afgesloten")

    # Steps the consulent records by hand (the others follow from a service).
    RECORDED_KINDS = (Kind.NOTE, Kind.CONVERSATION, Kind.SPREEKUUR, Kind.AGREEMENT)
    # Steps that make a letter (PDF) for the pupil and the parents.
    LETTER_KINDS = (Kind.INVITATION, Kind.WARNING)

    case = models.ForeignKey(LeerplichtCase, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("soort"), max_length=16, choices=Kind.choices)
    occurred_on = models.DateField(_("datum"), default=timezone.localdate)
    phase = models.CharField(_("fase"), max_length=12, choices=LeerplichtCase.Phase.choices)
    title = models.CharField(_("onderwerp"), max_length=200)
    text = models.TextField(_("verslag"), blank=True)
    with_whom = models.CharField(_("met wie"), max_length=200, blank=True)
    # Invitations: when and where the conversation is; agreements: by when, and whether kept.
    appointment_at = models.DateTimeField(_("datum en tijd van het gesprek"), null=True, blank=True)
    location = models.CharField(_("plaats"), max_length=200, blank=True)
    due_on = models.DateField(_("uiterlijk op"), null=True, blank=True)
    kept = models.BooleanField(_("nagekomen"), null=True, blank=True)
    by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("stap in de leerplichtzaak")
        verbose_name_plural = _("stappen in de leerplichtzaak")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def has_letter(self) -> bool:
        return self.kind in self.LETTER_KINDS


class HaltReferral(models.Model):
    """A Halt-verwijzing for schoolverzuim: once per pupil (``law.HALT_*``), with the consent of the
    pupil and, under 16, of the parents."""

    class Outcome(models.TextChoices):
        PENDING = "lopend", _("Loopt")
        COMPLETED = "afgerond", _("Positief afgerond")
        FAILED = "mislukt", _("Niet afgerond: proces-verbaal")

    case = models.OneToOneField(LeerplichtCase, on_delete=models.PROTECT, related_name="halt_referral")
    youth = models.OneToOneField(Youth, on_delete=models.PROTECT, related_name="halt_referral")
    hours = models.DecimalField(_("uren ongeoorloofd verzuim"), max_digits=6, decimal_places=2)
    times_late = models.PositiveIntegerField(_("keren te laat"))
    youth_consents = models.BooleanField(_("de jeugdige stemt in"))
    parents_consent = models.BooleanField(_("de ouders stemmen in"), null=True, blank=True)
    referred_on = models.DateField(_("verwezen op"), default=timezone.localdate)
    outcome = models.CharField(_("resultaat"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    outcome_on = models.DateField(_("resultaat bekend op"), null=True, blank=True)

    class Meta:
        verbose_name = _("Halt-verwijzing")
        verbose_name_plural = _("Halt-verwijzingen")

    def __str__(self) -> str:
        return f"Halt — {self.youth}"


class ProcesVerbaal(models.Model):
    """A proces-verbaal (Leerplichtwet art. 22 lid 2) of the consulent leerplicht as buitengewoon
    opsporingsambtenaar: against the parents, who must see to it that the youth attends school
    (art. 2 lid 1), and/or the youth of 12 or older, on whom that duty rests too (art. 2). It goes
    to the Openbaar Ministerie, with a copy to the Raad voor de Kinderbescherming."""

    class Against(models.TextChoices):
        PARENTS = "ouders", _("De ouders of verzorgers (art. 2 lid 1)")
        YOUTH = "jeugdige", _("De jeugdige van 12 jaar of ouder (art. 2)")
        BOTH = "beiden", _("De ouders en de jeugdige")

    case = models.ForeignKey(LeerplichtCase, on_delete=models.PROTECT, related_name="processen_verbaal")
    number = models.CharField(_("nummer"), max_length=30, unique=True)
    against = models.CharField(_("tegen"), max_length=10, choices=Against.choices)
    facts = models.TextField(_("feiten en omstandigheden"))
    period_start = models.DateField(_("verzuim vanaf"))
    period_end = models.DateField(_("verzuim tot en met"))
    hours = models.DecimalField(_("uren ongeoorloofd verzuim"), max_digits=6, decimal_places=2)
    drawn_up_on = models.DateField(_("opgemaakt op"), default=timezone.localdate)
    by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    sent_to_om_on = models.DateField(_("verstuurd aan het OM op"), null=True, blank=True)
    copy_to_raad_on = models.DateField(_("afschrift aan de Raad op"), null=True, blank=True)

    class Meta:
        ordering = ["-drawn_up_on", "-pk"]
        verbose_name = _("proces-verbaal")
        verbose_name_plural = _("processen-verbaal")

    def __str__(self) -> str:
        return f"Proces-verbaal {self.number}"


class LeaveRequest(models.Model):
    """A request for extra leave (Leerplichtwet art. 13a, 14): the parents ask the school; up to 10
    school days the head of the school decides, over 10 the consulent leerplicht (art. 14 lid 3).
    Refused leave that is taken anyway is luxe verzuim."""

    class Ground(models.TextChoices):
        HOLIDAY = "13a", _("Art. 13a: vakantie buiten de schoolvakanties (specifieke aard van het beroep)")
        CIRCUMSTANCES = "14", _("Art. 14: gewichtige omstandigheden")

    class Decision(models.TextChoices):
        PENDING = "", _("Nog niet beslist")
        GRANTED = "verleend", _("Verleend")
        REFUSED = "geweigerd", _("Geweigerd")

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="leave_requests")
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="leave_requests")
    ground = models.CharField(_("grond"), max_length=3, choices=Ground.choices)
    reason = models.TextField(_("reden van de aanvraag"))
    requested_by = models.CharField(_("aangevraagd door"), max_length=200)
    requested_on = models.DateField(_("aangevraagd op"))
    start = models.DateField(_("eerste dag"))
    end = models.DateField(_("laatste dag"))
    school_days = models.PositiveIntegerField(_("schooldagen"))
    registered_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(_("besluit"), max_length=10, choices=Decision.choices, blank=True, default="")
    decision_grounds = models.TextField(_("motivering van het besluit"), blank=True)
    decided_on = models.DateField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-requested_on", "-pk"]
        verbose_name = _("verlofaanvraag")
        verbose_name_plural = _("verlofaanvragen")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="leave_request_end_after_start",
                violation_error_message=_("De laatste dag ligt vóór de eerste dag."),
            )
        ]

    def __str__(self) -> str:
        return f"Verlof {self.youth} {self.start}–{self.end}"

    @property
    def for_consulent(self) -> bool:
        return self.school_days > law.HEAD_DECIDES_UP_TO_SCHOOL_DAYS
