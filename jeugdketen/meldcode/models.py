"""A meldcode track about a safety concern in a case: its five steps, the afwegingskader and the
two decisions. All of it is safety data (Category.SAFETY)."""

from dataclasses import dataclass

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Function, Professional

from .steps import CONVERSATION_STEP, QUESTION_NUMBERS, QUESTIONS, STEP_COUNT, advise


class Track(models.Model):
    """The meldcode followed for one safety concern about the youth of a case."""

    class Status(models.TextChoices):
        OPEN = "open", _("Lopend")
        CLOSED = "gesloten", _("Afgesloten")

    case = models.ForeignKey(Case, verbose_name=_("casus"), on_delete=models.PROTECT, related_name="meldcode_tracks")
    reason = models.TextField(_("aanleiding"))
    opened_on = models.DateField(_("gestart op"), default=timezone.localdate)
    opened_by = models.ForeignKey(
        Professional, verbose_name=_("gestart door"), on_delete=models.PROTECT, related_name="+"
    )
    opened_by_function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    closed_by = models.ForeignKey(
        Professional,
        verbose_name=_("afgesloten door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_by_function = models.ForeignKey(Function, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    close_motivation = models.TextField(_("motivering afsluiten"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("meldcode")
        verbose_name_plural = _("meldcodes")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="meldcode_track_has_reason"),
            models.CheckConstraint(
                condition=Q(
                    status="gesloten",
                    closed_on__isnull=False,
                    closed_by__isnull=False,
                    closed_by_function__isnull=False,
                    closed_on__gte=F("opened_on"),
                )
                | Q(status="open", closed_on__isnull=True, closed_by__isnull=True, close_motivation=""),
                name="meldcode_closed_track_has_closed_on_and_by",
            ),
            # One safety concern at a time per case: a second one is part of the running meldcode.
            models.UniqueConstraint(
                fields=["case"], condition=Q(status="open"), name="meldcode_one_open_track_per_case"
            ),
        ]

    def __str__(self) -> str:
        return f"meldcode {self.pk} ({self.case})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class StepRecord(models.Model):
    """One step of the meldcode, done: when, by whom in which function, and what was found.
    Step 3 (the conversation) records whether it was held; when not, ``notes`` says why."""

    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("stap"), choices=[(n, str(n)) for n in range(1, STEP_COUNT + 1)])
    done_on = models.DateField(_("datum"))
    by = models.ForeignKey(Professional, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+")
    by_function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(_("verslag en motivering"), blank=True)
    held = models.BooleanField(_("gesprek gevoerd"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("stap van de meldcode")
        verbose_name_plural = _("stappen van de meldcode")
        constraints = [
            models.UniqueConstraint(fields=["track", "number"], name="meldcode_each_step_once"),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=STEP_COUNT), name="meldcode_step_number_in_range"
            ),
            models.CheckConstraint(
                condition=Q(number=CONVERSATION_STEP, held__isnull=False)
                | (~Q(number=CONVERSATION_STEP) & Q(held=None)),
                name="meldcode_only_step_3_is_held_or_not",
            ),
            # Steps 1–3 are the record itself; 4 and 5 carry their motivations in Weighing and Decision.
            models.CheckConstraint(
                condition=Q(number__gt=CONVERSATION_STEP) | ~Q(notes=""), name="meldcode_step_has_notes"
            ),
        ]

    def __str__(self) -> str:
        return f"stap {self.number} van {self.track}"


@dataclass(frozen=True)
class QuestionRow:
    number: int
    question: str
    answer: bool | None
    motivation: str


class Weighing(models.Model):
    """Step 4: the five questions of the afwegingskader, each ja/nee with a motivation. After "nee"
    on question 1 (no suspicion) the others are not answered."""

    track = models.OneToOneField(Track, on_delete=models.CASCADE, related_name="weighing")
    answer_1 = models.BooleanField(_("vraag 1"))
    answer_2 = models.BooleanField(_("vraag 2"), null=True, blank=True)
    answer_3 = models.BooleanField(_("vraag 3"), null=True, blank=True)
    answer_4 = models.BooleanField(_("vraag 4"), null=True, blank=True)
    answer_5 = models.BooleanField(_("vraag 5"), null=True, blank=True)
    motivation_1 = models.TextField(_("motivering bij vraag 1"))
    motivation_2 = models.TextField(_("motivering bij vraag 2"), blank=True)
    motivation_3 = models.TextField(_("motivering bij vraag 3"), blank=True)
    motivation_4 = models.TextField(_("motivering bij vraag 4"), blank=True)
    motivation_5 = models.TextField(_("motivering bij vraag 5"), blank=True)

    class Meta:
        verbose_name = _("afwegingskader")
        verbose_name_plural = _("afwegingskaders")
        constraints = [
            models.CheckConstraint(
                condition=Q(answer_1=True, **{f"answer_{n}__isnull": False for n in QUESTION_NUMBERS[1:]})
                | Q(answer_1=False, **{f"answer_{n}__isnull": True for n in QUESTION_NUMBERS[1:]}),
                name="meldcode_questions_2_to_5_only_with_a_suspicion",
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"answer_{n}__isnull": True}) | ~Q(**{f"motivation_{n}": ""}),
                    name=f"meldcode_answer_{n}_has_motivation",
                )
                for n in QUESTION_NUMBERS
            ),
        ]

    def __str__(self) -> str:
        return f"afwegingskader van {self.track}"

    @property
    def answers(self) -> tuple[bool | None, ...]:
        return tuple(getattr(self, f"answer_{n}") for n in QUESTION_NUMBERS)

    @property
    def motivations(self) -> tuple[str, ...]:
        return tuple(getattr(self, f"motivation_{n}") for n in QUESTION_NUMBERS)

    @property
    def question_rows(self) -> list[QuestionRow]:
        return [
            QuestionRow(n, str(QUESTIONS[n - 1]), getattr(self, f"answer_{n}"), getattr(self, f"motivation_{n}"))
            for n in QUESTION_NUMBERS
        ]

    @property
    def advice(self):
        return advise(self.answers)


