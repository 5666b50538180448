"""The meldcode as the law has it: five steps, the afwegingskader's five questions, two decisions,
and the advice that follows from the answers. Written out here on purpose: this is the requirement
(Wet verplichte meldcode huiselijk geweld en kindermishandeling; afwegingskader since 2019)."""

import itertools

import pytest

from jeugdketen.meldcode.steps import (
    CONVERSATION_STEP,
    DECISION_HELP,
    DECISION_REPORT,
    DECISION_STEP,
    QUESTIONS,
    STEPS,
    WEIGHING_STEP,
    Advice,
    advise,
)


def test_the_five_steps():
    assert [(s.number, str(s.title)) for s in STEPS] == [
        (1, "Breng signalen in kaart"),
        (2, "Overleg met een collega en raadpleeg zo nodig Veilig Thuis (of een letselexpert)"),
        (3, "Gesprek met de betrokkene(n)"),
        (4, "Weeg het geweld of de kindermishandeling, met behulp van het afwegingskader"),
        (5, "Beslis: hulp organiseren en/of melden bij Veilig Thuis"),
    ]
    assert (CONVERSATION_STEP, WEIGHING_STEP, DECISION_STEP) == (3, 4, 5)


def test_the_five_questions_of_the_afwegingskader():
    assert [str(q) for q in QUESTIONS] == [
        "Heb ik op basis van de stappen 1 tot en met 3 een vermoeden van huiselijk geweld en/of kindermishandeling?",
        "Schat ik op basis van de stappen 1 tot en met 3 in dat er sprake is van acute en/of structurele onveiligheid?",
        "Ben ik in staat effectieve hulp te bieden of te organiseren om (risico op) huiselijk geweld en/of "
        "kindermishandeling af te wenden?",
        "Aanvaarden de betrokkenen de hulp zoals voorgesteld en zijn zij bereid zich in te zetten?",
        "Leidt de hulp binnen de gewenste termijn tot de noodzakelijke resultaten ten aanzien van de veiligheid "
        "en/of het welzijn van alle betrokkenen?",
    ]


def test_the_two_decisions():
    assert (str(DECISION_REPORT), str(DECISION_HELP)) == (
        "Melden bij Veilig Thuis",
        "Hulp bieden of organiseren is (ook) mogelijk",
    )


J, N = True, False
# (2 acute/structurele onveiligheid, 3 hulp mogelijk, 4 aanvaard, 5 binnen termijn) -> (melden, hulp)
WITH_SUSPICION = {
    (N, J, J, J): (N, J),  # the only way to help without a report
    (J, J, J, J): (J, J),  # unsafe: report, and help is also possible
    (N, N, J, J): (J, N),
    (N, J, N, J): (J, N),
    (N, J, J, N): (J, N),
    (N, N, N, J): (J, N),
    (N, N, J, N): (J, N),
    (N, J, N, N): (J, N),
    (N, N, N, N): (J, N),
    (J, N, J, J): (J, N),
    (J, J, N, J): (J, N),
    (J, J, J, N): (J, N),
    (J, N, N, J): (J, N),
    (J, N, J, N): (J, N),
    (J, J, N, N): (J, N),
    (J, N, N, N): (J, N),
}


def test_the_table_covers_every_combination():
    assert set(WITH_SUSPICION) == set(itertools.product([J, N], repeat=4))


@pytest.mark.parametrize(("answers", "expected"), WITH_SUSPICION.items(), ids=str)
def test_advice_with_a_suspicion(answers, expected):
    advice = advise((True, *answers))
    assert (advice.suspicion, advice.report, advice.help_possible) == (True, *expected)


@pytest.mark.parametrize("rest", [(None, None, None, None), *itertools.product([J, N], repeat=4)], ids=str)
def test_no_suspicion_means_no_report_whatever_else(rest):
    assert advise((False, *rest)) == Advice(suspicion=False, report=False, help_possible=False)


@pytest.mark.parametrize(
    ("advice", "summary"),
    [
        (Advice(False, False, False), "Geen vermoeden: melden is niet nodig. Sluit de meldcode af met een motivering."),
        (
            Advice(True, True, True),
            "Melden bij Veilig Thuis is noodzakelijk; hulp bieden of organiseren is ook mogelijk.",
        ),
        (Advice(True, True, False), "Melden bij Veilig Thuis is noodzakelijk."),
        (Advice(True, False, True), "Hulp bieden of organiseren is mogelijk, zonder melding bij Veilig Thuis."),
    ],
)
def test_the_advice_in_words(advice, summary):
    assert advice.summary == summary
