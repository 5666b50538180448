"""The onderzoeksverslag as a PDF: a fixed layout with header, the phases, the decision and the
zienswijzen, marked concept until final. Read back from WeasyPrint's laid-out pages."""

import pytest
from django.utils import timezone

from jeugdketen.auditlog.services import CLI
from jeugdketen.investigation import report, selectors, services
from jeugdketen.investigation.models import HelpKind
from tests.factories import parent_of

from .conftest import finish_analyse, finish_oordeel

pytestmark = pytest.mark.django_db


def laid_out_text(view) -> tuple[str, int]:
    """The text of every laid-out box, margin boxes included, and the number of pages."""
    from weasyprint import HTML

    document = HTML(string=report.report_html(view)).render()

    def walk(box):
        yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    texts = [b.text for page in document.pages for b in walk(page._page_box) if hasattr(b, "text")]
    return " ".join(texts), len(document.pages)


def view_of(user, investigation):
    return selectors.investigation_detail(actor=user, investigation_id=investigation.pk, access_point=CLI)


def test_a_concept_report_has_the_header_and_says_concept(investigation, actor):
    text, pages = laid_out_text(view_of(actor, investigation))
    assert pages <= 2  # a readable report, not a log: two A4 pages for an empty concept
    for expected in (
        "Gemeente Dalfsen",
        "Onderzoeksverslag",
        "Concept: nog niet definitief",
        "CONCEPT",
        investigation.case.reference,
        "Noah Jansen",
        "Jeroen Hulshof",
        "1. Gesprekken",
        "2. Analyse: wat er gevonden is",
        "3. Oordeelsvorming",
        "4. Besluitvorming",
        "5. Zienswijzen",
        "Het verslag is nog niet gedeeld met de ouders en de jeugdige.",
    ):
        assert expected in text, expected


def test_a_final_report_has_the_decision_the_beschikking_and_the_zienswijze(investigation, actor, youth, provider):
    investigation = finish_oordeel(finish_analyse(investigation, actor), actor)
    today = timezone.localdate()
    services.decision_update(
        actor=actor,
        investigation=investigation,
        help_kind=HelpKind.SPECIALISTISCH,
        motivation="Gezinsbehandeling thuis.",
        care_product="Ambulante gezinsbehandeling",
        provider=provider,
        beschikking_start=today,
        beschikking_end=today.replace(year=today.year + 1),
        beschikking_number="B-2026-0042",
        access_point=CLI,
    )
    investigation = services.investigation_share(actor=actor, investigation=investigation, access_point=CLI)
    parent = parent_of(youth)
    services.zienswijze_add(
        actor=parent.user, investigation=investigation, text="Wij willen graag hulp thuis.", access_point=CLI
    )
    investigation = services.investigation_finalise(actor=actor, investigation=investigation, access_point=CLI)
    text, _pages = laid_out_text(view_of(parent.user, investigation))
    for expected in (
        "DEFINITIEF",
        "Keukentafelgesprek",
        "Grenzen stellen lukt de ouders 's avonds niet.",
        "Geen zorgen over de veiligheid.",
        "Opvoedingsvragen; lichte hulp volstaat.",
        "Specialistische jeugdhulp (met beschikking)",
        "Jeugdhulp Vechtdal",
        "B-2026-0042",
        "Marloes Jansen (ouder met gezag)",
        "Wij willen graag hulp thuis.",
    ):
        assert expected in text, expected
    assert "CONCEPT" not in text
    assert report.report_pdf(view_of(parent.user, investigation)).startswith(b"%PDF-")
