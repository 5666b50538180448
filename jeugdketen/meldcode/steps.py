"""The meldcode itself: its five steps, the afwegingskader's five questions and the advice that
follows from the answers. Encoded once, here; pinned in tests/meldcode/test_steps.py.

Sources:

* Wet verplichte meldcode huiselijk geweld en kindermishandeling (in force since 1 July 2013) and
  the Besluit verplichte meldcode huiselijk geweld en kindermishandeling (Besluit van 16 juli 2013,
  Stb. 2013, 324): the five steps.
* The 2017 amendment of that Besluit, in force since 1 January 2019: the afwegingskader in step 4
  and the two decisions of step 5 ("is melden noodzakelijk?", "is hulp verlenen of organiseren
  (ook) mogelijk?").
* Rijksoverheid, "Het afwegingskader in de Meldcode huiselijk geweld en kindermishandeling"
  (basisdocument, 28 July 2017): the five afwegingen as worded here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class StepDefinition:
    number: int
    title: str
    explanation: str


STEPS: tuple[StepDefinition, ...] = (
    StepDefinition(
        1, _("Breng signalen in kaart"), _("Welke signalen ziet u, wanneer en bij wie? Feiten, geen interpretaties.")
    ),
    StepDefinition(
        2,
        _("Overleg met een collega en raadpleeg zo nodig Veilig Thuis (of een letselexpert)"),
        _("Met wie heeft u overlegd, en wat was het advies?"),
    ),
    StepDefinition(
        3,
        _("Gesprek met de betrokkene(n)"),
        _(
            "Het gesprek met de jeugdige en/of de ouders. Alleen overslaan als het gesprek de veiligheid "
            "in gevaar brengt; leg dan vast waarom."
        ),
    ),
    StepDefinition(
        4,
        _("Weeg het geweld of de kindermishandeling, met behulp van het afwegingskader"),
        _("Beantwoord de vijf vragen van het afwegingskader, elk met een motivering."),
    ),
    StepDefinition(
        5,
        _("Beslis: hulp organiseren en/of melden bij Veilig Thuis"),
        _("Neem de twee beslissingen: melden bij Veilig Thuis, en hulp bieden of organiseren."),
    ),
)
STEP_COUNT = len(STEPS)
CONVERSATION_STEP = 3  # may be recorded as "niet gevoerd", with the reason
WEIGHING_STEP = 4
DECISION_STEP = 5

QUESTIONS: tuple[str, ...] = (
    _("Heb ik op basis van de stappen 1 tot en met 3 een vermoeden van huiselijk geweld en/of kindermishandeling?"),
    _("Schat ik op basis van de stappen 1 tot en met 3 in dat er sprake is van acute en/of structurele onveiligheid?"),
    _(
        "Ben ik in staat effectieve hulp te bieden of te organiseren om (risico op) huiselijk geweld en/of "
        "kindermishandeling af te wenden?"
    ),
    _("Aanvaarden de betrokkenen de hulp zoals voorgesteld en zijn zij bereid zich in te zetten?"),
    _(
        "Leidt de hulp binnen de gewenste termijn tot de noodzakelijke resultaten ten aanzien van de "
        "veiligheid en/of het welzijn van alle betrokkenen?"
    ),
)
QUESTION_NUMBERS = range(1, len(QUESTIONS) + 1)

DECISION_REPORT = _("Melden bij Veilig Thuis")
DECISION_HELP = _("Hulp bieden of organiseren is (ook) mogelijk")


def step(number: int) -> StepDefinition:
    return STEPS[number - 1]


@dataclass(frozen=True)
class Advice:
    """What the afwegingskader advises for the two decisions of step 5."""

    suspicion: bool  # no suspicion: nothing to report, close the meldcode with a motivation
    report: bool  # melden bij Veilig Thuis is noodzakelijk
    help_possible: bool  # hulp bieden of organiseren is (ook) mogelijk

    @property
    def summary(self) -> str:
        if not self.suspicion:
            return str(_("Geen vermoeden: melden is niet nodig. Sluit de meldcode af met een motivering."))
        if self.report and self.help_possible:
            return str(_("Melden bij Veilig Thuis is noodzakelijk; hulp bieden of organiseren is ook mogelijk."))
        if self.report:
            return str(_("Melden bij Veilig Thuis is noodzakelijk."))
        return str(_("Hulp bieden of organiseren is mogelijk, zonder melding bij Veilig Thuis."))


def advise(answers: tuple[bool | None, ...]) -> Advice:
    """The advice for the answers to questions 1–5 (``None``: not answered, as questions 2–5 are
    not after "nee" on question 1).

    No suspicion (1: nee): no report. Acute or structural unsafety (2: ja): report. Help is
    possible only when the professional can offer it (3), the family accepts it (4) and it works in
    time (5); when it is not, report. Help can go together with a report (2: ja, 3–5: ja).
    """
    suspicion, unsafe, can_help, accepted, in_time = answers
    if not suspicion:
        return Advice(suspicion=False, report=False, help_possible=False)
    help_possible = bool(can_help and accepted and in_time)
    return Advice(suspicion=True, report=bool(unsafe) or not help_possible, help_possible=help_possible)
