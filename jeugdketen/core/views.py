from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.services import AccessPoint


def access_point(request) -> AccessPoint:
    return AccessPoint.from_request(request)


def save_form(request, form, action, *, success: str, to: str) -> HttpResponse | None:
    """The step every form page shares: validate ``form`` and call ``action(cleaned_data)`` (a
    service, which checks the policy and logs). On success the message and a redirect to the URL
    ``to``; a service's ``ValidationError`` goes onto the form's fields and ``None`` comes back, so
    the caller shows the page again (422); ``NotAllowed`` becomes a 403 with its message."""
    if not form.is_valid():
        return None
    try:
        action(form.cleaned_data)
    except ValidationError as exc:
        form.add_error_from(exc)
        return None
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    messages.success(request, success)
    return redirect(to)


@login_required
def home(request):
    if policy.professional_of(request.user) is not None:
        return redirect("cases:my_cases")
    return redirect("portal:home")


def page_not_found(request, exception):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Niet gevonden."}, status=404)
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    return render(request, "403.html", {"message": str(exception) if exception else ""}, status=403)
