from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import Event
from jeugdketen.cases.models import Case
from jeugdketen.core.views import access_point, save_form

from . import report, rules, selectors, services
from .forms import (
    ConversationForm,
    DecisionForm,
    FinaliseForm,
    FindingsForm,
    JudgementForm,
    OpenForm,
    StepBackForm,
    ZienswijzeForm,
)
from .models import PHASES, WORK_PHASES, Phase


@login_required
def my_investigations(request):
    professional = policy.professional_of(request.user)
    if professional is None:
        return redirect("home")
    if not rules.is_consulent(professional):
        if rules.is_teamleider(professional):
            return redirect("investigation:team")
        raise PermissionDenied(_("Deze pagina is voor jeugdconsulenten."))
    rows = selectors.my_investigations(actor=request.user, access_point=access_point(request))
    return render(request, "investigation/my_investigations.html", {"rows": rows})


@login_required
def team_overview(request):
    if not rules.is_teamleider(policy.professional_of(request.user)):
        raise PermissionDenied(_("Deze pagina is voor de teamleider van de jeugdconsulenten."))
    ap = access_point(request)
    return render(
        request,
        "investigation/team_overview.html",
        {
            "rows": selectors.overdue_investigations(actor=request.user, access_point=ap),
            "workload": selectors.team_workload(actor=request.user),
        },
    )


@login_required
def for_case(request, case_id: int):
    """From a case: its investigation, or the page to start one (for its casusregisseur)."""
    investigation_id = selectors.investigation_id_of_case(
        actor=request.user, case_id=case_id, access_point=access_point(request)
    )
    if investigation_id is not None:
        return redirect("investigation:detail", investigation_id)
    case = selectors.case_for_start(actor=request.user, case_id=case_id, access_point=access_point(request))
    return render(request, "investigation/start.html", {"case": case, "youth": case.youth, "form": OpenForm()})


