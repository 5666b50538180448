"""The school's support cycle and passend onderwijs: a teacher's signal about a pupil, the
conversations and basic support around it, the IB'er's consultation, the handelingsplan and its
evaluation, the bespreekcyclus (HGW), the ontwikkelingsperspectief (OPP), admissions under the
zorgplicht, requests to the samenwerkingsverband (SWV) and the CAT's decision, ambulante
begeleiding, and consultations of the GGD at school.

Everything here about a named pupil is school-support data (``Category.SCHOOL_SUPPORT``), except
the GGD's notes, which are health data (``Category.HEALTH``)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.access import consent
from jeugdketen.organisations.models import Function, Organisation, Professional
from jeugdketen.youth.models import Youth

from . import terms

SCHOOL = {"kind": Organisation.Kind.SCHOOL}
CONSENT_CHOICES = [(key, label) for key, label in consent.LABELS.items()]


class SupportProfile(models.Model):
    """A school's schoolondersteuningsprofiel: what it offers as basic support and as extra
    support, its samenwerkingsverband and its GGD contact person (the jeugdverpleegkundige)."""

    school = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="support_profile", limit_choices_to=SCHOOL
    )
    samenwerkingsverband = models.ForeignKey(
        Organisation,
        verbose_name=_("samenwerkingsverband"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="member_schools",
        limit_choices_to={"kind": Organisation.Kind.SAMENWERKINGSVERBAND},
    )
    ggd_contact = models.ForeignKey(
        Professional,
        verbose_name=_("jeugdverpleegkundige (contactpersoon GGD)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_for_schools",
    )
    basic_support = models.TextField(_("basisondersteuning"))
    extra_support = models.TextField(_("extra ondersteuning"))
    expertise = models.TextField(_("deskundigheid in de school"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("schoolondersteuningsprofiel")
        verbose_name_plural = _("schoolondersteuningsprofielen")

    def __str__(self) -> str:
        return f"{self.school}"


class PupilSignal(models.Model):
    """What a leerkracht or mentor observed about a pupil (learning, behaviour, work attitude)."""

    class Area(models.TextChoices):
        LEARNING = "leren", _("Leren")
        BEHAVIOUR = "gedrag", _("Gedrag")
        WORK_ATTITUDE = "werkhouding", _("Werkhouding")
        SOCIAL_EMOTIONAL = "sociaal", _("Sociaal-emotioneel")

    class Status(models.TextChoices):
        OPEN = "open", _("Basisondersteuning")
        CONSULTED = "besproken", _("Besproken met IB'er")
        CLOSED = "afgesloten", _("Afgesloten")

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="pupil_signals")
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", limit_choices_to=SCHOOL)
    raised_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    area = models.CharField(_("gebied"), max_length=20, choices=Area.choices)
    observation = models.TextField(_("wat u ziet"))
    observed_on = models.DateField(_("datum"), default=timezone.localdate)
    status = models.CharField(_("stand"), max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-observed_on", "-id"]
        verbose_name = _("signaal van de leerkracht")
        verbose_name_plural = _("signalen van leerkrachten")
        indexes = [models.Index(fields=["school", "status", "-observed_on"]), models.Index(fields=["youth", "school"])]

    def __str__(self) -> str:
        return f"{self.get_area_display()}: {self.observation[:60]}"


class SupportNote(models.Model):
    """A conversation or a step of support around a pupil: with the pupil, with the parents, the
    basic support given, and the ambulant begeleider's observations and conversations."""

    class Kind(models.TextChoices):
        PUPIL_TALK = "gesprek_leerling", _("Gesprek met de leerling")
        PARENT_TALK = "gesprek_ouders", _("Gesprek met de ouders")
        BASIC_SUPPORT = "basisondersteuning", _("Gegeven basisondersteuning")
        OBSERVATION = "observatie", _("Observatie in de klas")
        TEACHER_TALK = "gesprek_leerkracht", _("Gesprek met de leerkracht")
        PARENT_MEETING = "oudergesprek", _("Deelname aan oudergesprek")

    SCHOOL_KINDS = (Kind.PUPIL_TALK, Kind.PARENT_TALK, Kind.BASIC_SUPPORT)
    AB_KINDS = (Kind.OBSERVATION, Kind.TEACHER_TALK, Kind.PUPIL_TALK, Kind.PARENT_MEETING)

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="support_notes")
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", limit_choices_to=SCHOOL)
    signal = models.ForeignKey(PupilSignal, null=True, blank=True, on_delete=models.CASCADE, related_name="notes")
    assignment = models.ForeignKey(
        "ABAssignment", null=True, blank=True, on_delete=models.CASCADE, related_name="notes"
    )
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    held_on = models.DateField(_("datum"), default=timezone.localdate)
    text = models.TextField(_("verslag"))
    author = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    author_function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("gesprek of ondersteuning")
        verbose_name_plural = _("gesprekken en ondersteuning")
        indexes = [models.Index(fields=["youth", "school", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.held_on:%d-%m-%Y})"


class Consultation(models.Model):
    """The IB'er's consultation with the teacher about a signal, and its outcome (HGW)."""

    class Question(models.TextChoices):
        LEER = "leervraag", _("Leervraag")
        LEEF = "leefvraag", _("Leefvraag")

    class Outcome(models.TextChoices):
        ENOUGH = "voldoende", _("De basisondersteuning is voldoende")
        PLAN = "handelingsplan", _("Extra ondersteuning in een handelingsplan")
        EVALUATE = "evalueren", _("Evalueren met IB'er, ouders en leerkracht")
        FURTHER = "verder", _("Verder: advies of ondersteuning van buiten de groep")

    class Further(models.TextChoices):
        ORTHOPEDAGOOG = "orthopedagoog", _("Advies van een orthopedagoog")
        AMBULANT = "ambulant", _("Ambulante begeleiding")
        STICHTING = "stichting", _("Een stichting of voorziening")
        SWV = "swv", _("Het samenwerkingsverband")

    signal = models.OneToOneField(PupilSignal, on_delete=models.CASCADE, related_name="consultation")
    ib = models.ForeignKey(
        Professional, verbose_name=_("intern begeleider"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("datum"), default=timezone.localdate)
    question = models.CharField(_("soort vraag"), max_length=20, choices=Question.choices)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices)
    further = models.CharField(_("verder naar"), max_length=20, choices=Further.choices, blank=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("consultatie IB'er")
        verbose_name_plural = _("consultaties IB'er")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="verder", further__gt="") | (~Q(outcome="verder") & Q(further="")),
                name="consultation_further_only_when_further",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_question_display()}: {self.get_outcome_display()}"


