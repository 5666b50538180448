"""Who may read and change which part of a pupil's school support, on top of the policy.

The policy says whether someone reads a pupil's school-support data (``Category.SCHOOL_SUPPORT``)
and on which ground. This module adds what the records themselves need:

- a school's professionals work with their own school's records of their current pupils: a new
  school does not read the old school's signals (the handover is its own flow);
- the ambulant begeleider reads the records of the school of their assignment;
- those involved in the youth's case, the parents and the youth read every school's records;
- which function does what: a leerkracht signals and talks, the IB'er consults and plans, the IB'er
  or schoolleider sets the OPP and asks the SWV, the coördinator SWV runs the CAT;
- the SWV reads a request as it was sent, never the school's file; the GGD's notes are health data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Action, Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, log_refusal
from jeugdketen.organisations.models import Function, Organisation, Professional
from jeugdketen.youth.models import Enrolment, Youth

OBJECT_TYPE = "schoolsupport"

SIGNAL_FUNCTIONS = frozenset({"leerkracht", "intern_begeleider", "schoolleider"})
IB_FUNCTIONS = frozenset({"intern_begeleider"})
SCHOOL_LEAD_FUNCTIONS = frozenset({"intern_begeleider", "schoolleider"})
SWV_COORDINATOR = "coordinator_swv"
AB_FUNCTION = policy.AB_FUNCTION
GGD_FUNCTIONS = policy.GGD_FUNCTIONS


@dataclass(frozen=True)
class SupportAccess:
    """What one user may do with one pupil's school support, computed once."""

    access: policy.YouthAccess
    professional: Professional | None
    grant: policy.Grant | None  # the grant the school-support data is read on
    schools: frozenset[int] | None  # the schools whose records are read; None: every school
    own_school: Organisation | None  # the user's school where the pupil is enrolled today
    ab_assignments: tuple = ()

    @property
    def youth(self) -> Youth:
        return self.access.youth

    def reads(self, school_id: int) -> bool:
        return self.grant is not None and (self.schools is None or school_id in self.schools)

    def function(self, codes: frozenset[str]) -> Function | None:
        if self.professional is None:
            return None
        return next((f for f in self.professional.functions.all() if f.code in codes), None)

    def school_function(self, codes: frozenset[str]) -> Function | None:
        """The function in ``codes`` the user works in at the pupil's school, if they may change."""
        if self.own_school is None or not self.access.can(Category.SCHOOL_SUPPORT, Action.CHANGE):
            return None
        return self.function(codes)

    def change_grant(self, function: Function) -> policy.Grant:
        return policy.Grant(Category.SCHOOL_SUPPORT, Ground.SCHOOL_ENROLMENT, function, self.own_school.name, True)

    @property
    def is_family(self) -> bool:
        return self.grant is not None and self.grant.ground in (Ground.PARENT_WITH_GEZAG, Ground.YOUTH_SELF)


def support_access(actor, youth: Youth) -> SupportAccess:
    from .models import ABAssignment

    access = policy.access_for(actor, youth)
    professional = policy.professional_of(actor)
    grant = access.grant(Category.SCHOOL_SUPPORT)
    today = timezone.localdate()
    own_school = None
    schools: frozenset[int] | None = None
    assignments: tuple = ()
    if professional is not None and grant is not None:
        organisation = professional.organisation
        if organisation.kind == Organisation.Kind.SCHOOL:
            enrolled = Enrolment.objects.current(today).filter(youth=youth, school=organisation).exists()
            own_school = organisation if enrolled else None
        if grant.ground == Ground.SCHOOL_ENROLMENT:
            schools = frozenset({organisation.pk})
        elif grant.ground == Ground.AB_ASSIGNMENT:
            assignments = tuple(ABAssignment.objects.active(today).filter(ab=professional, youth=youth))
            schools = frozenset(a.school_id for a in assignments)
        if own_school is not None and schools is not None:
            schools = schools | {own_school.pk}
    return SupportAccess(access, professional, grant, schools, own_school, assignments)


def refuse(actor, youth, access_point: AccessPoint, description: str = "") -> None:
    log_refusal(user=actor, youth=youth, object_type=OBJECT_TYPE, access_point=access_point, description=description)
    raise NotFoundOrForbidden


def read_access(actor, youth: Youth, access_point: AccessPoint) -> SupportAccess:
    """The pupil's school support for a reader, or 404 (logged)."""
    sa = support_access(actor, youth)
    if sa.grant is None:
        refuse(actor, youth, access_point, "ondersteuning op school")
    return sa


def school_change(
    actor, youth: Youth, school: Organisation, codes: frozenset[str], access_point: AccessPoint, message: str
) -> tuple[SupportAccess, policy.Grant]:
    """A change by a professional of ``school`` where the pupil is enrolled today, in one of the
    functions ``codes``. Someone who may not see the pupil gets 404; a school professional in
    another function gets 403 with ``message``. Both are logged."""
    sa = support_access(actor, youth)
    if sa.own_school is None or sa.own_school.pk != school.pk:
        refuse(actor, youth, access_point, "ondersteuning op school wijzigen")
    function = sa.school_function(codes)
    if function is None:
        log_refusal(user=actor, youth=youth, object_type=OBJECT_TYPE, access_point=access_point, description=message)
        raise NotAllowed(message)
    return sa, sa.change_grant(function)


def swv_coordinator(actor, swv_id: int) -> tuple[Professional, Function] | None:
    """The coördinator of the samenwerkingsverband ``swv_id``, acting in that function."""
    professional = policy.professional_of(actor)
    if professional is None or professional.organisation_id != swv_id:
        return None
    function = next((f for f in professional.functions.all() if f.code == SWV_COORDINATOR), None)
    return (professional, function) if function else None


def swv_grant(function: Function, request) -> policy.Grant:
    return policy.Grant(Category.SCHOOL_SUPPORT, Ground.SWV_REQUEST, function, request.reference, True)


def ggd_function(actor, ggd_id: int) -> tuple[Professional, Function] | None:
    """A jeugdverpleegkundige or jeugdarts of the GGD ``ggd_id``."""
    professional = policy.professional_of(actor)
    if professional is None or professional.organisation_id != ggd_id:
        return None
    function = next((f for f in professional.functions.all() if f.code in GGD_FUNCTIONS), None)
    return (professional, function) if function else None
