"""The letters of a leerplicht case as PDFs (WeasyPrint): the invitation for a conversation, the
written warning, and the proces-verbaal for the Openbaar Ministerie (copy to the Raad voor de
Kinderbescherming). Each print is logged (NEN 7513: prints are access too)."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from jeugdketen.access.categories import Category
from jeugdketen.auditlog.services import AccessPoint, Event, log_access

from . import rules
from .models import Absence, CaseStep, LeerplichtCase, ProcesVerbaal, Resident


@dataclass
class Letter:
    template: str
    name: str
    context: dict


def _address(case: LeerplichtCase) -> Resident | None:
    return Resident.objects.current().filter(youth=case.youth).order_by("-since").first()


def _log(actor, lp: rules.Actor, case: LeerplichtCase, obj: str, description: str, access_point: AccessPoint):
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.PRINT,
        grant=lp.grant(can_change=False),
        object_type=rules.OBJECT_TYPE,
        object_ids=[obj],
        categories=[Category.IDENTITY, Category.LEERPLICHT],
        access_point=access_point,
        description=description,
    )


def step_letter(actor, lp: rules.Actor, case: LeerplichtCase, step: CaseStep, access_point: AccessPoint) -> Letter:
    """The letter of an invitation or a warning, to the parents and the pupil at the address in the
    population register."""
    kind = "uitnodiging" if step.kind == CaseStep.Kind.INVITATION else "waarschuwing"
    _log(actor, lp, case, f"stap:{step.pk}", f"Brief ({kind}) afgedrukt", access_point)
    return Letter(
        "leerplicht/letter_pdf.html",
        f"{kind}-{case.reference.lower()}-{step.pk}.pdf",
        {
            "c": case,
            "step": step,
            "address": _address(case),
            "consulent": step.by,
            "municipality": case.municipality,
            "now": timezone.localtime(),
        },
    )


def pv_letter(actor, lp: rules.Actor, case: LeerplichtCase, pv: ProcesVerbaal, access_point: AccessPoint) -> Letter:
    """The proces-verbaal: who, what, the absence day by day, and what the consulent did before."""
    _log(actor, lp, case, f"pv:{pv.pk}", "Proces-verbaal afgedrukt", access_point)
    absences = list(
        Absence.objects.filter(
            youth=case.youth,
            kind__in=Absence.UNAUTHORISED_KINDS,
            day__gte=pv.period_start,
            day__lte=pv.period_end,
        )
        .select_related("school")
        .order_by("day")
    )
    steps = list(
        case.steps.filter(
            kind__in=(
                CaseStep.Kind.INVITATION,
                CaseStep.Kind.CONVERSATION,
                CaseStep.Kind.SPREEKUUR,
                CaseStep.Kind.AGREEMENT,
                CaseStep.Kind.WARNING,
                CaseStep.Kind.COORDINATION,
                CaseStep.Kind.HALT,
            )
        ).order_by("occurred_on", "pk")
    )
    return Letter(
        "leerplicht/pv_pdf.html",
        f"{pv.number.lower()}.pdf",
        {
            "c": case,
            "pv": pv,
            "address": _address(case),
            "absences": absences,
            "steps": steps,
            "meldingen": list(case.meldingen.select_related("school").order_by("reached_on")),
            "now": timezone.localtime(),
        },
    )


def html(letter: Letter) -> str:
    return render_to_string(letter.template, letter.context)


def pdf(letter: Letter) -> bytes:
    from weasyprint import HTML  # heavy import: only when a PDF is made

    return HTML(string=html(letter)).write_pdf()


def filename(letter: Letter) -> str:
    return letter.name
