"""Pages of the toegang: the public request form, the Samen Doen inbox, one request (take up,
triage, decision, stop-the-clock, contacts, assignment), the waiting list, referrals received and
the checklist editor. Thin: the services and selectors do the work and ask the policy."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.core.apis import parse_id
from jeugdketen.core.views import access_point, save_form
from jeugdketen.organisations.models import Municipality
from jeugdketen.youth.selectors import youth_for

from . import selectors, services
from .forms import (
    AssignForm,
    ContactForm,
    DecisionForm,
    PublicRequestForm,
    PublishForm,
    QuestionForm,
    ReferralStatusForm,
    RegisterRequestForm,
    ResumeForm,
    SuspensionForm,
    TakeUpForm,
    TriageForm,
)
from .models import Checklist, ChecklistVersion, HelpRequest, Question, Referral

# The public form accepts this many requests per address per hour: enough for a family, not for a
# robot. Further attempts get a message to call instead.
PUBLIC_SUBMISSIONS_PER_HOUR = 5


def _allowed(call):
    """Run a service call; a NotAllowed becomes a 403 page with its message."""
    try:
        return call()
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc


# --- public ---------------------------------------------------------------------------------------


def _public_municipality(cbs_code: str | None) -> Municipality | None:
    with_toegang = Municipality.objects.filter(triage_checklist__versions__status="published").distinct()
    if cbs_code:
        return get_object_or_404(with_toegang, cbs_code=cbs_code)
    return with_toegang.first() if with_toegang.count() == 1 else None


def public_request(request, cbs_code: str | None = None):
    """The public form: parents (or the youth) ask Samen Doen for help, without an account."""
    municipality = _public_municipality(cbs_code)
    if municipality is None:
        municipalities = Municipality.objects.filter(triage_checklist__versions__status="published").distinct()
        return render(request, "intake/public_choose.html", {"municipalities": municipalities})
    form = PublicRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 422
        throttle_key = f"intake-public:{request.META.get('REMOTE_ADDR', '')}"
        if cache.get(throttle_key, 0) >= PUBLIC_SUBMISSIONS_PER_HOUR:
            form.add_error(
                None, _("U heeft al een aantal aanmeldingen gedaan. Bel Samen Doen als u nog iets wilt doorgeven.")
            )
            status = 429
        elif form.is_valid() and not form.cleaned_data["website"]:
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("privacy", "website", "youth_agrees")}
            try:
                help_request = services.request_submit_public(
                    data=services.RequestData(municipality=municipality, **data),
                    youth_agrees=form.cleaned_data["youth_agrees"],
                    access_point=access_point(request),
                )
            except ValidationError as exc:
                form.add_error_from(exc)
            else:
                cache.set(throttle_key, cache.get(throttle_key, 0) + 1, 3600)
                request.session["intake_submitted"] = {
                    "reference": help_request.reference,
                    "municipality": municipality.name,
                    "urgent": help_request.urgency == HelpRequest.Urgency.URGENT,
                }
                return redirect("intake_public:done")
    return render(request, "intake/public_form.html", {"form": form, "municipality": municipality}, status=status)


def public_done(request):
    submitted = request.session.get("intake_submitted")
    if not submitted:
        return redirect("intake_public:form")
    return render(request, "intake/public_done.html", {"submitted": submitted})


# --- the inbox and registering --------------------------------------------------------------------


@login_required
@vary_on_headers("HX-Request")
def inbox(request):
    _municipality_id, functions = selectors.toegang_of(request.user)
    if not functions:
        raise PermissionDenied(_("De inbox is er voor Samen Doen, de jeugdconsulenten en hun teamleider."))
    status = request.GET.get("status", "open")
    query = request.GET.get("q", "").strip()
    listing = selectors.inbox(
        actor=request.user,
        access_point=access_point(request),
        status=status,
        query=query,
        page_number=request.GET.get("pagina"),
    )
    context = {
        "listing": listing,
        "status": status if status in selectors.INBOX_STATUSES else "open",
        "statuses": [
            ("open", _("Nieuw en in triage")),
            ("nieuw", _("Nieuw")),
            ("triage", _("In triage")),
            ("verwezen", _("Doorverwezen")),
            ("afgesloten", _("Toegewezen of afgesloten")),
        ],
        "q": query,
        "query": urlencode({"status": status, "q": query}),
        "today": timezone.localdate(),
        "functions": functions,
    }
    template = "intake/_inbox_table.html" if request.htmx else "intake/inbox.html"
    return render(request, template, context)


@login_required
def register(request):
    professional = policy.professional_of(request.user)
    if professional is None:
        raise PermissionDenied(_("Alleen professionals kunnen een hulpvraag registreren."))
    _municipality_id, functions = selectors.toegang_of(request.user)
    toegang = services.SAMEN_DOEN in functions
    youth = None
    if request.GET.get("jeugdige") or request.POST.get("jeugdige"):
        youth, _access = youth_for(
            actor=request.user,
            youth_id=parse_id(request.GET.get("jeugdige") or request.POST.get("jeugdige")),
            access_point=access_point(request),
        )
    initial = {}
    if youth is not None:
        initial = {
            "first_name": youth.first_name,
            "name_prefix": youth.name_prefix,
            "last_name": youth.last_name,
            "date_of_birth": youth.date_of_birth,
            "bsn": youth.bsn,
            "municipality": youth.municipality_id,
        }
    form = RegisterRequestForm(request.POST or None, toegang=toegang, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        source = data.pop("source", "") or HelpRequest.Source.PROFESSIONAL
        try:
            help_request = _allowed(
                lambda: services.request_register(
                    actor=request.user,
                    data=services.RequestData(**data),
                    source=source,
                    youth=youth,
                    access_point=access_point(request),
                )
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        else:
            messages.success(
                request,
                _("De hulpvraag is geregistreerd bij Samen Doen onder kenmerk %(ref)s.")
                % {"ref": help_request.reference},
            )
            if toegang:
                return redirect("intake:detail", help_request.pk)
            return redirect("intake:register_done", help_request.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "intake/register.html", {"form": form, "youth": youth, "toegang": toegang}, status=status)


@login_required
def register_done(request, request_id: int):
    """For a referrer: the confirmation, without the toegang's further work (that is not theirs)."""
    help_request = get_object_or_404(HelpRequest, pk=request_id, registered_by=request.user)
    return render(request, "intake/register_done.html", {"help_request": help_request})