class SupportPlan(models.Model):
    """A handelingsplan: extended support with goals, a timeline and an evaluation date."""

    class Status(models.TextChoices):
        ACTIVE = "actief", _("Loopt")
        CLOSED = "afgesloten", _("Afgesloten")

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="support_plans")
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", limit_choices_to=SCHOOL)
    signal = models.ForeignKey(PupilSignal, null=True, blank=True, on_delete=models.SET_NULL, related_name="plans")
    title = models.CharField(_("onderwerp"), max_length=200)
    approach = models.TextField(_("aanpak en ondersteuning"))
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("loopt tot"))
    evaluate_on = models.DateField(_("evaluatiedatum"))
    status = models.CharField(_("stand"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    created_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("handelingsplan")
        verbose_name_plural = _("handelingsplannen")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="support_plan_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(evaluate_on__gte=models.F("starts_on")), name="support_plan_evaluates_after_start"
            ),
        ]
        indexes = [models.Index(fields=["school", "status", "evaluate_on"]), models.Index(fields=["youth", "school"])]

    def __str__(self) -> str:
        return self.title


class SupportGoal(models.Model):
    class Result(models.TextChoices):
        OPEN = "", _("Nog niet geëvalueerd")
        REACHED = "behaald", _("Behaald")
        PARTLY = "deels", _("Deels behaald")
        NOT_REACHED = "niet", _("Niet behaald")

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("doel"), max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    result = models.CharField(_("resultaat"), max_length=10, choices=Result.choices, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.text


class PlanEvaluation(models.Model):
    """The evaluation of a handelingsplan with the IB'er, the parents and the teacher."""

    class Next(models.TextChoices):
        CONTINUE = "doorgaan", _("Doorgaan met een nieuwe evaluatiedatum")
        CLOSE = "afsluiten", _("Afsluiten: de doelen zijn bereikt")
        FURTHER = "verder", _("Verder: OPP of het samenwerkingsverband")

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="evaluations")
    held_on = models.DateField(_("datum"))
    with_parents = models.BooleanField(_("ouders waren erbij"), default=False)
    with_teacher = models.BooleanField(_("leerkracht was erbij"), default=False)
    conclusion = models.TextField(_("conclusie"))
    next_step = models.CharField(_("vervolg"), max_length=20, choices=Next.choices)
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("evaluatie handelingsplan")
        verbose_name_plural = _("evaluaties handelingsplan")

    def __str__(self) -> str:
        return f"{self.plan} ({self.held_on:%d-%m-%Y})"