class Decision(models.Model):
    """Step 5: the two decisions, each with its motivation, and the afwegingskader's advice at the
    time. A decision that deviates from that advice carries an extra motivation."""

    track = models.OneToOneField(Track, on_delete=models.CASCADE, related_name="decision")
    report = models.BooleanField(_("melden bij Veilig Thuis"))
    reported_on = models.DateField(_("gemeld op"), null=True, blank=True)
    report_what = models.TextField(_("wat is gemeld"), blank=True)
    report_motivation = models.TextField(_("motivering melden"))
    help_possible = models.BooleanField(_("hulp bieden of organiseren is (ook) mogelijk"))
    help_motivation = models.TextField(_("motivering hulp"))
    advice_report = models.BooleanField(_("advies: melden"))
    advice_help = models.BooleanField(_("advies: hulp mogelijk"))
    deviation_motivation = models.TextField(_("motivering afwijking van het advies"), blank=True)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(report=True, reported_on__isnull=False) & ~Q(report_what="")
                | Q(report=False, reported_on__isnull=True, report_what=""),
                name="meldcode_a_report_has_date_and_content",
            ),
            models.CheckConstraint(
                condition=~Q(report_motivation="") & ~Q(help_motivation=""), name="meldcode_decisions_are_motivated"
            ),
            models.CheckConstraint(
                condition=Q(report=F("advice_report"), help_possible=F("advice_help")) | ~Q(deviation_motivation=""),
                name="meldcode_deviation_from_advice_is_motivated",
            ),
        ]

    def __str__(self) -> str:
        return f"besluit van {self.track}"

    @property
    def deviates(self) -> bool:
        return self.report != self.advice_report or self.help_possible != self.advice_help
