"""Who may read and write a case's meldcode, asked of the one policy (jeugdketen.access.policy).

Read: the safety category for the youth, and the case among the cases the user may see. Write:
an active involvement in that case in a function that writes safety data (medewerker Samen Doen,
jeugdconsulent). Parents and the youth never read it: the dossier categories leave safety out.

Refusals are logged. Without any relationship to the youth or the case the answer is 404, as for
a case that does not exist. Otherwise it depends on the door: a track asked for by its id answers
404 to whoever may not read safety data, because that a meldcode runs is itself safety data; the
meldcode of a case the user sees answers 403 with the reason, which reveals nothing about it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, log_refusal
from jeugdketen.cases.models import Case, Involvement

OBJECT_TYPE = "meldcode"
SAFETY = Category.SAFETY
# The functions that write safety data when involved in a case: the policy's table, read once.
SAFETY_FUNCTIONS = frozenset(
    code for code in policy.FUNCTION_CATEGORIES if SAFETY in policy.categories_for(code, Ground.CASE_INVOLVEMENT)
)
READ_REFUSED = _("De meldcode is alleen in te zien voor wie in deze casus met veiligheidsgegevens werkt.")
WRITE_REFUSED = _(
    "Alleen wie als medewerker Samen Doen of jeugdconsulent betrokken is bij de casus, legt de meldcode vast."
)


def _refuse(actor, case: Case, access_point: AccessPoint, description: str) -> None:
    log_refusal(
        user=actor, youth=case.youth, object_type=OBJECT_TYPE, access_point=access_point, description=description
    )


def read_access(actor, case: Case, access_point: AccessPoint, *, by_track: bool) -> policy.YouthAccess:
    """The actor's access to the youth of ``case``, when it covers the case's meldcode."""
    access = policy.access_for(actor, case.youth)
    if case.pk not in access.case_ids:
        _refuse(actor, case, access_point, "meldcode: geen relatie met de casus")
        raise NotFoundOrForbidden
    if not access.can(SAFETY):
        _refuse(actor, case, access_point, "meldcode: geen toegang tot veiligheidsgegevens")
        if by_track:
            raise NotFoundOrForbidden
        raise NotAllowed(READ_REFUSED)
    return access


def write_access(
    actor, case: Case, access_point: AccessPoint, *, by_track: bool
) -> tuple[policy.YouthAccess, Involvement]:
    """The actor's access and their involvement in ``case`` in a function that writes safety data."""
    access = read_access(actor, case, access_point, by_track=by_track)
    involvement = access.involvement_in(case.pk, SAFETY)
    if involvement is None:
        _refuse(actor, case, access_point, "meldcode vastleggen zonder betrokkenheid als samen_doen/jeugdconsulent")
        raise NotAllowed(WRITE_REFUSED)
    return access, involvement


def may_write(access: policy.YouthAccess, case: Case) -> bool:
    return access.involvement_in(case.pk, SAFETY) is not None


def write_grant(involvement: Involvement) -> policy.Grant:
    return policy.Grant(SAFETY, Ground.CASE_INVOLVEMENT, involvement.function, involvement.case.reference, True)
