"""Who does what in the leerplicht administration, on top of the policy.

The policy says who reads a youth's leerplicht data (``Category.LEERPLICHT``): the school for its
current pupils (leerkracht, IB'er, schoolleider), the consulent leerplicht of the municipality the
youth lives in. This module adds:

- a school reads the absence and meldingen of its own school only (not a former school's);
- the school's IB'er or schoolleider delivers absence and enrolments and sends meldingen;
- the consulent leerplicht of a gemeente imports the population register, records vrijstellingen
  and startkwalificaties and handles meldingen of the municipality's residents.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.organisations.models import Function, Organisation, Professional

OBJECT_TYPE = "leerplicht"
DELIVER_FUNCTIONS = frozenset({"intern_begeleider", "schoolleider"})
SCHOOL_READ_FUNCTIONS = frozenset(
    code for code in policy.SCHOOL_FUNCTIONS if Category.LEERPLICHT in policy.FUNCTION_CATEGORIES[code]
)
CONSULENT = policy.LEERPLICHT_FUNCTION


@dataclass(frozen=True)
class Actor:
    """The acting professional, the function they act in and the grant that stands for it."""

    professional: Professional
    function: Function
    ground: Ground

    @property
    def organisation(self) -> Organisation:
        return self.professional.organisation

    def grant(self, *, can_change: bool = True) -> policy.Grant:
        return policy.Grant(Category.LEERPLICHT, self.ground, self.function, self.organisation.name, can_change)


def _function(professional: Professional, codes: frozenset[str]) -> Function | None:
    return next((f for f in professional.functions.all() if f.code in codes), None)


def _working(actor) -> Professional:
    professional = policy.professional_of(actor)
    if professional is None or professional.has_left():
        raise NotFoundOrForbidden
    return professional


def school_staff(actor, *, deliver: bool = False) -> Actor:
    """A professional of a school who reads its leerplicht data, or (``deliver``) delivers it."""
    professional = _working(actor)
    if professional.organisation.kind != Organisation.Kind.SCHOOL:
        raise NotFoundOrForbidden
    function = _function(professional, DELIVER_FUNCTIONS if deliver else SCHOOL_READ_FUNCTIONS)
    if function is None:
        if deliver and _function(professional, SCHOOL_READ_FUNCTIONS):
            raise NotAllowed(_("Verzuim aanleveren en melden doen de intern begeleider en de schoolleider."))
        raise NotFoundOrForbidden
    return Actor(professional, function, Ground.SCHOOL_ENROLMENT)


def consulent(actor) -> Actor:
    """The consulent leerplicht of a gemeente."""
    professional = _working(actor)
    if professional.organisation.kind != Organisation.Kind.GEMEENTE:
        raise NotFoundOrForbidden
    function = _function(professional, frozenset({CONSULENT}))
    if function is None:
        raise NotFoundOrForbidden
    return Actor(professional, function, Ground.LEERPLICHT_CONSULENT)


def leerplicht_actor(actor) -> Actor:
    """Either of the two: the school's staff or the consulent (pages both use)."""
    try:
        return consulent(actor)
    except NotFoundOrForbidden:
        return school_staff(actor)


def case_consulent(actor, case) -> Actor:
    """A consulent leerplicht of the municipality that holds the case: the case stays theirs,
    also after the youth moved, until they hand it over (``services.case_handover``)."""
    lp = consulent(actor)
    if case.municipality_id != lp.organisation.municipality_id:
        raise NotFoundOrForbidden
    return lp


def school_head(actor) -> Actor:
    """The head of a school (schoolleider): decides on leave up to 10 school days (art. 13a, 14)."""
    professional = _working(actor)
    if professional.organisation.kind != Organisation.Kind.SCHOOL:
        raise NotFoundOrForbidden
    function = _function(professional, frozenset({"schoolleider"}))
    if function is None:
        if _function(professional, SCHOOL_READ_FUNCTIONS):
            raise NotAllowed(_("Over verlof tot en met 10 schooldagen beslist de schoolleider."))
        raise NotFoundOrForbidden
    return Actor(professional, function, Ground.SCHOOL_ENROLMENT)


JEUGDARTS = "jeugdarts"


def jeugdarts(actor) -> Actor:
    """A jeugdarts of the GGD: receives the school's M@ZL meldingen (worrying sickness absence), on
    the ground of the melding the school sent to them."""
    professional = _working(actor)
    if professional.organisation.kind != Organisation.Kind.GGD:
        raise NotFoundOrForbidden
    function = _function(professional, frozenset({JEUGDARTS}))
    if function is None:
        raise NotFoundOrForbidden
    return Actor(professional, function, Ground.MAZL_MELDING)


def leerplicht_reader(actor) -> Actor:
    """Whoever reads meldingen: the consulent, the jeugdarts (M@ZL) or the school's staff."""
    for rule in (consulent, jeugdarts):
        try:
            return rule(actor)
        except NotFoundOrForbidden:
            pass
    return school_staff(actor)
