from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from jeugdketen.access import policy
from jeugdketen.core.views import access_point

from . import selectors


@login_required
def home(request):
    """The start page of a parent or a youth: per child what is going on, who is involved and
    what asks for their attention."""
    if policy.professional_of(request.user) is not None:
        return redirect("cases:my_cases")
    overview = selectors.family_overview(actor=request.user, access_point=access_point(request))
    return render(request, "portal/home.html", {"overview": overview})