# --- one request ------------------------------------------------------------------------------------


def _detail(request, request_id: int, status: int = 200, **forms):
    view = selectors.request_detail(actor=request.user, request_id=request_id, access_point=access_point(request))
    today = timezone.localdate()
    if view.may_take_up and "take_up_form" not in forms:
        forms["take_up_form"] = TakeUpForm(candidates=view.candidates)
    if view.may_suspend:
        if view.open_suspension:
            forms.setdefault("resume_form", ResumeForm(initial={"ended_on": today}))
        else:
            forms.setdefault("suspension_form", SuspensionForm(initial={"started_on": today}))
    if view.may_contact:
        forms.setdefault("contact_form", ContactForm(initial={"on": today, "channel": "telefoon"}))
    if view.may_assign:
        forms.setdefault("assign_form", AssignForm(caseloads=selectors.caseloads(view.request.municipality_id)))
    return render(
        request, "intake/detail.html", {"view": view, "hr": view.request, "today": today, **forms}, status=status
    )


@login_required
def detail(request, request_id: int):
    return _detail(request, request_id)


def _post(request, request_id: int, form, form_name: str, action, success: str, then: str = "intake:detail"):
    """A form posted to a request: the service on valid input; otherwise the page again (422)."""
    help_request, _grant = selectors.visible_request(
        actor=request.user, request_id=request_id, access_point=access_point(request)
    )
    done = save_form(
        request, form, lambda data: action(help_request, data), success=success, to=reverse(then, args=[request_id])
    )
    return done or _detail(request, request_id, status=422, **{form_name: form})


@login_required
@require_POST
def take_up(request, request_id: int):
    help_request, _grant = selectors.visible_request(
        actor=request.user, request_id=request_id, access_point=access_point(request)
    )
    candidates = services.youth_candidates(help_request) if help_request.youth_id is None else []
    form = TakeUpForm(request.POST, candidates=candidates)
    if help_request.youth_id is not None:
        form = TakeUpForm({"youth": "new"}, candidates=[])

    def action(hr, data):
        youth = None
        if hr.youth_id is None and data["youth"] != "new":
            youth = next(y for y in candidates if str(y.pk) == data["youth"])
        services.request_take_up(
            actor=request.user,
            request=hr,
            youth=youth,
            register_new=hr.youth_id is None and data["youth"] == "new",
            access_point=access_point(request),
        )

    return _post(
        request,
        request_id,
        form,
        "take_up_form",
        action,
        _("De hulpvraag is in behandeling genomen. Doe nu de triage."),
        then="intake:triage",
    )