class CycleMeeting(models.Model):
    """A moment of the school's bespreekcyclus (HGW): the short cycle of leerlingbesprekingen and
    the long cycle of groepsbesprekingen and evaluation moments."""

    class Kind(models.TextChoices):
        GROUP = "groepsbespreking", _("Groepsbespreking")
        PUPIL = "leerlingbespreking", _("Leerlingbespreking")
        EVALUATION = "evaluatiemoment", _("Evaluatiemoment")

    class Cycle(models.TextChoices):
        SHORT = "kort", _("Korte cyclus")
        LONG = "lang", _("Lange cyclus")

    school = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", limit_choices_to=SCHOOL)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    cycle = models.CharField(_("cyclus"), max_length=10, choices=Cycle.choices)
    held_on = models.DateField(_("datum"))
    group = models.CharField(_("groep of klas"), max_length=20, blank=True)
    topic = models.CharField(_("onderwerp"), max_length=200, blank=True)
    planned_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("moment in de bespreekcyclus")
        verbose_name_plural = _("bespreekcyclus")
        indexes = [models.Index(fields=["school", "held_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.group} {self.held_on:%d-%m-%Y}"


class Uitstroom(models.TextChoices):
    """Uitstroomprofielen (WEC art. 14a; WVO art. 17a): the expected destination."""

    VERVOLGONDERWIJS = "vervolgonderwijs", _("Vervolgonderwijs")
    ARBEIDSMARKT = "arbeidsmarkt", _("Arbeidsmarkt")
    DAGBESTEDING = "dagbesteding", _("Dagbesteding")


class OPP(models.Model):
    """The ontwikkelingsperspectief (WPO art. 40a, WVO art. 17a) for a pupil with extra support."""

    class Status(models.TextChoices):
        DRAFT = "concept", _("Concept")
        FINAL = "vastgesteld", _("Vastgesteld")

    # The legal content (WPO art. 40a lid 2): uitstroomperspectief with onderbouwing, belemmerende
    # and bevorderende factoren, and (lid 3) the deviations from the programme and the support.
    LEGAL_CONTENT = (
        "uitstroom",
        "uitstroom_level",
        "onderbouwing",
        "belemmerende_factoren",
        "bevorderende_factoren",
        "afwijkingen",
        "ondersteuning",
    )

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="opps")
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", limit_choices_to=SCHOOL)
    status = models.CharField(_("stand"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    enrolled_on = models.DateField(_("ingeschreven of extra ondersteuning sinds"))
    history = models.TextField(_("voorgeschiedenis (uit signalen, handelingsplannen en evaluaties)"), blank=True)
    uitstroom = models.CharField(_("uitstroomprofiel"), max_length=20, choices=Uitstroom.choices, blank=True)
    uitstroom_level = models.CharField(_("verwachte uitstroombestemming"), max_length=200, blank=True)
    onderbouwing = models.TextField(_("onderbouwing van het uitstroomperspectief"), blank=True)
    belemmerende_factoren = models.TextField(_("belemmerende factoren"), blank=True)
    bevorderende_factoren = models.TextField(_("bevorderende factoren"), blank=True)
    afwijkingen = models.TextField(_("afwijkingen van het onderwijsprogramma"), blank=True)
    ondersteuning = models.TextField(_("te bieden ondersteuning en begeleiding"), blank=True)
    handelingsdeel = models.TextField(_("handelingsdeel (doelen, aanpak, wie en wanneer)"), blank=True)
    finalised_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    finalised_by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # WPO art. 40a lid 4: the parents agree (instemmen) with the handelingsdeel.
    consent_on = models.DateField(_("ouders stemden in op"), null=True, blank=True)
    consent_by = models.CharField(_("ingestemd door"), max_length=200, blank=True)
    consent_recorded_by = models.ForeignKey(
        Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-enrolled_on", "-id"]
        verbose_name = _("ontwikkelingsperspectief (OPP)")
        verbose_name_plural = _("ontwikkelingsperspectieven (OPP)")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="concept") | Q(finalised_on__isnull=False), name="final_opp_has_date"
            ),
            models.CheckConstraint(
                condition=Q(consent_on__isnull=True) | ~Q(consent_by=""), name="opp_consent_names_parent"
            ),
        ]
        indexes = [models.Index(fields=["school", "status"]), models.Index(fields=["youth", "school"])]

    def __str__(self) -> str:
        return f"OPP {self.youth}"

    @property
    def due_on(self) -> date:
        return terms.opp_due_on(self.enrolled_on)

    @property
    def is_final(self) -> bool:
        return self.status == self.Status.FINAL

    def missing_content(self) -> list[str]:
        """The labels of the legal content still empty."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.LEGAL_CONTENT
            if not getattr(self, name).strip()
        ]


class OPPEvaluation(models.Model):
    """The yearly evaluation of the OPP with the parents (WPO art. 40a lid 5)."""

    opp = models.ForeignKey(OPP, on_delete=models.CASCADE, related_name="evaluations")
    held_on = models.DateField(_("datum"))
    with_parents = models.BooleanField(_("met de ouders"), default=True)
    conclusion = models.TextField(_("conclusie"))
    perspective_kept = models.BooleanField(_("uitstroomperspectief blijft staan"), default=True)
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("evaluatie OPP")
        verbose_name_plural = _("evaluaties OPP")

    def __str__(self) -> str:
        return f"{self.opp} ({self.held_on:%d-%m-%Y})"


class Admission(models.Model):
    """An application (aanmelding) at a school of a pupil who may need extra support: the school's
    zorgplicht term runs from the day it was received (WPO art. 40, WVO art. 27)."""

    class Outcome(models.TextChoices):
        OPEN = "", _("Nog geen besluit")
        ADMITTED = "toegelaten", _("Toegelaten")
        ELSEWHERE = "elders", _("Passende plek op een andere school aangeboden")
        REFUSED = "afgewezen", _("Afgewezen")

    # The child is often not yet known here: the school's own administration of the application,
    # with the youth linked once known.
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=120)
    date_of_birth = models.DateField(_("geboortedatum"))
    youth = models.ForeignKey(Youth, null=True, blank=True, on_delete=models.PROTECT, related_name="admissions")
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", limit_choices_to=SCHOOL)
    support_need = models.TextField(_("ondersteuningsbehoefte volgens de ouders"))
    received_on = models.DateField(_("aanmelding ontvangen op"))
    extended_on = models.DateField(_("termijn verlengd op"), null=True, blank=True)
    extension_reason = models.CharField(_("reden verlenging"), max_length=300, blank=True)
    decided_on = models.DateField(_("besloten op"), null=True, blank=True)
    outcome = models.CharField(_("besluit"), max_length=20, choices=Outcome.choices, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("aanmelding (zorgplicht)")
        verbose_name_plural = _("aanmeldingen (zorgplicht)")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="", decided_on__isnull=True) | (~Q(outcome="") & Q(decided_on__isnull=False)),
                name="admission_outcome_has_date",
            ),
            models.CheckConstraint(
                condition=Q(extended_on__isnull=True) | ~Q(extension_reason=""), name="admission_extension_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} → {self.school}"

    @property
    def due_on(self) -> date:
        return terms.zorgplicht_due_on(self.received_on, extended=self.extended_on is not None)


class CATMeeting(models.Model):
    """A meeting of the Commissie Arrangeren en Toelaatbaarheid of a samenwerkingsverband."""

    swv = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="cat_meetings",
        limit_choices_to={"kind": Organisation.Kind.SAMENWERKINGSVERBAND},
    )
    held_on = models.DateField(_("datum"))
    chair = models.ForeignKey(Professional, verbose_name=_("voorzitter"), on_delete=models.PROTECT, related_name="+")
    location = models.CharField(_("plaats"), max_length=200, blank=True)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("CAT-vergadering")
        verbose_name_plural = _("CAT-vergaderingen")

    def __str__(self) -> str:
        return f"CAT {self.held_on:%d-%m-%Y}"


class SWVRequest(models.Model):
    """A school's request to its samenwerkingsverband for an arrangement or a TLV. What was sent
    (the OPP and the documented steps) is kept as sent: the SWV reads that, not the school's file."""

    class Kind(models.TextChoices):
        ARRANGEMENT = "arrangement", _("Arrangement")
        TLV = "tlv", _("Toelaatbaarheidsverklaring (TLV)")

    class Status(models.TextChoices):
        SUBMITTED = "ingediend", _("Ingediend")
        ON_AGENDA = "geagendeerd", _("Op de agenda van de CAT")
        DECIDED = "besloten", _("Besloten")
        WITHDRAWN = "ingetrokken", _("Ingetrokken")

    class Outcome(models.TextChoices):
        NONE = "", _("Nog geen besluit")
        ARRANGEMENT = "arrangement", _("Arrangement toegekend")
        TLV = "tlv", _("TLV afgegeven")
        REJECTED = "afgewezen", _("Afgewezen")

    class SchoolType(models.TextChoices):
        SBO = "sbo", _("Speciaal basisonderwijs (SBO)")
        SO = "so", _("Speciaal onderwijs (SO)")
        VSO = "vso", _("Voortgezet speciaal onderwijs (VSO)")

    class TLVCategory(models.TextChoices):
        # The funding categories of (V)SO (Besluit bekostiging WPO / WEC): laag, midden, hoog.
        LOW = "laag", _("Categorie laag (1)")
        MIDDLE = "midden", _("Categorie midden (2)")
        HIGH = "hoog", _("Categorie hoog (3)")

    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="swv_requests")
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", limit_choices_to=SCHOOL)
    swv = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="swv_requests")
    kind = models.CharField(_("soort aanvraag"), max_length=20, choices=Kind.choices)
    question = models.TextField(_("vraag van de school"))
    opp = models.ForeignKey(OPP, null=True, blank=True, on_delete=models.PROTECT, related_name="requests")
    admission = models.ForeignKey(Admission, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests")
    sent = models.JSONField(_("wat is meegestuurd"), default=dict)
    submitted_on = models.DateField(_("ingediend op"))
    submitted_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("stand"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    cat_meeting = models.ForeignKey(
        CATMeeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    outcome = models.CharField(_("besluit"), max_length=20, choices=Outcome.choices, blank=True)
    motivation = models.TextField(_("motivering"), blank=True)
    arrangement = models.TextField(_("inhoud van het arrangement"), blank=True)
    tlv_school_type = models.CharField(_("soort school"), max_length=10, choices=SchoolType.choices, blank=True)
    tlv_category = models.CharField(_("categorie"), max_length=10, choices=TLVCategory.choices, blank=True)
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    decided_on = models.DateField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-submitted_on", "-id"]
        verbose_name = _("aanvraag bij het samenwerkingsverband")
        verbose_name_plural = _("aanvragen bij het samenwerkingsverband")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="besloten", decided_on__isnull=False, outcome__gt="")
                | (~Q(status="besloten") & Q(outcome="")),
                name="swv_request_decision_complete",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="tlv")
                | Q(tlv_school_type__gt="", tlv_category__gt="", valid_from__isnull=False, valid_until__isnull=False),
                name="tlv_has_type_category_period",
            ),
        ]
        indexes = [models.Index(fields=["swv", "status"]), models.Index(fields=["school", "status"])]

    def __str__(self) -> str:
        return self.reference


