"""The onderzoeksverslag as a PDF (WeasyPrint): one fixed, readable layout, no external resources."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from .selectors import InvestigationView


def report_filename(view: InvestigationView) -> str:
    return f"onderzoeksverslag-{view.case.reference}.pdf"


def report_html(view: InvestigationView) -> str:
    return render_to_string("investigation/report_pdf.html", {"view": view, "now": timezone.localtime()})


def report_pdf(view: InvestigationView) -> bytes:
    from weasyprint import HTML  # heavy import: only when a PDF is made

    return HTML(string=report_html(view)).write_pdf()
