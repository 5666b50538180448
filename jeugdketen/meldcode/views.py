"""Pages of the meldcode: the overview, the meldcode of a case, a track with its steps, the form
per step and closing. Thin: a form parses, a service or selector does the rest."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.core.views import access_point

from . import permissions, selectors, services
from .forms import CloseForm, DecisionForm, StepForm, TrackOpenForm, WeighingForm
from .models import Track
from .steps import DECISION_STEP, STEP_COUNT, WEIGHING_STEP, step

_UNSET = object()


def _forbidden_is_403(view):
    """The selectors and services say NotAllowed (seen, but not allowed); a page answers 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc

    return wrapper


def _run(form, action):
    """Call the service with the form's data and return its result; on invalid input put the
    service's Dutch messages on the form's fields and return ``_UNSET``."""
    if not form.is_valid():
        return _UNSET
    try:
        return action(form.cleaned_data)
    except ValidationError as exc:
        form.add_error_from(exc)
        return _UNSET


def _writable(request, view: selectors.TrackView):
    """A form page of a track: only for who may write, and only while the meldcode is open."""
    if not view.may_write:
        raise PermissionDenied(permissions.WRITE_REFUSED)
    if not view.track.is_open:
        messages.info(request, _("Deze meldcode is afgesloten."))
        return redirect("meldcode:track", view.track.pk)
    return None


def _track(track_id: int) -> Track:
    track = Track.objects.select_related("case__youth").filter(pk=track_id).first()
    if track is None:
        raise NotFoundOrForbidden
    return track


def _track_context(view: selectors.TrackView, **extra) -> dict:
    return {"view": view, "track": view.track, "case": view.case, "youth": view.youth, **extra}


@require_safe
@login_required
@_forbidden_is_403
def overview(request):
    if policy.professional_of(request.user) is None:
        return redirect("youth:list")
    tracks = selectors.open_tracks(actor=request.user, access_point=access_point(request))
    return render(request, "meldcode/overview.html", {"tracks": tracks})


@require_safe
@login_required
@_forbidden_is_403
def case_meldcode(request, case_id: int):
    view = selectors.case_meldcode(actor=request.user, case_id=case_id, access_point=access_point(request))
    return render(request, "meldcode/case_meldcode.html", {"view": view, "case": view.case, "youth": view.case.youth})


@login_required
@_forbidden_is_403
def track_open(request, case_id: int):
    ap = access_point(request)
    view = selectors.case_meldcode(actor=request.user, case_id=case_id, access_point=ap)
    if not view.can_write:
        raise PermissionDenied(permissions.WRITE_REFUSED)
    form = TrackOpenForm(request.POST or None, initial={"opened_on": timezone.localdate()})
    if request.method == "POST":
        track = _run(
            form, lambda data: services.meldcode_open(actor=request.user, case=view.case, access_point=ap, **data)
        )
        if track is not _UNSET:
            messages.success(request, _("De meldcode is gestart. Begin met stap 1: breng de signalen in kaart."))
            return redirect("meldcode:track", track.pk)
    status = 422 if request.method == "POST" else 200
    context = {"view": view, "case": view.case, "youth": view.case.youth, "form": form}
    return render(request, "meldcode/track_open.html", context, status=status)


def _step_form(number: int, data=None):
    initial = {"done_on": timezone.localdate()}
    if number == WEIGHING_STEP:
        return WeighingForm(data, initial=initial)
    if number == DECISION_STEP:
        return DecisionForm(data, initial=initial)
    return StepForm(data, initial=initial, number=number)


@require_safe
@login_required
@_forbidden_is_403
def track_detail(request, track_id: int):
    view = selectors.track_detail(actor=request.user, track_id=track_id, access_point=access_point(request))
    context = _track_context(view)
    if view.can_write:
        if view.next_step:
            context.update(form=_step_form(view.next_step), form_step=step(view.next_step))
        context["close_form"] = CloseForm(initial={"closed_on": timezone.localdate()})
    return render(request, "meldcode/track_detail.html", context)


def _record(request, track: Track, number: int, form) -> object:
    ap = access_point(request)
    if number == WEIGHING_STEP:
        return services.meldcode_weigh(actor=request.user, track=track, access_point=ap, **form.service_arguments())
    if number == DECISION_STEP:
        return services.meldcode_decide(actor=request.user, track=track, access_point=ap, **form.cleaned_data)
    return services.meldcode_step_record(
        actor=request.user, track=track, number=number, access_point=ap, **form.cleaned_data
    )


@login_required
@_forbidden_is_403
def step_form(request, track_id: int, number: int):
    """The form of one step: shown for the step at turn; on POST the service decides (and says at
    the form why not)."""
    if not 1 <= number <= STEP_COUNT:
        raise NotFoundOrForbidden
    if request.method == "POST":
        form = _step_form(number, request.POST)
        track = _track(track_id)
        if _run(form, lambda _data: _record(request, track, number, form)) is not _UNSET:
            messages.success(request, _("Stap %(n)s is vastgelegd.") % {"n": number})
            return redirect("meldcode:track", track_id)
    view = selectors.track_detail(actor=request.user, track_id=track_id, access_point=access_point(request))
    if (leave := _writable(request, view)) is not None:
        return leave
    if request.method != "POST":
        if view.next_step != number:
            messages.info(request, _("Stap %(n)s is nu niet aan de beurt.") % {"n": number})
            return redirect("meldcode:track", track_id)
        form = _step_form(number)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "meldcode/step_form.html", _track_context(view, form=form, form_step=step(number)), status=status
    )


@login_required
@_forbidden_is_403
def track_close(request, track_id: int):
    if request.method == "POST":
        form = CloseForm(request.POST)
        track = _track(track_id)
        action = lambda data: services.meldcode_close(  # noqa: E731
            actor=request.user, track=track, access_point=access_point(request), **data
        )
        if _run(form, action) is not _UNSET:
            messages.success(request, _("De meldcode is afgesloten."))
            return redirect("meldcode:track", track_id)
    view = selectors.track_detail(actor=request.user, track_id=track_id, access_point=access_point(request))
    if (leave := _writable(request, view)) is not None:
        return leave
    if request.method != "POST":
        form = CloseForm(initial={"closed_on": timezone.localdate()})
    status = 422 if request.method == "POST" else 200
    return render(request, "meldcode/track_close.html", _track_context(view, form=form), status=status)
