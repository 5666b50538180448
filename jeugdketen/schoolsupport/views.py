"""The pages of school support: thin. Each form page validates, calls one service through
``core.views.save_form`` and shows the page again (422) with the message at the field."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import Event
from jeugdketen.core.views import access_point, save_form

from . import forms, report, rules, selectors, services
from .models import CATMeeting, SupportProfile


def _poster(get, page, url_name: str):
    """The POST step of a page about one object (an OPP, a request, a GGD question): run ``action``
    on the object through ``save_form``; on success back to the object's page, else that page again
    (422) with ``form`` under ``name``."""

    def post(request, pk: int, form, action, success: str, name: str):
        instance = get(pk)
        to = reverse(f"schoolsupport:{url_name}", args=[pk])
        done = save_form(request, form, lambda d: action(instance, d), success=success, to=to)
        return done or page(request, pk, status=422, **{name: form})

    return post


# --- the school ----------------------------------------------------------------------------------------


def _overview_page(request, status=200, **extra):
    overview = selectors.school_overview(actor=request.user, access_point=access_point(request))
    professional = policy.professional_of(request.user)
    is_lead = bool(policy.function_codes(professional) & rules.SCHOOL_LEAD_FUNCTIONS)
    today = timezone.localdate()
    context = {"o": overview, "is_lead": is_lead, "today": today}
    if is_lead:
        context.setdefault("cycle_form", forms.CycleMeetingForm(initial={"held_on": today}))
        context.setdefault("admission_form", forms.AdmissionForm(initial={"received_on": today}))
    context.update(extra)
    return render(request, "schoolsupport/overview.html", context, status=status)


@login_required
def overview(request):
    return _overview_page(request)


def _school_post(request, form, action, success: str, name: str):
    done = save_form(request, form, action, success=success, to=reverse("schoolsupport:overview"))
    if done:
        return done
    extra = {name: form}
    if name.startswith(("extend_form", "decide_form")):
        # The admission's small inline forms show their message above the list.
        extra["form_error"] = " ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {m}".lstrip(": ")
            for f, ms in form.errors.items()
            for m in ms
        )
    return _overview_page(request, status=422, **extra)


@login_required
@require_POST
def cycle_plan(request):
    _professional, school = selectors.school_of(request.user)
    form = forms.CycleMeetingForm(request.POST)
    return _school_post(
        request,
        form,
        lambda d: services.cycle_meeting_plan(actor=request.user, school=school, **d),
        _("De bespreking staat in de cyclus."),
        "cycle_form",
    )


@login_required
@require_POST
def admission_register(request):
    _professional, school = selectors.school_of(request.user)
    form = forms.AdmissionForm(request.POST)
    return _school_post(
        request,
        form,
        lambda d: services.admission_register(actor=request.user, school=school, **d),
        _("De aanmelding is vastgelegd. De zorgplicht loopt: binnen zes weken een besluit."),
        "admission_form",
    )


@login_required
@require_POST
def admission_extend(request, admission_id: int):
    admission = selectors.admission_get(admission_id)
    form = forms.AdmissionExtendForm(request.POST)
    return _school_post(
        request,
        form,
        lambda d: services.admission_extend(actor=request.user, admission=admission, **d),
        _("De termijn is met vier weken verlengd."),
        f"extend_form_{admission_id}",
    )


@login_required
@require_POST
def admission_decide(request, admission_id: int):
    admission = selectors.admission_get(admission_id)
    form = forms.AdmissionDecideForm(request.POST)
    return _school_post(
        request,
        form,
        lambda d: services.admission_decide(actor=request.user, admission=admission, **d),
        _("Het besluit over de aanmelding is vastgelegd."),
        f"decide_form_{admission_id}",
    )


@login_required
def ggd_ask_anonymous(request):
    """An anonymous question to the GGD: its own page, so the overview need not carry the list of
    the GGD's professionals."""
    _professional, school = selectors.school_of(request.user)
    professionals = selectors.ggd_professionals_for(school)
    by_id = {p.pk: p for p in professionals}
    status = 200
    if request.method == "POST":
        form = forms.GGDAskForm(request.POST, professionals=professionals)

        def action(d):
            services.ggd_consult_ask(
                actor=request.user,
                professional=by_id[d["professional"]],
                question=d["question"],
                age_group=d["age_group"],
                school=school,
                access_point=access_point(request),
            )

        if form.is_valid() and form.cleaned_data["professional"] not in by_id:
            form.add_error("professional", _("Kies aan wie bij de GGD u het vraagt."))
        done = save_form(
            request,
            form,
            action,
            success=_("Uw anonieme vraag staat bij de GGD."),
            to=reverse("schoolsupport:overview") + "#h-ggd",
        )
        if done:
            return done
        status = 422
    else:
        form = forms.GGDAskForm(professionals=professionals)
    return render(request, "schoolsupport/ggd_ask.html", {"form": form, "school": school}, status=status)


