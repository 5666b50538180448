"""The OPP and the CAT's decision as PDFs (WeasyPrint): fixed, readable layouts, no external
resources."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from .selectors import OPPView, RequestView


def _pdf(html: str) -> bytes:
    from weasyprint import HTML  # heavy import: only when a PDF is made

    return HTML(string=html).write_pdf()


def opp_filename(view: OPPView) -> str:
    return f"opp-{view.youth.last_name.lower().replace(' ', '-')}-{view.opp.pk}.pdf"


def opp_html(view: OPPView) -> str:
    return render_to_string("schoolsupport/opp_pdf.html", {"view": view, "opp": view.opp, "now": timezone.localtime()})


def opp_pdf(view: OPPView) -> bytes:
    return _pdf(opp_html(view))


def decision_filename(view: RequestView) -> str:
    return f"besluit-{view.request.reference}.pdf"


def decision_html(view: RequestView) -> str:
    return render_to_string(
        "schoolsupport/decision_pdf.html", {"view": view, "r": view.request, "now": timezone.localtime()}
    )


def decision_pdf(view: RequestView) -> bytes:
    return _pdf(decision_html(view))
