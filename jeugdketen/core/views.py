from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render

from jeugdketen.access import policy
from jeugdketen.auditlog.services import AccessPoint


def access_point(request) -> AccessPoint:
    return AccessPoint.from_request(request)


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