@login_required
def profile(request):
    professional, school = selectors.school_of(request.user)
    is_lead = bool(policy.function_codes(professional) & rules.SCHOOL_LEAD_FUNCTIONS)
    current = SupportProfile.objects.filter(school=school).first()
    if request.method == "POST":
        if not is_lead:
            raise PermissionDenied(_("Het profiel houden de intern begeleider en de schoolleider bij."))
        form = forms.ProfileForm(request.POST)
        done = save_form(
            request,
            form,
            lambda d: services.support_profile_update(actor=request.user, school=school, **d),
            success=_("Het schoolondersteuningsprofiel is opgeslagen."),
            to=reverse("schoolsupport:profile"),
        )
        if done:
            return done
        status = 422
    else:
        initial = {}
        if current:
            initial = {
                "basic_support": current.basic_support,
                "extra_support": current.extra_support,
                "expertise": current.expertise,
                "samenwerkingsverband": current.samenwerkingsverband_id,
                "ggd_contact": current.ggd_contact_id,
            }
        form = forms.ProfileForm(initial=initial) if is_lead else None
        status = 200
    return render(
        request,
        "schoolsupport/profile.html",
        {"school": school, "profile": current, "form": form, "is_lead": is_lead},
        status=status,
    )


# --- one pupil -----------------------------------------------------------------------------------------


def _pupil_page(request, youth_id: int, status=200, **extra):
    view = selectors.pupil_support(actor=request.user, youth_id=youth_id, access_point=access_point(request))
    today = view.today
    context = {"view": view, "youth": view.youth, "today": today}
    if view.can_signal:
        context["signal_form"] = forms.SignalForm(initial={"observed_on": today})
        context["note_form"] = forms.NoteForm(initial={"held_on": today})
    if view.is_ib:
        context["consultation_forms"] = {
            signal.pk: forms.ConsultationForm(initial={"held_on": today}, prefix=f"s{signal.pk}")
            for signal in view.signals
            if not hasattr(signal, "consultation") and signal.school_id == view.sa.own_school.pk
        }
        context["plan_form"] = forms.SupportPlanForm(initial={"starts_on": today})
        context["evaluation_forms"] = {
            plan.pk: forms.PlanEvaluationForm(goals=plan.goals.all(), initial={"held_on": today}, prefix=f"p{plan.pk}")
            for plan in view.plans
            if plan.status == "actief" and plan.school_id == view.sa.own_school.pk
        }
    if view.is_lead:
        context["opp_form"] = forms.OPPStartForm()
        context["request_form"] = forms.SWVRequestForm()
    if view.my_assignments:
        context["ab_note_form"] = forms.ABNoteForm(initial={"held_on": today})
    for key, value in extra.items():
        if key.startswith("evaluation_form_"):
            context.setdefault("evaluation_forms", {})[int(key.rsplit("_", 1)[1])] = value
        elif key.startswith("consultation_form_"):
            context.setdefault("consultation_forms", {})[int(key.rsplit("_", 1)[1])] = value
        else:
            context[key] = value
    return render(request, "schoolsupport/pupil.html", context, status=status)


