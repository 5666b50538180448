"""MDO and breed overleg: a meeting about one or more cases, with an agenda item per case that
follows the HGW bespreekcyclus, minutes in data categories, decisions that become agreements in the
Plan van Aanpak, and the terugkoppeling to everyone involved, parents included.

Who reads what is not stored here: every item is read through the need-to-know policy of its case
(``jeugdketen/access/policy.py``), so two participants of one meeting can see different items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.access.categories import Category
from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Function, Professional
from jeugdketen.plans.models import Agreement
from jeugdketen.youth.models import Carer, Youth


class Meeting(models.Model):
    class Kind(models.TextChoices):
        MDO = "mdo", _("MDO (multidisciplinair overleg)")
        BREED = "breed", _("Breed overleg")
        LEERLINGBESPREKING = "leerlingbespreking", _("Leerlingbespreking")

    class Status(models.TextChoices):
        PLANNED = "gepland", _("Gepland")
        CLOSED = "afgerond", _("Afgerond, terugkoppeling verstuurd")

    kind = models.CharField(_("soort overleg"), max_length=20, choices=Kind.choices)
    starts_at = models.DateTimeField(_("datum en tijd"))
    place = models.CharField(_("plaats"), max_length=200)
    chair = models.ForeignKey(
        Professional, verbose_name=_("voorzitter"), on_delete=models.PROTECT, related_name="meetings_chaired"
    )
    organised_by = models.ForeignKey(
        Professional, verbose_name=_("georganiseerd door"), on_delete=models.PROTECT, related_name="meetings_organised"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    closed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="afgerond", closed_at__isnull=False)
                | (~Q(status="afgerond") & Q(closed_at__isnull=True)),
                name="closed_meeting_has_closed_at",
            )
        ]
        indexes = [models.Index(fields=["starts_at"], name="meeting_starts_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%d-%m-%Y}"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def short_name(self) -> str:
        """How the meeting is named in the plan ("MDO 12-11-2026")."""
        return f"{SHORT_NAMES[self.kind]} {timezone.localtime(self.starts_at):%d-%m-%Y}"


SHORT_NAMES = {
    Meeting.Kind.MDO: "MDO",
    Meeting.Kind.BREED: "Breed overleg",
    Meeting.Kind.LEERLINGBESPREKING: "Leerlingbespreking",
}


class Section(models.TextChoices):
    """The HGW bespreekcyclus as three headings on every agenda item (Pameijer: waarnemen en
    begrijpen, wat de jeugdige nodig heeft, plannen)."""

    SITUATION = "situatie", _("Wat speelt er?")
    NEEDS = "behoeften", _("Wat heeft het kind nodig?")
    AGREE = "afspraken", _("Wat spreken we af?")


class MeetingCase(models.Model):
    """The agenda item about one case. Its outcome and the decisions are what goes back to everyone
    involved in the case (the terugkoppeling) once the meeting is closed."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey(Case, verbose_name=_("casus"), on_delete=models.PROTECT, related_name="meeting_items")
    order = models.PositiveSmallIntegerField(default=0)
    outcome = models.TextField(_("uitkomst"), blank=True)
    outcome_by = models.ForeignKey(Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    feedback_sent_at = models.DateTimeField(_("terugkoppeling verstuurd op"), null=True, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        constraints = [models.UniqueConstraint(fields=["meeting", "case"], name="one_item_per_case_per_meeting")]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.case}"


class Participant(models.Model):
    """Who takes part: a professional (in the whole meeting), or a parent or the youth (invited for
    the agenda item about their own case)."""

    class Role(models.TextChoices):
        PROFESSIONAL = "professional", _("Professional")
        PARENT = "ouder", _("Ouder / verzorger")
        YOUTH = "jeugdige", _("De jeugdige")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    professional = models.ForeignKey(
        Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="meeting_participations"
    )
    item = models.ForeignKey(
        MeetingCase, null=True, blank=True, on_delete=models.CASCADE, related_name="family_participants"
    )
    carer = models.ForeignKey(Carer, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    youth = models.ForeignKey(Youth, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role", "id"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role="professional", professional__isnull=False)
                    & Q(item__isnull=True, carer__isnull=True, youth__isnull=True)
                )
                | (
                    Q(role="ouder", carer__isnull=False, item__isnull=False)
                    & Q(professional__isnull=True, youth__isnull=True)
                )
                | (
                    Q(role="jeugdige", youth__isnull=False, item__isnull=False)
                    & Q(professional__isnull=True, carer__isnull=True)
                ),
                name="participant_matches_role",
            ),
            models.UniqueConstraint(
                fields=["meeting", "professional"], condition=Q(role="professional"), name="one_professional_once"
            ),
            models.UniqueConstraint(fields=["item", "carer"], condition=Q(role="ouder"), name="one_carer_once"),
            models.UniqueConstraint(fields=["item", "youth"], condition=Q(role="jeugdige"), name="one_youth_once"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.professional_id:
            return self.professional.name
        if self.carer_id:
            return self.carer.full_name
        return self.youth.full_name if self.youth_id else ""


class Minute(models.Model):
    """One piece of the minutes of an agenda item, under one HGW heading, in one data category: the
    writer's function decides which categories they may write; the reader's which they may read.
    Police information brought into an MDO is recorded in the police category."""

    item = models.ForeignKey(MeetingCase, on_delete=models.CASCADE, related_name="minutes")
    section = models.CharField(_("onderdeel"), max_length=20, choices=Section.choices)
    category = models.CharField(_("categorie"), max_length=20, choices=Category.choices)
    text = models.TextField(_("verslag"))
    author = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    author_function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("verslagregel")
        verbose_name_plural = _("verslag")
        indexes = [models.Index(fields=["item", "category"], name="minute_item_category")]

    def __str__(self) -> str:
        return self.text[:80]


class Decision(models.Model):
    """What the meeting decided about a case: what, who, by when. The casusregisseur takes the
    decisions over into the plan in one step; ``agreement`` then points at the agreement made."""

    Owner = Agreement.Owner

    item = models.ForeignKey(MeetingCase, on_delete=models.CASCADE, related_name="decisions")
    what = models.TextField(_("wat"))
    owner_kind = models.CharField(_("wie"), max_length=20, choices=Agreement.Owner.choices)
    owner_professional = models.ForeignKey(
        Professional, verbose_name=_("professional"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_carer = models.ForeignKey(
        Carer, verbose_name=_("ouder / verzorger"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("uiterlijk"))
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    agreement = models.OneToOneField(
        Agreement,
        verbose_name=_("afspraak in het plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_decision",
    )
    converted_at = models.DateTimeField(_("in het plan opgenomen op"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        constraints = [
            models.CheckConstraint(
                condition=~Q(owner_kind="professional") | Q(owner_professional__isnull=False),
                name="professional_decision_has_owner",
            ),
            models.CheckConstraint(
                condition=Q(agreement__isnull=True, converted_at__isnull=True)
                | Q(agreement__isnull=False, converted_at__isnull=False),
                name="converted_decision_has_agreement",
            ),
        ]

    def __str__(self) -> str:
        return self.what[:80]

    @property
    def is_converted(self) -> bool:
        return self.agreement_id is not None

    @property
    def owner_name(self) -> str:
        if self.owner_kind == Agreement.Owner.PROFESSIONAL and self.owner_professional_id:
            return self.owner_professional.name
        if self.owner_kind == Agreement.Owner.PARENT and self.owner_carer_id:
            return self.owner_carer.full_name
        return str(self.get_owner_kind_display())


class FeedbackRecipient(models.Model):
    """To whom the terugkoppeling of an agenda item went: everyone involved in the case who reads the
    plan, the parents with gezag and the youth (by age). Names are copied at sending, so the record
    stays true when people move on. ``notified_at``: when the e-mail notice went out."""

    item = models.ForeignKey(MeetingCase, on_delete=models.CASCADE, related_name="recipients")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Participant.Role.choices)
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    notified_at = models.DateTimeField(_("bericht verstuurd op"), null=True, blank=True)

    class Meta:
        ordering = ["role", "name", "id"]
        verbose_name = _("ontvanger terugkoppeling")
        verbose_name_plural = _("ontvangers terugkoppeling")

    def __str__(self) -> str:
        return self.name