@login_required
@require_POST
def open_investigation(request, case_id: int):
    case = Case.objects.select_related("youth__municipality").filter(pk=case_id).first()
    if case is None:
        raise NotFoundOrForbidden
    form = OpenForm(request.POST)
    if form.is_valid():
        try:
            investigation = services.investigation_open(
                actor=request.user, case=case, access_point=access_point(request), **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            messages.success(request, _("Het onderzoek is gestart. U begint met de analyse."))
            return redirect("investigation:detail", investigation.pk)
    case = selectors.case_for_start(actor=request.user, case_id=case_id, access_point=access_point(request))
    return render(request, "investigation/start.html", {"case": case, "youth": case.youth, "form": form}, status=422)


STEP_LABELS = {
    Phase.ANALYSE: _lazy("Analyse"),
    Phase.OORDEELSVORMING: _lazy("Oordeelsvorming"),
    Phase.BESLUITVORMING: _lazy("Besluitvorming"),
    Phase.VERSLAG: _lazy("Verslag en zienswijze"),
    Phase.DEFINITIEF: _lazy("Definitief"),
}


def _steps(investigation):
    """The phases as steps: done, current, or still to come."""
    current = investigation.phase_index
    return [
        {"phase": p, "label": STEP_LABELS[p], "state": "done" if i < current else "current" if i == current else "todo"}
        for i, p in enumerate(PHASES)
    ]


def _forms_for(view: selectors.InvestigationView) -> dict:
    investigation = view.investigation
    forms = {}
    if view.can_change:
        phase = investigation.phase
        if phase in WORK_PHASES:
            forms["conversation_form"] = ConversationForm(initial={"held_on": view.today})
        if phase == Phase.ANALYSE:
            forms["findings_form"] = FindingsForm(
                initial={name: getattr(investigation, name) for name in FindingsForm.base_fields}
            )
        elif phase == Phase.OORDEELSVORMING:
            forms["judgement_form"] = JudgementForm(initial={"judgement": investigation.judgement})
        elif phase == Phase.BESLUITVORMING:
            forms["decision_form"] = DecisionForm(initial=DecisionForm.initial_for(investigation))
        elif phase == Phase.VERSLAG:
            forms["finalise_form"] = FinaliseForm()
        if investigation.earlier_phases:
            forms["step_back_form"] = StepBackForm(phases=investigation.earlier_phases)
    if view.can_add_zienswijze:
        forms["zienswijze_form"] = ZienswijzeForm()
    return forms


def _render_detail(request, view: selectors.InvestigationView, status: int = 200, **forms):
    investigation = view.investigation
    context = {
        "view": view,
        "investigation": investigation,
        "case": view.case,
        "youth": view.case.youth,
        "steps": _steps(investigation),
        **_forms_for(view),
        **forms,
    }
    return render(request, "investigation/detail.html", context, status=status)


@login_required
def detail(request, investigation_id: int):
    view = selectors.investigation_detail(
        actor=request.user, investigation_id=investigation_id, access_point=access_point(request)
    )
    return _render_detail(request, view)


def _post_action(request, investigation_id: int, form_class, name: str, action, success: str, form_kwargs=None):
    """Run an action from a form: on success back to the investigation with a message; on invalid
    input the page again (422) with the message at the field. The service checks the policy (and
    logs a refusal); the page is read, and logged as read, only when it is shown again."""
    ap = access_point(request)
    investigation = selectors.investigation_get(investigation_id=investigation_id)
    kwargs = form_kwargs(investigation) if form_kwargs else {}
    form = form_class(request.POST, **kwargs)
    to = reverse("investigation:detail", args=[investigation_id])
    done = save_form(request, form, lambda data: action(investigation, data, ap), success=success, to=to)
    if done:
        return done
    view = selectors.investigation_detail(actor=request.user, investigation_id=investigation_id, access_point=ap)
    return _render_detail(request, view, status=422, **{name: form})


@login_required
@require_POST
def conversation_add(request, investigation_id: int):
    def action(investigation, data, ap):
        services.conversation_add(actor=request.user, investigation=investigation, access_point=ap, **data)

    return _post_action(
        request, investigation_id, ConversationForm, "conversation_form", action, _("Het gesprek is vastgelegd.")
    )


@login_required
@require_POST
def findings(request, investigation_id: int):
    def action(investigation, data, ap):
        services.findings_update(actor=request.user, investigation=investigation, access_point=ap, **data)

    return _post_action(
        request, investigation_id, FindingsForm, "findings_form", action, _("De bevindingen zijn opgeslagen.")
    )


@login_required
@require_POST
def judgement(request, investigation_id: int):
    def action(investigation, data, ap):
        services.judgement_update(actor=request.user, investigation=investigation, access_point=ap, **data)

    return _post_action(
        request, investigation_id, JudgementForm, "judgement_form", action, _("Het oordeel is opgeslagen.")
    )


@login_required
@require_POST
def decision(request, investigation_id: int):
    def action(investigation, data, ap):
        services.decision_update(actor=request.user, investigation=investigation, access_point=ap, **data)

    return _post_action(
        request, investigation_id, DecisionForm, "decision_form", action, _("Het besluit is opgeslagen.")
    )


# The form holding the content a phase's gate asks for, to show the gate's messages at the fields.
GATE_FORMS = {
    Phase.ANALYSE: ("findings_form", FindingsForm),
    Phase.OORDEELSVORMING: ("judgement_form", JudgementForm),
    Phase.BESLUITVORMING: ("decision_form", DecisionForm),
}


def _gate_form(investigation, exc: ValidationError):
    """The phase's content form, bound to what is stored, with the gate's messages at its fields."""
    name, form_class = GATE_FORMS[investigation.phase]
    if form_class is DecisionForm:
        initial = DecisionForm.initial_for(investigation)
    else:
        initial = {field: getattr(investigation, field) for field in form_class.base_fields}
    data = {key: "" if value is None else value for key, value in initial.items()}
    form = form_class(data)
    form.is_valid()
    for field, field_messages in exc.message_dict.items():
        if field in form.fields:  # the rest (no conversation yet) is in the summary only
            for message in field_messages:
                form.add_error(field, message)
    return name, form


@login_required
@require_POST
def advance(request, investigation_id: int):
    """Close the current phase and open the next (from the besluitvorming: share the report)."""
    ap = access_point(request)
    investigation = selectors.investigation_get(investigation_id=investigation_id)
    try:
        investigation = services.investigation_advance(actor=request.user, investigation=investigation, access_point=ap)
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except ValidationError as exc:
        view = selectors.investigation_detail(actor=request.user, investigation_id=investigation_id, access_point=ap)
        forms = {}
        if view.investigation.phase in GATE_FORMS:
            name, form = _gate_form(view.investigation, exc)
            forms[name] = form
        return _render_detail(request, view, status=422, gate_errors=_summary(exc, forms), **forms)
    if investigation.phase == Phase.VERSLAG:
        messages.success(
            request,
            _("Het verslag is gedeeld. De zienswijze kan tot en met %(date)s.")
            % {"date": investigation.zienswijze_until.strftime("%d-%m-%Y")},
        )
    else:
        messages.success(request, _("U bent nu in de fase %(phase)s.") % {"phase": investigation.get_phase_display()})
    return redirect("investigation:detail", investigation_id)


def _summary(exc: ValidationError, forms: dict) -> list[dict]:
    """The gate's messages for the summary above the button: label and message, with the id of
    the field to jump to."""
    labels = {"conversations": _("Gesprekken"), "phase": _("Fase")}
    ids = {"conversations": "h-conversations"}
    for form in forms.values():
        for field_name in form.fields:
            labels[field_name] = form.fields[field_name].label
            ids[field_name] = form[field_name].auto_id
    out = []
    for field, messages_ in exc.message_dict.items():
        for message in messages_:
            out.append({"label": labels.get(field, ""), "message": message, "target": ids.get(field, "")})
    return out


@login_required
@require_POST
def step_back(request, investigation_id: int):
    def action(investigation, data, ap):
        services.investigation_step_back(actor=request.user, investigation=investigation, access_point=ap, **data)

    return _post_action(
        request,
        investigation_id,
        StepBackForm,
        "step_back_form",
        action,
        _("Het onderzoek is teruggezet."),
        form_kwargs=lambda investigation: {"phases": investigation.earlier_phases},
    )


@login_required
@require_POST
def zienswijze(request, investigation_id: int):
    def action(investigation, data, ap):
        services.zienswijze_add(actor=request.user, investigation=investigation, access_point=ap, **data)

    return _post_action(
        request,
        investigation_id,
        ZienswijzeForm,
        "zienswijze_form",
        action,
        _("Uw zienswijze is bij het verslag gevoegd. De jeugdconsulent ziet hem."),
    )


@login_required
@require_POST
def finalise(request, investigation_id: int):
    def action(investigation, data, ap):
        services.investigation_finalise(actor=request.user, investigation=investigation, access_point=ap, **data)

    return _post_action(
        request, investigation_id, FinaliseForm, "finalise_form", action, _("Het onderzoeksverslag is definitief.")
    )


@login_required
def report_pdf(request, investigation_id: int):
    """The onderzoeksverslag as a PDF; logged as a print."""
    view = selectors.investigation_detail(
        actor=request.user,
        investigation_id=investigation_id,
        access_point=access_point(request),
        event=Event.PRINT,
        description="onderzoeksverslag als PDF",
    )
    response = HttpResponse(report.report_pdf(view), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.report_filename(view)}"'
    response["Cache-Control"] = "no-store"
    return response