@login_required
def pupil(request, youth_id: int):
    return _pupil_page(request, youth_id)


def _pupil_post(request, youth_id: int, form, action, success: str, name: str, anchor: str = ""):
    to = reverse("schoolsupport:pupil", args=[youth_id]) + (f"#{anchor}" if anchor else "")
    done = save_form(request, form, action, success=success, to=to)
    return done or _pupil_page(request, youth_id, status=422, **{name: form})


def _youth(youth_id: int):
    from jeugdketen.youth.models import Youth

    youth = Youth.objects.filter(pk=youth_id).first()
    if youth is None:
        raise NotFoundOrForbidden
    return youth


@login_required
@require_POST
def signal_add(request, youth_id: int):
    youth = _youth(youth_id)
    form = forms.SignalForm(request.POST)
    return _pupil_post(
        request,
        youth_id,
        form,
        lambda d: services.signal_record(actor=request.user, youth=youth, access_point=access_point(request), **d),
        _("Het signaal is vastgelegd. Bespreek het met de intern begeleider."),
        "signal_form",
        "h-signals",
    )


@login_required
@require_POST
def note_add(request, youth_id: int):
    youth = _youth(youth_id)
    form = forms.NoteForm(request.POST)

    def action(d):
        signal = selectors.signal_get(d.pop("signal")) if d.get("signal") else None
        d.pop("signal", None)
        services.note_add(actor=request.user, youth=youth, signal=signal, access_point=access_point(request), **d)

    return _pupil_post(request, youth_id, form, action, _("Het is vastgelegd."), "note_form", "h-notes")


@login_required
@require_POST
def consultation_add(request, signal_id: int):
    signal = selectors.signal_get(signal_id)
    form = forms.ConsultationForm(request.POST, prefix=f"s{signal.pk}")
    return _pupil_post(
        request,
        signal.youth_id,
        form,
        lambda d: services.consultation_record(
            actor=request.user, signal=signal, access_point=access_point(request), **d
        ),
        _("De consultatie is vastgelegd."),
        f"consultation_form_{signal.pk}",
        "h-signals",
    )


@login_required
@require_POST
def plan_add(request, youth_id: int):
    youth = _youth(youth_id)
    form = forms.SupportPlanForm(request.POST)
    return _pupil_post(
        request,
        youth_id,
        form,
        lambda d: services.support_plan_create(
            actor=request.user, youth=youth, access_point=access_point(request), **d
        ),
        _("Het handelingsplan is opgesteld."),
        "plan_form",
        "h-plans",
    )


@login_required
@require_POST
def plan_evaluate(request, plan_id: int):
    plan = selectors.plan_get(plan_id)
    form = forms.PlanEvaluationForm(request.POST, goals=plan.goals.all(), prefix=f"p{plan.pk}")
    return _pupil_post(
        request,
        plan.youth_id,
        form,
        lambda d: services.support_plan_evaluate(
            actor=request.user, plan=plan, access_point=access_point(request), **form.service_data()
        ),
        _("De evaluatie is vastgelegd."),
        f"evaluation_form_{plan.pk}",
        "h-plans",
    )


@login_required
@require_POST
def opp_start(request, youth_id: int):
    youth = _youth(youth_id)
    form = forms.OPPStartForm(request.POST)
    created = {}

    def action(d):
        created["opp"] = services.opp_create(actor=request.user, youth=youth, access_point=access_point(request), **d)

    # The redirect goes to the new OPP, known only once the service ran.
    if save_form(request, form, action, success=_("Het OPP is opgesteld, met de voorgeschiedenis ingevuld."), to="/"):
        return redirect("schoolsupport:opp", created["opp"].pk)
    return _pupil_page(request, youth_id, status=422, opp_form=form)


