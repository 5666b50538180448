"""The toegang (Samen Doen): help requests, the versioned Triagechecklist, decisions, referrals to
voorliggende voorzieningen, the waiting list for jeugdconsulenten and the Awb decision term."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.access import consent
from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Municipality, Organisation, Professional
from jeugdketen.youth.models import Youth

CONSENT_CHOICES = list(consent.LABELS.items())


class Flag(models.TextChoices):
    """What an answer in the checklist can indicate. The seeds' criteria: a jeugdconsulent takes
    youths who are seriously threatened in their development or safety and whose family has complex
    problems; everything else goes to a voorliggende voorziening; safety skips the queue."""

    SAFETY = "safety", _("Zorg over veiligheid")
    DEVELOPMENT = "development", _("Ernstige bedreiging van de ontwikkeling")
    COMPLEX = "complex", _("Complexe gezinsproblematiek")
    PSYCHOLOGICAL = "psychological", _("Psychische problemen")


class Checklist(models.Model):
    """The Triagechecklist of one municipality's toegang. Its questions live in versions."""

    municipality = models.OneToOneField(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="triage_checklist"
    )
    name = models.CharField(_("naam"), max_length=100, default="Triagechecklist")

    class Meta:
        verbose_name = _("triagechecklist")
        verbose_name_plural = _("triagechecklists")

    def __str__(self) -> str:
        return f"{self.name} {self.municipality}"


class ChecklistVersion(models.Model):
    """One version of the checklist. A draft is edited; publishing makes it the version triage uses
    and freezes it, so answers always show the questions they were given under."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Concept")
        PUBLISHED = "published", _("In gebruik")
        RETIRED = "retired", _("Vervangen")

    checklist = models.ForeignKey(Checklist, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    note = models.CharField(_("wat is er veranderd"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("versie van de triagechecklist")
        verbose_name_plural = _("versies van de triagechecklist")
        constraints = [
            models.UniqueConstraint(fields=["checklist", "number"], name="unique_checklist_version"),
            models.UniqueConstraint(
                fields=["checklist"], condition=Q(status="published"), name="one_published_checklist_version"
            ),
            models.UniqueConstraint(
                fields=["checklist"], condition=Q(status="draft"), name="one_draft_checklist_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.checklist.name} versie {self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Question(models.Model):
    class Kind(models.TextChoices):
        YES_NO = "yesno", _("Ja / nee")
        CHOICE = "choice", _("Keuze")
        TEXT = "text", _("Tekst")

    version = models.ForeignKey(ChecklistVersion, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    theme = models.CharField(_("thema"), max_length=100, blank=True)
    text = models.CharField(_("vraag"), max_length=300)
    help_text = models.CharField(_("toelichting"), max_length=300, blank=True)
    kind = models.CharField(_("soort antwoord"), max_length=10, choices=Kind.choices, default=Kind.YES_NO)
    required = models.BooleanField(_("verplicht"), default=True)
    # [{"value": "ja", "label": "Ja", "flag": "safety"}, ...]; empty for text questions.
    options = models.JSONField(_("antwoordmogelijkheden"), default=list, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self) -> str:
        return self.text

    def label_for(self, value: str) -> str:
        for option in self.options:
            if option["value"] == value:
                return option["label"]
        return value

    @property
    def options_display(self) -> list[tuple[str, str]]:
        """Each answer option's label with the label of the signal it raises ('' for none)."""
        return [(o["label"], Flag(o["flag"]).label if o.get("flag") else "") for o in self.options]

    def flag_for(self, value: str) -> str:
        for option in self.options:
            if option["value"] == value:
                return option.get("flag", "")
        return ""


class HelpRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=HelpRequest.OPEN_STATUSES)

    def waiting(self):
        return self.filter(status=HelpRequest.Status.WAITING)


