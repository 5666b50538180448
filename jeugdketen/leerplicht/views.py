"""The leerplicht pages: thin. The school's verzuim page and the consulent's leerplicht page share
one address; what it shows follows from who asks (``rules``)."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.core.views import access_point, save_form

from . import forms, letters, rules, selectors, services
from .csvfiles import ImportRefused
from .models import CaseStep, HaltReferral, ProcesVerbaal


def _school_page(request, status=200, **extra):
    overview = selectors.school_overview(actor=request.user, access_point=access_point(request))
    can_deliver = bool(policy.function_codes(overview.staff.professional) & rules.DELIVER_FUNCTIONS)
    context = {
        "o": overview,
        "can_deliver": can_deliver,
        "today": timezone.localdate(),
        "absence_form": forms.UploadForm(prefix="verzuim"),
        "enrolment_form": forms.UploadForm(prefix="inschrijvingen"),
        "leave_form": forms.LeaveRequestForm(pupils=selectors.current_pupils(overview.staff)) if can_deliver else None,
        **extra,
    }
    return render(request, "leerplicht/school.html", context, status=status)


def _consulent_page(request, status=200, **extra):
    overview = selectors.consulent_overview(actor=request.user, access_point=access_point(request))
    context = {
        "o": overview,
        "today": timezone.localdate(),
        "population_form": forms.UploadForm(prefix="bevolking"),
        **extra,
    }
    return render(request, "leerplicht/consulent.html", context, status=status)


def _jeugdarts_page(request):
    overview = selectors.jeugdarts_overview(actor=request.user, access_point=access_point(request))
    return render(request, "leerplicht/jeugdarts.html", {"o": overview})


@login_required
def overview(request):
    for rule, page in ((rules.consulent, _consulent_page), (rules.jeugdarts, _jeugdarts_page)):
        try:
            rule(request.user)
        except NotFoundOrForbidden:
            continue
        return page(request)
    return _school_page(request)


def _import(request, service, page, success, prefix: str):
    form = forms.UploadForm(request.POST, request.FILES, prefix=prefix)
    name = {"verzuim": "absence_form", "inschrijvingen": "enrolment_form", "bevolking": "population_form"}[prefix]
    if not form.is_valid():
        return page(request, status=422, **{name: form})
    upload = form.cleaned_data["file"]
    try:
        result = service(
            actor=request.user, data=upload.read(), filename=upload.name, access_point=access_point(request)
        )
    except ImportRefused as refused:
        return page(request, status=422, **{name: form}, refused=refused.report, refused_form=prefix)
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    messages.success(request, success(result))
    return redirect(reverse("leerplicht:overview"))


def _delivery_message(delivery) -> str:
    return _(
        "Het bestand is ingelezen: %(rows)s regels, %(created)s nieuw, %(updated)s gewijzigd, %(unchanged)s ongewijzigd."
    ) % {
        "rows": delivery.rows,
        "created": delivery.created,
        "updated": delivery.updated,
        "unchanged": delivery.unchanged,
    }


@login_required
@require_POST
def absence_upload(request):
    def success(result):
        return (
            _delivery_message(result.delivery) + " " + _("Nieuwe meldingen: %(count)s.") % {"count": result.meldingen}
        )

    return _import(request, services.absence_import, _school_page, success, "verzuim")


@login_required
@require_POST
def enrolment_upload(request):
    return _import(request, services.enrolment_import, _school_page, _delivery_message, "inschrijvingen")


@login_required
@require_POST
def population_upload(request):
    return _import(request, services.population_import, _consulent_page, _delivery_message, "bevolking")


def _send_form(found, data=None):
    if found.melding.is_mazl:
        return forms.MazlSendForm(
            data, jeugdartsen=selectors.jeugdartsen_for(found.melding.school) if found.can_send else ()
        )
    return forms.MeldingSendForm(data)


def _melding_page(request, found, status=200, **extra):
    context = {
        "d": found,
        "m": found.melding,
        "form": _send_form(found) if found.can_send else None,
        "advice_form": forms.MazlAdviceForm() if found.can_advise else None,
        "remove_form": forms.AbsenceRemoveForm(prefix="verwijderen", absences=found.absences)
        if found.can_send
        else None,
        **extra,
    }
    return render(request, "leerplicht/melding.html", context, status=status)


@login_required
def melding(request, melding_id: int):
    ap = access_point(request)
    found = selectors.melding_detail(actor=request.user, melding_id=melding_id, access_point=ap)
    if request.method == "POST":
        to = reverse("leerplicht:melding", args=[melding_id])
        if found.can_advise:
            form = forms.MazlAdviceForm(request.POST)
            done = save_form(
                request,
                form,
                lambda data: services.mazl_advise(
                    actor=request.user, melding=found.melding, advice=data["advice"], access_point=ap
                ),
                success=_("Het advies is naar de school gestuurd."),
                to=to,
            )
            return done or _melding_page(request, found, status=422, advice_form=form)
        form = _send_form(found, request.POST)
        done = save_form(
            request,
            form,
            lambda data: services.melding_send(
                actor=request.user,
                melding=found.melding,
                note=data["note"],
                jeugdarts=data.get("jeugdarts"),
                access_point=ap,
            ),
            success=_("De melding is verstuurd."),
            to=to,
        )
        return done or _melding_page(request, found, status=422, form=form)
    return _melding_page(request, found)


# --- MAS casework ------------------------------------------------------------------------------


@login_required
@require_POST
def melding_absence_remove(request, melding_id: int):
    """The school removes a row of the melding's absence delivered by mistake, with the reason."""
    ap = access_point(request)
    found = selectors.melding_detail(actor=request.user, melding_id=melding_id, access_point=ap)
    form = forms.AbsenceRemoveForm(request.POST, prefix="verwijderen", absences=found.absences)
    done = save_form(
        request,
        form,
        lambda data: services.absence_remove(
            actor=request.user,
            youth=found.melding.youth,
            day=data["row"].day,
            kind=data["row"].kind,
            reason=data["reason"],
            access_point=ap,
        ),
        success=_("De regel is verwijderd en het verzuim is opnieuw beoordeeld."),
        to=reverse("leerplicht:melding", args=[melding_id]),
    )
    return done or _melding_page(request, found, status=422, remove_form=form)