@login_required
@require_POST
def request_submit(request, youth_id: int):
    youth = _youth(youth_id)
    form = forms.SWVRequestForm(request.POST)
    return _pupil_post(
        request,
        youth_id,
        form,
        lambda d: services.swv_request_submit(actor=request.user, youth=youth, access_point=access_point(request), **d),
        _("De aanvraag is ingediend bij het samenwerkingsverband."),
        "request_form",
        "h-swv",
    )


def _action_page(request, youth_id: int, codes, template: str, form, status: int = 200):
    """A pupil's action on its own page (a question to the GGD, an AB'er): shown only to whom may
    do it at the pupil's school; the pupil shown is a read of their identity, logged."""
    youth, school = selectors.pupil_for_action(
        actor=request.user, youth_id=youth_id, codes=codes, access_point=access_point(request)
    )
    return render(request, template, {"youth": youth, "school": school, "form": form}, status=status)


def _action_post(request, youth_id: int, form, action, success: str, codes, template: str):
    done = save_form(request, form, action, success=success, to=reverse("schoolsupport:pupil", args=[youth_id]))
    return done or _action_page(request, youth_id, codes, template, form, status=422)


@login_required
def ggd_ask_named(request, youth_id: int):
    """A question to the GGD about this pupil, by name: only with the consent of those who decide."""
    professional = policy.professional_of(request.user)
    if professional is None:
        raise NotFoundOrForbidden
    professionals = selectors.ggd_professionals_for(professional.organisation)
    template = "schoolsupport/ggd_ask_named.html"
    if request.method != "POST":
        form = forms.GGDNamedAskForm(professionals=professionals, initial={"consent_on": timezone.localdate()})
        return _action_page(request, youth_id, rules.SIGNAL_FUNCTIONS, template, form)
    youth = _youth(youth_id)
    by_id = {p.pk: p for p in professionals}
    form = forms.GGDNamedAskForm(request.POST, professionals=professionals)

    def action(d):
        services.ggd_consult_ask(
            actor=request.user,
            professional=by_id[d["professional"]],
            question=d["question"],
            school=professional.organisation,
            youth=youth,
            consent_given_by=d["consent_given_by"],
            consent_on=d["consent_on"],
            access_point=access_point(request),
        )

    if form.is_valid() and form.cleaned_data["professional"] not in by_id:
        form.add_error("professional", _("Kies aan wie bij de GGD u het vraagt."))
    return _action_post(
        request, youth_id, form, action, _("Uw vraag staat bij de GGD."), rules.SIGNAL_FUNCTIONS, template
    )


@login_required
def ab_assign(request, youth_id: int):
    """Assign an ambulant begeleider of the school's SWV, with the consent the pupil's age asks."""
    professional = policy.professional_of(request.user)
    if professional is None:
        raise NotFoundOrForbidden
    abs_ = selectors.ab_professionals_for(professional.organisation)
    template = "schoolsupport/ab_assign.html"
    if request.method != "POST":
        form = forms.ABAssignForm(abs=abs_, initial={"starts_on": timezone.localdate()})
        return _action_page(request, youth_id, rules.IB_FUNCTIONS, template, form)
    youth = _youth(youth_id)
    by_id = {p.pk: p for p in abs_}
    form = forms.ABAssignForm(request.POST, abs=abs_)

    def action(d):
        services.ab_assign(
            actor=request.user,
            youth=youth,
            school=professional.organisation,
            ab=by_id[d.pop("ab")],
            access_point=access_point(request),
            **d,
        )

    if form.is_valid() and form.cleaned_data["ab"] not in by_id:
        form.add_error("ab", _("Kies een ambulant begeleider."))
    return _action_post(
        request, youth_id, form, action, _("De ambulant begeleider is toegewezen."), rules.IB_FUNCTIONS, template
    )


