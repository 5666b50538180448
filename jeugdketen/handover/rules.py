"""Who reads and writes a handover, on top of the policy.

* The sending school writes it: a leerkracht or mentor, the intern begeleider or the schoolleider
  of the school where the pupil is enrolled today (the policy's school ground).
* The receiving school reads it once it was handed over *and* the pupil is enrolled there (an
  inschrijving that has not ended; it may start at the new school year), in the same functions.
  Before that, the new school sees nothing: not even that a handover exists.
* The parents with gezag (child under 16) and the youth from 12 read it when it was handed over
  (their copy, WPO art. 42); the parents add their view.
* The consulent leerplicht of the youth's municipality sees the pupils at risk on the "alle
  leerlingen in beeld" list (who, school, group, why), never the report.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.organisations.models import Function, Organisation, Professional
from jeugdketen.youth.models import Enrolment

OBJECT_TYPE = "handover"
SCHOOL_FUNCTIONS = frozenset({"leerkracht", "intern_begeleider", "schoolleider"})
LEAD_FUNCTIONS = frozenset({"intern_begeleider", "schoolleider"})


def school_function(professional: Professional | None, codes=SCHOOL_FUNCTIONS) -> Function | None:
    if professional is None or professional.organisation.kind != Organisation.Kind.SCHOOL:
        return None
    return next((f for f in professional.functions.all() if f.code in codes), None)


def enrolled_at(youth_id: int, school_id: int) -> Enrolment | None:
    """The pupil's inschrijving at the school that has not ended (it may start later)."""
    today = timezone.localdate()
    return (
        Enrolment.objects.filter(youth_id=youth_id, school_id=school_id)
        .filter(Q(end__isnull=True) | Q(end__gt=today))
        .order_by("start")
        .first()
    )


def receiver_grant(actor, handover) -> policy.Grant | None:
    """The receiving school's ground to read a handed-over handover, or None."""
    professional = policy.professional_of(actor)
    if not handover.is_done or handover.to_school_id is None or professional is None:
        return None
    if professional.organisation_id != handover.to_school_id:
        return None
    function = school_function(professional)
    enrolment = enrolled_at(handover.youth_id, handover.to_school_id) if function else None
    if enrolment is None:
        return None
    return policy.Grant(
        Category.SCHOOL_SUPPORT, Ground.HANDOVER_RECEIVED, function, f"ingeschreven per {enrolment.start:%d-%m-%Y}"
    )


def family_grant(actor, handover) -> policy.Grant | None:
    """The parent with gezag or the youth, for a handover that was handed over."""
    if not handover.is_done:
        return None
    access = policy.access_for(actor, handover.youth)
    grant = access.grant(Category.SCHOOL_SUPPORT)
    if grant is None or grant.ground not in (Ground.PARENT_WITH_GEZAG, Ground.YOUTH_SELF):
        return None
    return grant
