"""The terugkoppeling as a PDF: the meeting, the case, the outcome and the agreements, to whom it went
— and never the minutes, so never police information. Read back from WeasyPrint's laid-out pages."""

import pytest
from django.utils import timezone

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.meetings import report, selectors, services

from .conftest import decide, item_of, minute

pytestmark = pytest.mark.django_db


def laid_out_text(view) -> tuple[str, int]:
    from weasyprint import HTML

    document = HTML(string=report.feedback_html(view)).render()

    def walk(box):
        yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    texts = [b.text for page in document.pages for b in walk(page._page_box) if hasattr(b, "text")]
    return " ".join(texts), len(document.pages)


@pytest.fixture
def closed(meeting, people, case_a, case_b, mother):
    item = item_of(meeting, case_a)
    minute(people["agent"].user, item, "police", "Twee meldingen van overlast.")
    minute(people["nurse"].user, item, "health", "Slaapt slecht.")
    decide(people["consulent"].user, item, what="Moeder belt de huisarts.", owner_kind="ouder", owner_professional=None,
           owner_carer=mother)  # fmt: skip
    decide(people["ib"].user, item, what="Observatie in de klas.")
    services.decisions_convert(actor=people["consulent"].user, item=item, access_point=CLI)
    for case in (case_a, case_b):
        services.outcome_set(actor=people["consulent"].user, item=item_of(meeting, case),
                             outcome="Noah krijgt hulp thuis en rust op school.", access_point=CLI)  # fmt: skip
    services.meeting_close(actor=people["consulent"].user, meeting=meeting, access_point=CLI)
    return meeting


def feedback(user, meeting, case):
    return selectors.feedback_detail(
        actor=user, meeting_id=meeting.pk, item_id=item_of(meeting, case).pk, access_point=CLI
    )


def test_the_terugkoppeling_for_the_parent(closed, mother, case_a):
    text, pages = laid_out_text(feedback(mother.user, closed, case_a))
    assert pages == 1
    for expected in (
        "Terugkoppeling van het overleg",
        "MDO (multidisciplinair overleg)",
        "OBS De Vecht, kamer van de IB",
        "Noah Jansen",
        case_a.reference,
        "Jeroen Hulshof",
        "Noah krijgt hulp thuis en rust op school.",
        "Moeder belt de huisarts.",
        "Observatie in de klas.",
        mother.full_name,
        f"{timezone.localdate():%d-%m-%Y}",
        "toegangslog (NEN 7513)",
    ):
        assert expected in text, expected
    for secret in ("overlast", "Slaapt slecht", "Peter Mensink", "Lisa"):
        assert secret not in text, secret
    assert report.feedback_pdf(feedback(mother.user, closed, case_a)).startswith(b"%PDF-")
    assert AccessLogEntry.objects.filter(user=mother.user, event="print", youth=case_a.youth).count() == 2


def test_the_pdf_is_for_who_reads_the_cases_plan_once_closed(closed, meeting, people, case_a, case_b, mother):
    feedback(people["ib"].user, closed, case_a)  # a professional involved
    for user, case in ((people["agent"].user, case_a), (people["mentor"].user, case_a), (mother.user, case_b)):
        with pytest.raises(NotFoundOrForbidden):
            feedback(user, closed, case)


def test_no_terugkoppeling_before_closing(meeting, people, case_a):
    with pytest.raises(NotFoundOrForbidden):
        feedback(people["consulent"].user, meeting, case_a)