@login_required
@require_POST
def ab_note(request, assignment_id: int):
    assignment = selectors.assignment_get(assignment_id)
    form = forms.ABNoteForm(request.POST)
    return _pupil_post(
        request,
        assignment.youth_id,
        form,
        lambda d: services.ab_note_add(
            actor=request.user, assignment=assignment, access_point=access_point(request), **d
        ),
        _("Het is vastgelegd."),
        "ab_note_form",
        "h-ab",
    )


@login_required
@require_POST
def ab_end(request, assignment_id: int):
    assignment = selectors.assignment_get(assignment_id)
    form = forms.Form(request.POST)
    return _pupil_post(
        request,
        assignment.youth_id,
        form,
        lambda d: services.ab_end(actor=request.user, assignment=assignment, access_point=access_point(request)),
        _("De ambulante begeleiding is beëindigd."),
        "ab_end_form",
        "h-ab",
    )


@login_required
def my_assignments(request):
    assignments = selectors.my_assignments(actor=request.user, access_point=access_point(request))
    return render(request, "schoolsupport/ab_caseload.html", {"assignments": assignments})


# --- the OPP ---------------------------------------------------------------------------------------------


def _opp_page(request, opp_id: int, status=200, **extra):
    view = selectors.opp_detail(actor=request.user, opp_id=opp_id, access_point=access_point(request))
    opp = view.opp
    today = timezone.localdate()
    context = {"view": view, "opp": opp, "youth": view.youth, "today": today}
    if view.can_change:
        if not opp.is_final:
            context["opp_form"] = forms.OPPForm(
                initial={name: getattr(opp, name) for name in forms.OPPForm.base_fields}
            )
            context["finalise_form"] = forms.OPPFinaliseForm(initial={"finalised_on": today})
        else:
            context["evaluation_form"] = forms.OPPEvaluationForm(initial={"held_on": today})
        context["consent_form"] = forms.OPPConsentForm(initial={"consent_on": today})
    context.update(extra)
    return render(request, "schoolsupport/opp.html", context, status=status)


@login_required
def opp(request, opp_id: int):
    if request.method == "POST":
        instance = selectors.opp_get(opp_id)
        form = forms.OPPForm(request.POST)
        done = save_form(
            request,
            form,
            lambda d: services.opp_update(actor=request.user, opp=instance, access_point=access_point(request), **d),
            success=_("Het OPP is opgeslagen."),
            to=reverse("schoolsupport:opp", args=[opp_id]),
        )
        return done or _opp_page(request, opp_id, status=422, opp_form=form)
    return _opp_page(request, opp_id)


_opp_post = _poster(selectors.opp_get, _opp_page, "opp")


@login_required
@require_POST
def opp_consent(request, opp_id: int):
    return _opp_post(
        request,
        opp_id,
        forms.OPPConsentForm(request.POST),
        lambda o, d: services.opp_consent_record(actor=request.user, opp=o, access_point=access_point(request), **d),
        _("De instemming van de ouders is vastgelegd."),
        "consent_form",
    )


@login_required
@require_POST
def opp_finalise(request, opp_id: int):
    return _opp_post(
        request,
        opp_id,
        forms.OPPFinaliseForm(request.POST),
        lambda o, d: services.opp_finalise(actor=request.user, opp=o, access_point=access_point(request), **d),
        _("Het OPP is vastgesteld."),
        "finalise_form",
    )


@login_required
@require_POST
def opp_evaluate(request, opp_id: int):
    return _opp_post(
        request,
        opp_id,
        forms.OPPEvaluationForm(request.POST),
        lambda o, d: services.opp_evaluate(actor=request.user, opp=o, access_point=access_point(request), **d),
        _("De evaluatie van het OPP is vastgelegd."),
        "evaluation_form",
    )


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def opp_pdf(request, opp_id: int):
    """The OPP as a PDF; logged as a print."""
    view = selectors.opp_detail(
        actor=request.user,
        opp_id=opp_id,
        access_point=access_point(request),
        event=Event.PRINT,
        description="OPP als PDF",
    )
    return _pdf(report.opp_pdf(view), report.opp_filename(view))