class HelpRequest(models.Model):
    """A hulpvraag at the toegang, in the requester's words. The youth is linked once the toegang has
    established who it is (an existing youth, or a new registration)."""

    class Source(models.TextChoices):
        PHONE = "telefoon", _("Telefonisch")
        DESK = "balie", _("Aan de balie")
        PROFESSIONAL = "professional", _("Via een professional")
        ONLINE = "online", _("Online aanmeldformulier")

    class Requester(models.TextChoices):
        PARENT = "ouder", _("Ouder / verzorger")
        YOUTH = "jeugdige", _("De jeugdige zelf")
        SCHOOL = "school", _("School")
        JGZ = "jgz", _("Jeugdgezondheidszorg (GGD)")
        HUISARTS = "huisarts", _("Huisarts")
        OTHER = "anders", _("Iemand anders")

    class Urgency(models.TextChoices):
        NORMAL = "normaal", _("Gewoon")
        SOON = "snel", _("Graag snel (binnen een week)")
        URGENT = "spoed", _("Spoed: zorg over de veiligheid")

    class Status(models.TextChoices):
        NEW = "nieuw", _("Nieuw")
        TRIAGE = "triage", _("In triage")
        REFERRED = "verwezen", _("Doorverwezen")
        WAITING = "wachtlijst", _("Op de wachtlijst")
        ASSIGNED = "toegewezen", _("Toegewezen aan jeugdconsulent")
        CLOSED = "afgesloten", _("Afgesloten")

    class Priority(models.IntegerChoices):
        HIGH = 1, _("Hoog")
        NORMAL = 2, _("Normaal")
        LOW = 3, _("Laag")

    OPEN_STATUSES = (Status.NEW, Status.TRIAGE, Status.WAITING)

    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="help_requests"
    )
    source = models.CharField(_("binnengekomen via"), max_length=20, choices=Source.choices)
    received_on = models.DateField(_("datum aanvraag"), default=timezone.localdate)
    received_at = models.DateTimeField(default=timezone.now)
    question = models.TextField(_("hulpvraag"))
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)

    # The youth as the requester gave it; ``youth`` once established.
    youth = models.ForeignKey(
        Youth, verbose_name=_("jeugdige"), null=True, blank=True, on_delete=models.PROTECT, related_name="help_requests"
    )
    first_name = models.CharField(_("voornaam jeugdige"), max_length=100)
    name_prefix = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    last_name = models.CharField(_("achternaam jeugdige"), max_length=100)
    date_of_birth = models.DateField(_("geboortedatum jeugdige"))
    bsn = models.CharField(_("BSN jeugdige"), max_length=9, blank=True)

    requester_kind = models.CharField(_("wie meldt aan"), max_length=20, choices=Requester.choices)
    requester_name = models.CharField(_("naam aanmelder"), max_length=200)
    requester_phone = models.CharField(_("telefoon aanmelder"), max_length=20, blank=True)
    requester_email = models.EmailField(_("e-mail aanmelder"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    referrer = models.ForeignKey(
        Professional,
        verbose_name=_("aangemeld door professional"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="help_requests_referred",
    )
    # Registration on behalf of a family needs the agreement the law asks for (see consent.py).
    consent_by = models.CharField(_("toestemming van"), max_length=20, choices=CONSENT_CHOICES, blank=True)
    consent_on = models.DateField(_("toestemming gegeven op"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    priority = models.PositiveSmallIntegerField(_("prioriteit"), choices=Priority.choices, null=True, blank=True)
    waiting_since = models.DateField(_("op de wachtlijst sinds"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        Professional,
        verbose_name=_("jeugdconsulent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="help_requests_assigned",
    )
    assigned_on = models.DateField(_("toegewezen op"), null=True, blank=True)
    decided_on = models.DateField(_("besluit genomen op"), null=True, blank=True)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    case = models.OneToOneField(
        Case, verbose_name=_("casus"), null=True, blank=True, on_delete=models.PROTECT, related_name="help_request"
    )

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        indexes = [
            models.Index(fields=["municipality", "status", "priority", "waiting_since"], name="helprequest_queue"),
            models.Index(fields=["municipality", "status", "-received_at"], name="helprequest_inbox"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="wachtlijst") | Q(priority__isnull=False, waiting_since__isnull=False),
                name="waiting_request_has_priority",
            ),
            models.CheckConstraint(
                condition=~Q(status="toegewezen") | Q(assigned_to__isnull=False, case__isnull=False),
                name="assigned_request_has_consulent_and_case",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def given_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.name_prefix, self.last_name) if p)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class Suspension(models.Model):
    """Awb art. 4:15: the decision term is suspended while the toegang waits for information it
    asked the requester for. ``ended_on`` is the day the information came in."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="suspensions")
    started_on = models.DateField(_("gevraagd op"))
    ended_on = models.DateField(_("ontvangen op"), null=True, blank=True)
    reason = models.CharField(_("welke informatie"), max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["started_on", "id"]
        verbose_name = _("opschorting beslistermijn")
        verbose_name_plural = _("opschortingen beslistermijn")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="suspension_ends_after_start",
            ),
            models.UniqueConstraint(fields=["request"], condition=Q(ended_on__isnull=True), name="one_open_suspension"),
        ]

    def __str__(self) -> str:
        return f"{self.request} opgeschort {self.started_on:%d-%m-%Y}"


class Triage(models.Model):
    """One completed triage: the answers under one checklist version. A revisited triage adds a new
    one; the latest counts."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="triages")
    version = models.ForeignKey(ChecklistVersion, on_delete=models.PROTECT, related_name="triages")
    performed_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    performed_at = models.DateTimeField(default=timezone.now)
    flags = models.JSONField(_("signalen"), default=list)

    class Meta:
        ordering = ["-performed_at", "-id"]
        verbose_name = _("triage")
        verbose_name_plural = _("triages")

    def __str__(self) -> str:
        return f"Triage {self.request} ({self.version})"

    @property
    def flag_labels(self) -> list[str]:
        return [Flag(f).label for f in self.flags]

    @property
    def has_safety_concern(self) -> bool:
        return Flag.SAFETY in self.flags


class Answer(models.Model):
    triage = models.ForeignKey(Triage, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.TextField(_("antwoord"), blank=True)

    class Meta:
        ordering = ["question__order", "question_id"]
        constraints = [models.UniqueConstraint(fields=["triage", "question"], name="one_answer_per_question")]

    def __str__(self) -> str:
        return f"{self.question}: {self.display}"

    @property
    def display(self) -> str:
        return self.question.label_for(self.value)


class Decision(models.Model):
    """What the toegang decided on a request, with its motivation. A revisited decision adds a new
    one; all stay as history."""

    class Kind(models.TextChoices):
        REFER = "verwijzen", _("Doorverwijzen naar een voorliggende voorziening")
        WAITLIST = "wachtlijst", _("Plaatsen op de wachtlijst jeugdconsulenten")
        SAFETY = "veiligheid", _("Zorg over veiligheid: direct toewijzen en meldcode")
        CLOSE = "afsluiten", _("Afsluiten zonder vervolg")

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="decisions")
    triage = models.ForeignKey(Triage, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("besluit"), max_length=20, choices=Kind.choices)
    motivation = models.TextField(_("motivering"))
    priority = models.PositiveSmallIntegerField(
        _("prioriteit"), choices=HelpRequest.Priority.choices, null=True, blank=True
    )
    decided_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return f"{self.request}: {self.get_kind_display()}"


class Referral(models.Model):
    """A referral to a voorliggende voorziening. What is shared is copied at sending time: the
    receiving organisation sees exactly that, never the dossier."""

    class Status(models.TextChoices):
        SENT = "verstuurd", _("Verstuurd")
        ACCEPTED = "geaccepteerd", _("Geaccepteerd")
        DECLINED = "afgewezen", _("Afgewezen")
        DONE = "afgerond", _("Afgerond")

    class Item(models.TextChoices):
        QUESTION = "hulpvraag", _("De hulpvraag")
        CONTACT = "contact", _("Naam en contactgegevens van de aanmelder")
        YOUTH = "jeugdige", _("Naam en geboortedatum van de jeugdige")
        TRIAGE = "triage", _("Uitkomst van de triage")
        SCHOOL = "school", _("School en groep")

    request = models.ForeignKey(HelpRequest, on_delete=models.PROTECT, related_name="referrals")
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="referral")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("voorziening"), on_delete=models.PROTECT, related_name="referrals_received"
    )
    # The offer on the sociale kaart the toegang picked (empty for referrals from before the map,
    # and for an organisation referred to without an offer on the map).
    service = models.ForeignKey(
        "socialmap.Service",
        verbose_name=_("aanbod"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    shared = models.JSONField(_("gedeelde gegevens"), default=dict)  # {item: text}
    consent_by = models.CharField(_("toestemming van"), max_length=20, choices=CONSENT_CHOICES, blank=True)
    consent_on = models.DateField(_("toestemming gegeven op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SENT)
    status_note = models.CharField(_("toelichting"), max_length=300, blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    status_changed_by = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        indexes = [models.Index(fields=["organisation", "status", "-sent_at"])]

    def __str__(self) -> str:
        return f"{self.request} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.SENT, self.Status.ACCEPTED)


class Contact(models.Model):
    """Contact with a waiting family (or the requester), recorded."""

    class Channel(models.TextChoices):
        PHONE = "telefoon", _("Telefoon")
        EMAIL = "email", _("E-mail")
        LETTER = "brief", _("Brief")
        VISIT = "bezoek", _("Gesprek")

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="contacts")
    on = models.DateField(_("datum"), default=timezone.localdate)
    channel = models.CharField(_("hoe"), max_length=10, choices=Channel.choices)
    note = models.TextField(_("wat is besproken"))
    by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")

    def __str__(self) -> str:
        return f"{self.request}: {self.get_channel_display()} {self.on:%d-%m-%Y}"
