"""The terugkoppeling of one case as a PDF (WeasyPrint): one fixed, readable layout for parents and
professionals alike, no external resources."""

from __future__ import annotations

from django.template.loader import render_to_string

from .selectors import FeedbackView


def feedback_filename(view: FeedbackView) -> str:
    return f"terugkoppeling-{view.meeting.starts_at:%Y%m%d}-{view.case.reference}.pdf"


def feedback_html(view: FeedbackView) -> str:
    return render_to_string("meetings/feedback_pdf.html", {"view": view})


def feedback_pdf(view: FeedbackView) -> bytes:
    from weasyprint import HTML  # heavy import: only when a PDF is made

    return HTML(string=feedback_html(view)).write_pdf()