# --- the samenwerkingsverband ------------------------------------------------------------------------------


def _swv_page(request, status=200, **extra):
    overview = selectors.swv_overview(actor=request.user, access_point=access_point(request))
    context = {"o": overview, "meeting_form": forms.CATMeetingForm(), "today": timezone.localdate()}
    context.update(extra)
    return render(request, "schoolsupport/swv_overview.html", context, status=status)


@login_required
def swv_overview(request):
    return _swv_page(request)


@login_required
@require_POST
def cat_meeting_plan(request):
    professional = policy.professional_of(request.user)
    if professional is None:
        raise NotFoundOrForbidden
    form = forms.CATMeetingForm(request.POST)
    done = save_form(
        request,
        form,
        lambda d: services.cat_meeting_plan(actor=request.user, swv=professional.organisation, **d),
        success=_("De CAT-vergadering is gepland."),
        to=reverse("schoolsupport:swv"),
    )
    return done or _swv_page(request, status=422, meeting_form=form)


@login_required
def cat_meeting(request, meeting_id: int):
    meeting, requests = selectors.cat_meeting_detail(
        actor=request.user, meeting_id=meeting_id, access_point=access_point(request)
    )
    return render(request, "schoolsupport/cat_meeting.html", {"meeting": meeting, "requests": requests})


def _request_page(request, request_id: int, status=200, **extra):
    view = selectors.request_detail(actor=request.user, request_id=request_id, access_point=access_point(request))
    context = {"view": view, "r": view.request, "youth": view.youth, "today": timezone.localdate()}
    if view.is_coordinator and view.request.status in ("ingediend", "geagendeerd"):
        context["schedule_form"] = forms.ScheduleForm(meetings=view.meetings)
        context["advice_form"] = forms.AdviceForm(initial={"given_on": timezone.localdate()})
        context["decision_form"] = forms.DecisionForm()
    if view.is_coordinator and view.request.status == "besloten" and view.request.outcome == "arrangement":
        context["ab_form"] = forms.ABAssignForm(abs=selectors.ab_professionals_for(view.request.school))
    context.update(extra)
    return render(request, "schoolsupport/request.html", context, status=status)


@login_required
def swv_request(request, request_id: int):
    return _request_page(request, request_id)


_request_post = _poster(selectors.request_get, _request_page, "request")


@login_required
@require_POST
def request_schedule(request, request_id: int):
    instance = selectors.request_get(request_id)
    meetings = CATMeeting.objects.filter(swv_id=instance.swv_id, held_on__gte=timezone.localdate())
    by_id = {m.pk: m for m in meetings}
    form = forms.ScheduleForm(request.POST, meetings=meetings)
    return _request_post(
        request,
        request_id,
        form,
        lambda r, d: services.swv_request_schedule(
            actor=request.user, request=r, meeting=by_id[d["meeting"]], access_point=access_point(request)
        ),
        _("De aanvraag staat op de agenda van de CAT."),
        "schedule_form",
    )


@login_required
@require_POST
def request_advice(request, request_id: int):
    return _request_post(
        request,
        request_id,
        forms.AdviceForm(request.POST),
        lambda r, d: services.cat_advice_add(actor=request.user, request=r, access_point=access_point(request), **d),
        _("Het advies is vastgelegd."),
        "advice_form",
    )


@login_required
@require_POST
def request_decide(request, request_id: int):
    return _request_post(
        request,
        request_id,
        forms.DecisionForm(request.POST),
        lambda r, d: services.swv_request_decide(
            actor=request.user, request=r, access_point=access_point(request), **d
        ),
        _("Het besluit is vastgelegd en staat klaar voor de school en de ouders."),
        "decision_form",
    )