@login_required
def triage(request, request_id: int):
    ap = access_point(request)
    view = selectors.request_detail(actor=request.user, request_id=request_id, access_point=ap)
    if not view.may_triage:
        raise PermissionDenied(_("De triage doet een medewerker van Samen Doen, nadat de hulpvraag in behandeling is."))
    version = services.published_version(view.request.municipality_id)
    if version is None:
        messages.error(
            request, _("Er is nog geen triagechecklist in gebruik. Vraag de teamleider er een te publiceren.")
        )
        return redirect("intake:detail", request_id)
    questions = list(version.questions.all())
    initial = {}
    if view.triage is not None and view.triage.version_id == version.pk:
        initial = {f"q{a.question_id}": a.value for a in view.answers}
    form = TriageForm(request.POST or None, questions=questions, initial=initial)
    if request.method == "POST":
        done = save_form(
            request,
            form,
            lambda data: services.triage_record(
                actor=request.user,
                request=view.request,
                answers={q.pk: data.get(f"q{q.pk}", "") for q in questions},
                access_point=ap,
            ),
            success=_("De triage is vastgelegd. Neem nu een besluit."),
            to=reverse("intake:decide", args=[request_id]),
        )
        if done:
            return done
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "intake/triage.html",
        {"view": view, "hr": view.request, "form": form, "version": version},
        status=status,
    )