class CATAdvice(models.Model):
    """The advice of one deskundige on a request (WPO art. 18a lid 6)."""

    class Expertise(models.TextChoices):
        ORTHOPEDAGOOG = "orthopedagoog", _("Orthopedagoog")
        PSYCHOLOOG = "psycholoog", _("Psycholoog")
        ARTS = "arts", _("Arts")
        MAATSCHAPPELIJK_WERKER = "maatschappelijk_werker", _("Maatschappelijk werker")
        OTHER = "anders", _("Andere deskundige")

    request = models.ForeignKey(SWVRequest, on_delete=models.CASCADE, related_name="advices")
    expert_name = models.CharField(_("naam deskundige"), max_length=200)
    expertise = models.CharField(_("deskundigheid"), max_length=30, choices=Expertise.choices)
    advice = models.TextField(_("advies"))
    given_on = models.DateField(_("datum"))
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["given_on", "id"]
        verbose_name = _("advies deskundige")
        verbose_name_plural = _("adviezen deskundigen")

    def __str__(self) -> str:
        return f"{self.expert_name} ({self.get_expertise_display()})"


class ABAssignmentQuerySet(models.QuerySet):
    def active(self, on: date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on), starts_on__lte=on)


class ABAssignment(models.Model):
    """An ambulant begeleider of the SWV assigned to a pupil at a school, only once the consent of
    those who decide (the parents with gezag; from 12 also the pupil) is recorded."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="ab_assignments")
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", limit_choices_to=SCHOOL)
    ab = models.ForeignKey(
        Professional, verbose_name=_("ambulant begeleider"), on_delete=models.PROTECT, related_name="ab_assignments"
    )
    request = models.ForeignKey(
        SWVRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="assignments"
    )
    question = models.TextField(_("hulpvraag"))
    consent_given_by = models.CharField(_("toestemming gegeven door"), max_length=20, choices=CONSENT_CHOICES)
    consent_on = models.DateField(_("toestemming gegeven op"))
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("beëindigd per"), null=True, blank=True)
    assigned_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ABAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("ambulante begeleiding")
        verbose_name_plural = _("ambulante begeleidingen")
        indexes = [models.Index(fields=["ab", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")), name="ab_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(consent_on__lte=models.F("starts_on")), name="ab_consent_before_start"),
        ]

    def __str__(self) -> str:
        return f"{self.ab} bij {self.youth}"

    def is_active(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or self.ends_on > on)


class GGDConsultation(models.Model):
    """A question to the GGD at school: the jeugdverpleegkundige (leefvragen) or the jeugdarts.
    Anonymous: no pupil is stored, only the school, the age group, the question and the advice.
    About a named pupil: only once the consent of those who decide is recorded."""

    class AgeGroup(models.TextChoices):
        UNDER_4 = "0-4", _("0 tot 4 jaar")
        PRIMARY_LOW = "4-8", _("4 tot 8 jaar (groep 1-4)")
        PRIMARY_HIGH = "8-12", _("8 tot 12 jaar (groep 5-8)")
        SECONDARY_LOW = "12-15", _("12 tot 15 jaar")
        SECONDARY_HIGH = "15-18", _("15 tot 18 jaar")

    class AskedBy(models.TextChoices):
        SCHOOL = "school", _("School")
        PARENTS = "ouders", _("Ouders")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "beantwoord", _("Beantwoord")

    ggd = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    professional = models.ForeignKey(
        Professional, verbose_name=_("gevraagd aan"), on_delete=models.PROTECT, related_name="ggd_consultations"
    )
    asked_by_kind = models.CharField(_("gevraagd door"), max_length=10, choices=AskedBy.choices)
    asked_by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+", limit_choices_to=SCHOOL
    )
    signal = models.ForeignKey(PupilSignal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    youth = models.ForeignKey(Youth, null=True, blank=True, on_delete=models.PROTECT, related_name="ggd_consultations")
    age_group = models.CharField(_("leeftijdsgroep"), max_length=10, choices=AgeGroup.choices, blank=True)
    question = models.TextField(_("vraag"))
    consent_given_by = models.CharField(
        _("toestemming gegeven door"), max_length=20, choices=CONSENT_CHOICES, blank=True
    )
    consent_on = models.DateField(_("toestemming gegeven op"), null=True, blank=True)
    status = models.CharField(_("stand"), max_length=20, choices=Status.choices, default=Status.OPEN)
    advice = models.TextField(_("advies"), blank=True)
    answered_on = models.DateField(_("beantwoord op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("consultatie GGD")
        verbose_name_plural = _("consultaties GGD")
        constraints = [
            # Anonymous: an age group and nothing that names the pupil. Named: the consent.
            models.CheckConstraint(
                condition=Q(
                    youth__isnull=True,
                    signal__isnull=True,
                    age_group__gt="",
                    consent_given_by="",
                    consent_on__isnull=True,
                )
                | Q(youth__isnull=False, consent_given_by__gt="", consent_on__isnull=False),
                name="ggd_consultation_anonymous_or_consented",
            ),
            models.CheckConstraint(
                condition=Q(status="open", advice="") | Q(status="beantwoord", answered_on__isnull=False),
                name="ggd_answer_has_date",
            ),
        ]
        indexes = [models.Index(fields=["professional", "status"]), models.Index(fields=["school", "status"])]

    def __str__(self) -> str:
        return self.question[:60]

    @property
    def is_anonymous(self) -> bool:
        return self.youth_id is None


class GGDNote(models.Model):
    """What the GGD records about a named pupil: health data, read by the GGD, the family, and
    the school only where the note is shared with it with the consent of those who decide."""

    class Kind(models.TextChoices):
        PARENT_CONTACT = "contact_ouders", _("Contact met de ouders")
        PARENTING = "opvoedondersteuning", _("Opvoedondersteuning")
        ADVICE_JEUGDARTS = "advies_jeugdarts", _("Advies: de jeugdarts inschakelen")
        ADVICE_ORTHO = "advies_orthopedagoog", _("Advies: een orthopedagoog inschakelen")
        ADVICE_HUISARTS = "advies_huisarts", _("Advies: naar de huisarts")
        SAMEN_DOEN = "samen_doen", _("Aangemeld bij Samen Doen")
        OTHER = "overig", _("Overig")

    consultation = models.ForeignKey(GGDConsultation, on_delete=models.CASCADE, related_name="notes")
    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="ggd_notes")
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    held_on = models.DateField(_("datum"), default=timezone.localdate)
    text = models.TextField(_("verslag"))
    shared_with_school = models.BooleanField(_("gedeeld met school"), default=False)
    share_consent_by = models.CharField(
        _("toestemming om te delen gegeven door"), max_length=20, choices=CONSENT_CHOICES, blank=True
    )
    help_request = models.ForeignKey(
        "intake.HelpRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    author_function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("notitie GGD")
        verbose_name_plural = _("notities GGD")
        constraints = [
            models.CheckConstraint(
                condition=Q(shared_with_school=False, share_consent_by="")
                | Q(shared_with_school=True, share_consent_by__gt=""),
                name="ggd_note_shared_with_consent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.held_on:%d-%m-%Y})"
