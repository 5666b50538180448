"""Demo records the browser tests need, read from the test database (loaded by the ``demo``
fixture)."""

from jeugdketen.access import policy
from jeugdketen.cases.models import Case
from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Youth


def youth(first_name: str, last_name: str) -> Youth:
    return Youth.objects.select_related("municipality").get(first_name=first_name, last_name=last_name)


def noah() -> Youth:
    return youth("Noah", "Jansen")


def noah_case() -> Case:
    return Case.objects.get(youth=noah(), casusregisseur__user__username="jeroen")


def professional(username: str) -> Professional:
    return Professional.objects.select_related("user", "organisation").get(user__username=username)


def youth_out_of_sight(username: str) -> Youth:
    """A youth the user has no relationship with (so the dossier must be a 404 for them)."""
    user = professional(username).user
    for candidate in Youth.objects.order_by("last_name", "first_name"):
        if not policy.access_for(user, candidate):
            return candidate
    raise AssertionError(f"every demo youth is visible to {username}")