@login_required
@require_POST
def request_withdraw(request, request_id: int):
    return _request_post(
        request,
        request_id,
        forms.Form(request.POST),
        lambda r, d: services.swv_request_withdraw(actor=request.user, request=r, access_point=access_point(request)),
        _("De aanvraag is ingetrokken."),
        "withdraw_form",
    )


@login_required
@require_POST
def request_ab_assign(request, request_id: int):
    instance = selectors.request_get(request_id)
    abs_ = selectors.ab_professionals_for(instance.school)
    by_id = {p.pk: p for p in abs_}
    form = forms.ABAssignForm(request.POST, abs=abs_)
    if form.is_valid() and form.cleaned_data["ab"] not in by_id:
        form.add_error("ab", _("Kies een ambulant begeleider."))
    return _request_post(
        request,
        request_id,
        form,
        lambda r, d: services.ab_assign(
            actor=request.user,
            youth=r.youth,
            school=r.school,
            ab=by_id[d.pop("ab")],
            request=r,
            access_point=access_point(request),
            **d,
        ),
        _("De ambulant begeleider is toegewezen."),
        "ab_form",
    )


@login_required
def decision_pdf(request, request_id: int):
    view = selectors.request_detail(
        actor=request.user,
        request_id=request_id,
        access_point=access_point(request),
        event=Event.PRINT,
        description="besluit CAT als PDF",
    )
    if view.request.status != "besloten":
        raise NotFoundOrForbidden
    return _pdf(report.decision_pdf(view), report.decision_filename(view))


# --- the GGD -----------------------------------------------------------------------------------------------


@login_required
def ggd_inbox(request):
    data = selectors.ggd_inbox(actor=request.user, access_point=access_point(request))
    return render(request, "schoolsupport/ggd_inbox.html", data)


def _consultation_page(request, consultation_id: int, status=200, **extra):
    view = selectors.consultation_detail(
        actor=request.user, consultation_id=consultation_id, access_point=access_point(request)
    )
    c = view.consultation
    context = {"view": view, "c": c, "today": timezone.localdate()}
    if view.can_answer:
        context["answer_form"] = forms.GGDAnswerForm(initial={"advice": c.advice})
        if c.youth_id:
            context["note_form"] = forms.GGDNoteForm(initial={"held_on": timezone.localdate()})
            context["samen_doen_form"] = forms.SamenDoenForm(initial={"consent_on": timezone.localdate()})
    context.update(extra)
    return render(request, "schoolsupport/ggd_consultation.html", context, status=status)


@login_required
def ggd_consultation(request, consultation_id: int):
    return _consultation_page(request, consultation_id)


_ggd_post = _poster(selectors.consultation_get, _consultation_page, "ggd_consultation")


@login_required
@require_POST
def ggd_answer(request, consultation_id: int):
    return _ggd_post(
        request,
        consultation_id,
        forms.GGDAnswerForm(request.POST),
        lambda c, d: services.ggd_consult_answer(
            actor=request.user, consultation=c, access_point=access_point(request), **d
        ),
        _("Het advies is gegeven."),
        "answer_form",
    )


@login_required
@require_POST
def ggd_note(request, consultation_id: int):
    return _ggd_post(
        request,
        consultation_id,
        forms.GGDNoteForm(request.POST),
        lambda c, d: services.ggd_note_add(actor=request.user, consultation=c, access_point=access_point(request), **d),
        _("De notitie is vastgelegd."),
        "note_form",
    )


@login_required
@require_POST
def ggd_samen_doen(request, consultation_id: int):
    return _ggd_post(
        request,
        consultation_id,
        forms.SamenDoenForm(request.POST),
        lambda c, d: services.ggd_register_samen_doen(
            actor=request.user, consultation=c, access_point=access_point(request), **d
        ),
        _("De leerling is aangemeld bij Samen Doen."),
        "samen_doen_form",
    )