@login_required
@require_POST
def melding_take_up(request, melding_id: int):
    found = selectors.melding_detail(actor=request.user, melding_id=melding_id, access_point=access_point(request))
    try:
        case = services.case_take_up(actor=request.user, melding=found.melding, access_point=access_point(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(reverse("leerplicht:melding", args=[melding_id]))
    messages.success(
        request, _("De melding is in behandeling genomen in leerplichtzaak %(ref)s.") % {"ref": case.reference}
    )
    return redirect(reverse("leerplicht:case", args=[case.pk]))


def _case_forms(detail, bound: dict) -> dict:
    """Every form of the case page, each with its action's name as prefix (unique ids)."""
    initial = {"stap": {"occurred_on": timezone.localdate()}, "fase": {"phase": detail.case.phase}}
    unbound = {
        name: form_class(prefix=action, initial=initial.get(action), **_form_extra(form_class, detail))
        for action, (form_class, name, _call, _success) in CASE_ACTIONS.items()
    }
    return {**unbound, **bound}


def _form_extra(form_class, detail) -> dict:
    if form_class is forms.CoordinationJoinForm:
        return {"care_cases": detail.care_cases}
    if form_class is forms.HandoverForm:
        return {"colleagues": detail.colleagues}
    return {}


def _case_page(request, detail, status=200, open_form: str = "", **bound):
    context = {
        "d": detail,
        "c": detail.case,
        "today": timezone.localdate(),
        "open_form": open_form,
        **_case_forms(detail, bound),
    }
    return render(request, "leerplicht/case.html", context, status=status)


@login_required
def case(request, case_id: int):
    detail = selectors.case_detail(actor=request.user, case_id=case_id, access_point=access_point(request))
    return _case_page(request, detail)


def _referral(case):
    referral = HaltReferral.objects.filter(case=case).first()
    if referral is None:
        raise Http404
    return referral


def _invitation_at(data):
    return timezone.make_aware(datetime.combine(data["day"], data["time"]))


# name: (form class, form's context name, service call, success message)
CASE_ACTIONS = {
    "stap": (
        forms.StepForm,
        "step_form",
        lambda user, c, data, ap: services.case_step_add(actor=user, case=c, access_point=ap, **data),
        _("De stap is vastgelegd."),
    ),
    "uitnodiging": (
        forms.InvitationForm,
        "invitation_form",
        lambda user, c, data, ap: services.invitation_send(
            actor=user,
            case=c,
            appointment_at=_invitation_at(data),
            location=data["location"],
            with_whom=data["with_whom"],
            text=data["text"],
            access_point=ap,
        ),
        _("De uitnodiging is klaargezet; download de brief bij de stap."),
    ),
    "waarschuwing": (
        forms.WarningForm,
        "warning_form",
        lambda user, c, data, ap: services.warning_give(actor=user, case=c, text=data["text"], access_point=ap),
        _("De waarschuwing is vastgelegd; download de brief bij de stap."),
    ),
    "fase": (
        forms.PhaseForm,
        "phase_form",
        lambda user, c, data, ap: services.phase_set(actor=user, case=c, access_point=ap, **data),
        _("De fase is gewijzigd."),
    ),
    "route": (
        forms.RouteForm,
        "route_form",
        lambda user, c, data, ap: services.route_choose(actor=user, case=c, access_point=ap, **data),
        _("De route is vastgelegd."),
    ),
    "halt": (
        forms.HaltForm,
        "halt_form",
        lambda user, c, data, ap: services.halt_refer(actor=user, case=c, access_point=ap, **data),
        _("De jeugdige is verwezen naar Halt."),
    ),
    "halt-uitkomst": (
        forms.HaltOutcomeForm,
        "halt_outcome_form",
        lambda user, c, data, ap: services.halt_outcome(
            actor=user, referral=_referral(c), outcome=data["outcome"], access_point=ap
        ),
        _("De uitkomst van Halt is vastgelegd."),
    ),
    "proces-verbaal": (
        forms.ProcesVerbaalForm,
        "pv_form",
        lambda user, c, data, ap: services.pv_draw_up(actor=user, case=c, access_point=ap, **data),
        _("Het proces-verbaal is opgemaakt. Controleer de PDF en verstuur het daarna."),
    ),
    "aanmelden": (
        forms.CoordinationRegisterForm,
        "register_form",
        lambda user, c, data, ap: services.coordination_register(actor=user, case=c, access_point=ap, **data),
        _("De jeugdige is aangemeld bij de toegang."),
    ),
    "aansluiten": (
        forms.CoordinationJoinForm,
        "join_form",
        lambda user, c, data, ap: services.coordination_join(actor=user, case=c, access_point=ap, **data),
        _("U bent aangesloten bij de casus."),
    ),
    "overdragen": (
        forms.HandoverForm,
        "handover_form",
        lambda user, c, data, ap: services.case_handover(actor=user, case=c, access_point=ap, **data),
        _("De zaak is warm overgedragen."),
    ),
    "sluiten": (
        forms.CloseForm,
        "close_form",
        lambda user, c, data, ap: services.case_close(actor=user, case=c, access_point=ap, **data),
        _("De zaak is gesloten."),
    ),
}


@login_required
@require_POST
def case_action(request, case_id: int, action: str):
    if action not in CASE_ACTIONS:
        raise Http404
    form_class, name, call, success = CASE_ACTIONS[action]
    ap = access_point(request)
    detail = selectors.case_detail(actor=request.user, case_id=case_id, access_point=ap)
    form = form_class(request.POST, prefix=action, **_form_extra(form_class, detail))
    # After a handover the sender no longer sees the case: back to the overview.
    to = reverse("leerplicht:overview") if action == "overdragen" else reverse("leerplicht:case", args=[case_id])
    done = save_form(request, form, lambda data: call(request.user, detail.case, data, ap), success=success, to=to)
    if done is None and not detail.case.is_open:
        # A closed case shows no forms: say why on the page instead.
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(reverse("leerplicht:case", args=[case_id]))
    return done or _case_page(request, detail, status=422, open_form=action, **{name: form})


@login_required
@require_POST
def agreement_settle(request, case_id: int, step_id: int):
    ap = access_point(request)
    detail = selectors.case_detail(actor=request.user, case_id=case_id, access_point=ap)
    step = get_object_or_404(CaseStep, pk=step_id, case=detail.case)
    form = forms.AgreementForm(request.POST)
    done = save_form(
        request,
        form,
        lambda data: services.agreement_settle(actor=request.user, step=step, kept=data["kept"], access_point=ap),
        success=_("De afspraak is geëvalueerd."),
        to=reverse("leerplicht:case", args=[case_id]),
    )
    if done is None:
        messages.error(request, _("Kies of de afspraak is nagekomen."))
        return redirect(reverse("leerplicht:case", args=[case_id]))
    return done


@login_required
@require_POST
def pv_send(request, case_id: int, pv_id: int):
    ap = access_point(request)
    detail = selectors.case_detail(actor=request.user, case_id=case_id, access_point=ap)
    pv = get_object_or_404(ProcesVerbaal, pk=pv_id, case=detail.case)
    try:
        services.pv_send(actor=request.user, pv=pv, access_point=ap)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Het proces-verbaal is verstuurd aan het OM, met een afschrift aan de Raad voor de Kinderbescherming."),
        )
    return redirect(reverse("leerplicht:case", args=[case_id]))


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def letter_pdf(request, case_id: int, step_id: int):
    ap = access_point(request)
    case, lp = selectors.case_for(request.user, case_id, ap)
    step = get_object_or_404(CaseStep, pk=step_id, case=case, kind__in=CaseStep.LETTER_KINDS)
    letter = letters.step_letter(request.user, lp, case, step, ap)
    return _pdf_response(letters.pdf(letter), letters.filename(letter))


@login_required
def pv_pdf(request, case_id: int, pv_id: int):
    ap = access_point(request)
    case, lp = selectors.case_for(request.user, case_id, ap)
    pv = get_object_or_404(ProcesVerbaal.objects.select_related("by__user"), pk=pv_id, case=case)
    letter = letters.pv_letter(request.user, lp, case, pv, ap)
    return _pdf_response(letters.pdf(letter), letters.filename(letter))


# --- leave ------------------------------------------------------------------------------------------


@login_required
@require_POST
def leave_register(request):
    ap = access_point(request)
    form = forms.LeaveRequestForm(request.POST, pupils=selectors.current_pupils(rules.school_staff(request.user)))
    done = save_form(
        request,
        form,
        lambda data: services.leave_request_register(actor=request.user, access_point=ap, **data),
        success=_("De verlofaanvraag is geregistreerd."),
        to=reverse("leerplicht:overview") + "#h-leave",
    )
    return done or _school_page(request, status=422, leave_form=form)


@login_required
def leave(request, leave_id: int):
    ap = access_point(request)
    found, who, decides = selectors.leave_detail(actor=request.user, leave_id=leave_id, access_point=ap)
    form = forms.LeaveDecisionForm(request.POST or None)
    if request.method == "POST":
        done = save_form(
            request,
            form,
            lambda data: services.leave_decide(
                actor=request.user,
                leave=found,
                access_point=ap,
                decision=data["decision"],
                grounds=data["decision_grounds"],
            ),
            success=_("Het besluit is vastgelegd."),
            to=reverse("leerplicht:leave", args=[leave_id]),
        )
        if done:
            return done
        if not decides:
            # Decided already (or not theirs to decide): no form on the page, so say why.
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
            return redirect(reverse("leerplicht:leave", args=[leave_id]))
    status = 422 if form.is_bound else 200
    return render(
        request, "leerplicht/leave.html", {"r": found, "who": who, "decides": decides, "form": form}, status=status
    )