@login_required
def decide(request, request_id: int):
    ap = access_point(request)
    view = selectors.request_detail(actor=request.user, request_id=request_id, access_point=ap)
    if not view.may_decide:
        raise PermissionDenied(_("Het besluit neemt een medewerker van Samen Doen."))
    municipality_id = view.request.municipality_id
    loads = selectors.caseloads(municipality_id)
    form = DecisionForm(
        request.POST or None,
        services=selectors.referral_targets(municipality_id, view.request.youth.age(timezone.localdate())),
        caseloads=loads,
        initial={"kind": view.recommendation, "consent_on": timezone.localdate(), "priority": 2},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        referral = None
        if data["kind"] == "verwijzen":
            referral = services.ReferralData(
                organisation=None,
                service=data["service"],
                items=data["items"],
                consent_by=data["consent_by"],
                consent_on=data["consent_on"],
            )
        try:
            services.decide(
                actor=request.user,
                request=view.request,
                kind=data["kind"],
                motivation=data["motivation"],
                priority=data["priority"] or None,
                referral=referral,
                consulent=data["consulent"],
                access_point=ap,
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        else:
            messages.success(request, _("Het besluit is vastgelegd."))
            return redirect("intake:detail", request_id)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "intake/decide.html",
        {"view": view, "hr": view.request, "form": form, "caseloads": loads},
        status=status,
    )


@login_required
@require_POST
def suspend(request, request_id: int):
    def action(hr, data):
        services.suspension_start(actor=request.user, request=hr, access_point=access_point(request), **data)

    return _post(
        request,
        request_id,
        SuspensionForm(request.POST),
        "suspension_form",
        action,
        _("De beslistermijn is opgeschort."),
    )


@login_required
@require_POST
def resume(request, request_id: int):
    def action(hr, data):
        services.suspension_end(actor=request.user, request=hr, access_point=access_point(request), **data)

    return _post(
        request, request_id, ResumeForm(request.POST), "resume_form", action, _("De beslistermijn loopt weer.")
    )


@login_required
@require_POST
def contact(request, request_id: int):
    def action(hr, data):
        services.contact_record(actor=request.user, request=hr, access_point=access_point(request), **data)

    return _post(
        request, request_id, ContactForm(request.POST), "contact_form", action, _("Het contact is vastgelegd.")
    )


@login_required
@require_POST
def assign(request, request_id: int):
    help_request, _grant = selectors.visible_request(
        actor=request.user, request_id=request_id, access_point=access_point(request)
    )
    form = AssignForm(request.POST, caseloads=selectors.caseloads(help_request.municipality_id))

    def action(hr, data):
        services.assign(actor=request.user, request=hr, consulent=data["consulent"], access_point=access_point(request))

    return _post(request, request_id, form, "assign_form", action, _("De hulpvraag is toegewezen."))


# --- the waiting list -------------------------------------------------------------------------------


@login_required
@require_POST
def assign_selected(request):
    """The teamleider assigns the requests ticked on the waiting list to one jeugdconsulent."""
    municipality_id, _functions = selectors.toegang_of(request.user)
    form = AssignForm(request.POST, caseloads=selectors.caseloads(municipality_id) if municipality_id else [])
    ids = [int(i) for i in request.POST.getlist("requests") if i.isascii() and i.isdigit() and int(i) < 2**63]
    if not ids:
        messages.error(request, _("Kies eerst een of meer hulpvragen op de wachtlijst."))
        return redirect("intake:waiting_list")
    if not form.is_valid():
        messages.error(request, _("Kies de jeugdconsulent aan wie u toewijst."))
        return redirect("intake:waiting_list")
    consulent = form.cleaned_data["consulent"]
    done = []
    for request_id in ids:
        help_request, _grant = selectors.visible_request(
            actor=request.user, request_id=request_id, access_point=access_point(request)
        )
        try:
            _allowed(
                lambda hr=help_request: services.assign(
                    actor=request.user, request=hr, consulent=consulent, access_point=access_point(request)
                )
            )
        except ValidationError as exc:
            messages.error(request, f"{help_request.reference}: {' '.join(exc.messages)}")
        else:
            done.append(help_request.reference)
    if done:
        messages.success(
            request,
            _("%(refs)s toegewezen aan %(name)s.") % {"refs": ", ".join(done), "name": consulent.name},
        )
    return redirect("intake:waiting_list")


@login_required
@vary_on_headers("HX-Request")
def waiting_list(request):
    _municipality_id, functions = selectors.toegang_of(request.user)
    if not functions:
        raise PermissionDenied(_("De wachtlijst is er voor Samen Doen, de jeugdconsulenten en hun teamleider."))
    query = request.GET.get("q", "").strip()
    wl = selectors.waiting_list(
        actor=request.user, access_point=access_point(request), query=query, page_number=request.GET.get("pagina")
    )
    context = {
        "wl": wl,
        "q": query,
        "query": urlencode({"q": query}),
        "today": timezone.localdate(),
    }
    template = "intake/_waiting_table.html" if request.htmx else "intake/waiting_list.html"
    return render(request, template, context)


# --- referrals received -----------------------------------------------------------------------------


@login_required
def referrals(request):
    if policy.professional_of(request.user) is None:
        raise PermissionDenied
    status = "all" if request.GET.get("status") == "alle" else "open"
    rows = selectors.referrals_received(actor=request.user, access_point=access_point(request), status=status)
    return render(request, "intake/referrals.html", {"referrals": rows, "status": status})


@login_required
def referral_detail(request, referral_id: int):
    ap = access_point(request)
    referral = selectors.referral_detail(actor=request.user, referral_id=referral_id, access_point=ap)
    allowed = services.REFERRAL_TRANSITIONS.get(referral.status, set())
    form = ReferralStatusForm(request.POST or None, allowed=allowed)
    if request.method == "POST":
        done = save_form(
            request,
            form,
            lambda data: services.referral_update(actor=request.user, referral=referral, access_point=ap, **data),
            success=_("De status van de verwijzing is bijgewerkt."),
            to=reverse("intake:referral", args=[referral_id]),
        )
        if done:
            return done
    status = 422 if request.method == "POST" else 200
    labels = dict(Referral.Item.choices)
    shared = [(labels.get(k, k), v) for k, v in referral.shared.items()]
    return render(
        request,
        "intake/referral_detail.html",
        {"referral": referral, "form": form if allowed else None, "shared": shared},
        status=status,
    )


# --- the checklist (teamleider) -------------------------------------------------------------------


def _manager_municipality(request) -> Municipality:
    municipality_id, functions = selectors.toegang_of(request.user)
    if services.TEAMLEIDER not in functions and services.SAMEN_DOEN not in functions:
        raise PermissionDenied(_("De triagechecklist is er voor Samen Doen en de teamleider."))
    return Municipality.objects.get(pk=municipality_id)


@login_required
def checklist(request):
    municipality = _manager_municipality(request)
    checklist = Checklist.objects.filter(municipality=municipality).first()
    versions = list(checklist.versions.prefetch_related("questions")) if checklist else []
    is_manager = services.TEAMLEIDER in selectors.toegang_of(request.user)[1]
    if request.method == "POST":
        if not is_manager:
            raise PermissionDenied(_("Alleen de teamleider van de gemeente beheert de triagechecklist."))
        draft = _allowed(lambda: services.checklist_draft(actor=request.user, municipality=municipality))
        messages.success(request, _("Versie %(n)s staat klaar om te bewerken.") % {"n": draft.number})
        return redirect("intake:checklist")
    draft = next((v for v in versions if v.is_draft), None)
    current = next((v for v in versions if v.status == ChecklistVersion.Status.PUBLISHED), None)
    return render(
        request,
        "intake/checklist.html",
        {
            "municipality": municipality,
            "draft": draft,
            "current": current,
            "versions": versions,
            "is_manager": is_manager,
            "publish_form": PublishForm() if draft else None,
        },
    )


@login_required
def checklist_version(request, number: int):
    municipality = _manager_municipality(request)
    version = get_object_or_404(
        ChecklistVersion.objects.prefetch_related("questions"), checklist__municipality=municipality, number=number
    )
    return render(request, "intake/checklist_version.html", {"version": version})


def _draft_of(request) -> ChecklistVersion:
    municipality = _manager_municipality(request)
    return get_object_or_404(ChecklistVersion, checklist__municipality=municipality, status="draft")


@login_required
def question_edit(request, question_id: int | None = None):
    draft = _draft_of(request)
    question = get_object_or_404(Question, pk=question_id, version=draft) if question_id else None
    initial = QuestionForm.initial_for(question) if question else {"kind": "yesno", "required": True}
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _allowed(
                lambda: services.question_save(
                    actor=request.user,
                    version=draft,
                    question=question,
                    text=data["text"],
                    kind=data["kind"],
                    theme=data["theme"],
                    help_text=data["help_text"],
                    required=data["required"],
                    options=form.options(),
                )
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        else:
            messages.success(request, _("De vraag is opgeslagen in versie %(n)s.") % {"n": draft.number})
            return redirect(reverse("intake:checklist") + "#concept")
    status = 422 if request.method == "POST" else 200
    return render(
        request, "intake/question_form.html", {"form": form, "question": question, "draft": draft}, status=status
    )


@login_required
@require_POST
def question_delete(request, question_id: int):
    draft = _draft_of(request)
    question = get_object_or_404(Question, pk=question_id, version=draft)
    _allowed(lambda: services.question_delete(actor=request.user, question=question))
    messages.success(request, _("De vraag is verwijderd uit versie %(n)s.") % {"n": draft.number})
    return redirect(reverse("intake:checklist") + "#concept")


@login_required
@require_POST
def question_move(request, question_id: int):
    draft = _draft_of(request)
    question = get_object_or_404(Question, pk=question_id, version=draft)
    _allowed(
        lambda: services.question_move(actor=request.user, question=question, up=request.POST.get("richting") == "op")
    )
    return redirect(reverse("intake:checklist") + f"#vraag-{question.pk}")


@login_required
@require_POST
def checklist_publish(request):
    draft = _draft_of(request)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            _allowed(
                lambda: services.checklist_publish(actor=request.user, version=draft, note=form.cleaned_data["note"])
            )
        except ValidationError as exc:
            form.add_error_from(exc)
        else:
            messages.success(
                request, _("Versie %(n)s is gepubliceerd en wordt nu bij de triage gebruikt.") % {"n": draft.number}
            )
            return redirect("intake:checklist")
    municipality = draft.checklist.municipality
    versions = list(draft.checklist.versions.prefetch_related("questions"))
    return render(
        request,
        "intake/checklist.html",
        {
            "municipality": municipality,
            "draft": draft,
            "current": next((v for v in versions if v.status == "published"), None),
            "versions": versions,
            "is_manager": True,
            "publish_form": form,
        },
        status=422,
    )
