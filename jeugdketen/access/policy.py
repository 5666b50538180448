"""The need-to-know policy: the one place that decides who may read or change which category of
which youth's data, and why. Pages, API views, services and tasks all ask it.

A professional sees a youth's data only through a relationship with that youth (a ground), and
only the categories their function needs. Health (GGD) and police data are special categories
that only their own functions see. Parents with gezag and the youth themselves read the dossier
within the age rules of the Jeugdwet and the WGBO.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from jeugdketen.organisations.models import Function, Organisation, Professional

from . import consents
from .categories import Action, Category, Ground

C = Category

# Categories each function needs when it is involved in a youth's case ("need to know").
FUNCTION_CATEGORIES: dict[str, frozenset[Category]] = {
    "samen_doen": frozenset({C.IDENTITY, C.YOUTH_CARE, C.SAFETY, C.PLAN}),
    "jeugdconsulent": frozenset({C.IDENTITY, C.YOUTH_CARE, C.SCHOOL_SUPPORT, C.SAFETY, C.PLAN}),
    "leerplicht": frozenset({C.IDENTITY, C.LEERPLICHT, C.SCHOOL_SUPPORT, C.PLAN}),
    "leerkracht": frozenset({C.IDENTITY, C.SCHOOL_SUPPORT, C.LEERPLICHT, C.PLAN}),
    "intern_begeleider": frozenset({C.IDENTITY, C.SCHOOL_SUPPORT, C.LEERPLICHT, C.PLAN}),
    "schoolleider": frozenset({C.IDENTITY, C.SCHOOL_SUPPORT, C.LEERPLICHT, C.PLAN}),
    "coordinator_swv": frozenset({C.IDENTITY, C.SCHOOL_SUPPORT, C.PLAN}),
    "ambulant_begeleider": frozenset({C.IDENTITY, C.SCHOOL_SUPPORT, C.PLAN}),
    "orthopedagoog": frozenset({C.IDENTITY, C.SCHOOL_SUPPORT, C.YOUTH_CARE, C.PLAN}),
    "jeugdverpleegkundige": frozenset({C.IDENTITY, C.SCHOOL_SUPPORT, C.YOUTH_CARE, C.HEALTH, C.PLAN}),
    "jeugdarts": frozenset({C.IDENTITY, C.SCHOOL_SUPPORT, C.YOUTH_CARE, C.HEALTH, C.PLAN}),
    "lichte_jeugdhulp": frozenset({C.IDENTITY, C.YOUTH_CARE, C.PLAN}),
    # The police takes part in an MDO as far as allowed; the care plan itself is not theirs.
    "politie": frozenset({C.IDENTITY, C.POLICE}),
    "manager": frozenset({C.IDENTITY}),
    "privacy_officer": frozenset(),
}
# The Plan van Aanpak is one plan that everyone involved in the case shares (school and youth
# care alike): its own category, readable by every casework function but the police's. It is
# kept in the plan, not written as journal entries.
JOURNAL_CATEGORIES = frozenset(set(Category) - {C.PLAN})

# Functions that work "at the school" and see its current pupils' school data. The school keeps
# its pupils' absence by law (Leerplichtwet art. 21a) and reports it: the leerplicht category,
# for the functions that have it (the orthopedagoog does not).
SCHOOL_FUNCTIONS = frozenset({"leerkracht", "intern_begeleider", "schoolleider", "orthopedagoog"})
SCHOOL_GROUND_CATEGORIES = frozenset({C.IDENTITY, C.SCHOOL_SUPPORT, C.LEERPLICHT})
# The ambulant begeleider of the SWV, assigned to a pupil once the family consented
# (``schoolsupport.services.ab_assign``), works with the school's support data of that pupil.
AB_FUNCTION = "ambulant_begeleider"
AB_GROUND_CATEGORIES = frozenset({C.IDENTITY, C.SCHOOL_SUPPORT})
# The GGD's jeugdverpleegkundigen and jeugdartsen, consulted about a named pupil with the family's
# consent (``schoolsupport.services.ggd_consult_ask``), keep their own notes on it: health data.
GGD_FUNCTIONS = frozenset({"jeugdverpleegkundige", "jeugdarts"})
GGD_GROUND_CATEGORIES = frozenset({C.IDENTITY, C.HEALTH})
LEERPLICHT_FUNCTION = "leerplicht"
LEERPLICHT_GROUND_CATEGORIES = frozenset({C.IDENTITY, C.LEERPLICHT})
PRIVACY_OFFICER_FUNCTION = "privacy_officer"
# The toegang of the youth's municipality (Samen Doen, its jeugdconsulenten and their teamleider)
# sees a youth while a help request about them is open there: the medewerker who triages it
# (including any safety concern), the consulenten and the teamleider who plan the waiting list.
INTAKE_CATEGORIES: dict[str, frozenset[Category]] = {
    "samen_doen": frozenset({C.IDENTITY, C.YOUTH_CARE, C.SAFETY}),
    "jeugdconsulent": frozenset({C.IDENTITY, C.YOUTH_CARE}),
    "manager": frozenset({C.IDENTITY, C.YOUTH_CARE}),
}
INTAKE_CHANGE_FUNCTIONS = frozenset({"samen_doen"})
POLICE_FUNCTION = "politie"

# What the parent and the youth read of the dossier: everything but police data, which is not
# part of the youth-care dossier and is shared only in an MDO as far as allowed, and the meldcode
# record of a safety concern: step 3 of the meldcode is a conversation with them, held by the
# professional, and what is shared of a suspected unsafe home is weighed there, not shown at once.
DOSSIER_CATEGORIES = frozenset(set(Category) - {C.POLICE, C.SAFETY})
# Jeugdwet art. 7.3.10 / BW 7:457 (WGBO): a youth has own access to the dossier from 12;
# parents with gezag have it while the child is under 16.
YOUTH_OWN_ACCESS_FROM_AGE = 12
PARENT_ACCESS_UNTIL_AGE = 16

# The grounds that open a case's record (its status, regisseur and who is involved; its journal and
# plan as far as the categories go): involvement in the case, emergency access and the family's
# dossier right. The school, leerplicht and the toegang grounds give grants on the youth but open no
# case. ``access_for_cases`` computes only these.
CASE_GROUNDS = frozenset({Ground.CASE_INVOLVEMENT, Ground.EMERGENCY, Ground.PARENT_WITH_GEZAG, Ground.YOUTH_SELF})
# The grounds that rest on cooperation the family consents to: a withheld category goes.
CONSENT_GROUNDS = frozenset(
    {Ground.CASE_INVOLVEMENT, Ground.SCHOOL_ENROLMENT, Ground.AB_ASSIGNMENT, Ground.GGD_CONSULTATION}
)
# Which grounds allow a change (everything else is read-only).
CHANGE_GROUNDS = frozenset(
    {
        Ground.CASE_INVOLVEMENT,
        Ground.SCHOOL_ENROLMENT,
        Ground.AB_ASSIGNMENT,
        Ground.GGD_CONSULTATION,
        Ground.LEERPLICHT_CONSULENT,
        Ground.INTAKE,
    }
)
# Preference when several grounds cover the same category: the strongest relationship first,
# emergency access only when there is nothing else.
GROUND_ORDER = [
    Ground.CASE_INVOLVEMENT,
    Ground.SCHOOL_ENROLMENT,
    Ground.AB_ASSIGNMENT,
    Ground.GGD_CONSULTATION,
    Ground.LEERPLICHT_CONSULENT,
    Ground.INTAKE,
    Ground.PARENT_WITH_GEZAG,
    Ground.YOUTH_SELF,
    Ground.EMERGENCY,
]


def categories_for(function_code: str, ground: Ground) -> frozenset[Category]:
    """The categories a function may read on a ground. The policy table in one function."""
    own = FUNCTION_CATEGORIES.get(function_code, frozenset())
    if ground in (Ground.CASE_INVOLVEMENT, Ground.EMERGENCY):
        return own
    if ground == Ground.SCHOOL_ENROLMENT:
        return own & SCHOOL_GROUND_CATEGORIES if function_code in SCHOOL_FUNCTIONS else frozenset()
    if ground == Ground.AB_ASSIGNMENT:
        return AB_GROUND_CATEGORIES if function_code == AB_FUNCTION else frozenset()
    if ground == Ground.GGD_CONSULTATION:
        return GGD_GROUND_CATEGORIES if function_code in GGD_FUNCTIONS else frozenset()
    if ground == Ground.LEERPLICHT_CONSULENT:
        return LEERPLICHT_GROUND_CATEGORIES if function_code == LEERPLICHT_FUNCTION else frozenset()
    if ground == Ground.INTAKE:
        return INTAKE_CATEGORIES.get(function_code, frozenset())
    return frozenset()


@dataclass(frozen=True)
class Grant:
    """Why a user may see a category: the ground, the function acted in, and what it rests on."""

    category: Category
    ground: Ground
    function: Function | None
    detail: str = ""
    can_change: bool = False

    @property
    def function_name(self) -> str:
        return self.function.name if self.function else ""


@dataclass
class YouthAccess:
    """Everything one user may do with one youth's data, computed once per request."""

    user: object
    youth: object
    grants: dict[Category, Grant] = field(default_factory=dict)
    case_ids: frozenset[int] = frozenset()  # cases whose record the user may see
    involvements: tuple = ()  # the user's active involvements in this youth's open cases
    withheld: frozenset = frozenset()  # categories the family withholds from the user's organisation

    def __bool__(self) -> bool:
        return bool(self.grants)

    def grant(self, category: Category, action: Action = Action.READ) -> Grant | None:
        grant = self.grants.get(category)
        if grant is None or (action == Action.CHANGE and not grant.can_change):
            return None
        return grant

    def can(self, category: Category, action: Action = Action.READ) -> bool:
        return self.grant(category, action) is not None

    @property
    def readable(self) -> frozenset[Category]:
        return frozenset(self.grants)

    def case_categories(self, case_id: int) -> frozenset[Category]:
        """Categories of a case's journal this user reads: through their involvement in that case,
        or the youth-wide grants that do not rest on case involvement."""
        result = set()
        for inv in self.involvements:
            if inv.case_id == case_id:
                result |= categories_for(inv.function.code, Ground.CASE_INVOLVEMENT)
        result -= self.withheld
        for category, grant in self.grants.items():
            if grant.ground in (Ground.PARENT_WITH_GEZAG, Ground.YOUTH_SELF, Ground.EMERGENCY):
                result.add(category)
        return frozenset(result) & JOURNAL_CATEGORIES

    def involvement_in(self, case_id: int, category: Category | None = None):
        """The user's involvement in a case — with ``category``, one whose function may write it."""
        if category is not None and category in self.withheld:
            return None
        for inv in self.involvements:
            if inv.case_id == case_id and (
                category is None or category in categories_for(inv.function.code, Ground.CASE_INVOLVEMENT)
            ):
                return inv
        return None

    def writable_categories(self, case_id: int) -> frozenset[Category]:
        """Journal categories the user writes in a case: those of every function they are in it in."""
        result: set[Category] = set()
        for inv in self.involvements:
            if inv.case_id == case_id:
                result |= categories_for(inv.function.code, Ground.CASE_INVOLVEMENT)
        return (frozenset(result) - self.withheld) & JOURNAL_CATEGORIES

    @property
    def primary_grant(self) -> Grant | None:
        return self.grants.get(C.IDENTITY) or next(iter(self.grants.values()), None)


def professional_of(user) -> Professional | None:
    """The user's professional profile with organisation and functions, cached on the user."""
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_jk_professional", False)
    if cached is not False:
        return cached
    professional = (
        Professional.objects.select_related("organisation")
        .prefetch_related("functions")
        .filter(user=user)
        # Someone who has left the organisation (``organisations.services.professional_leave``)
        # holds no function from that day on: no ground, no page of a professional.
        .working()
        .first()
    )
    user._jk_professional = professional
    return professional


def function_codes(professional: Professional | None) -> set[str]:
    return {f.code for f in professional.functions.all()} if professional else set()


def is_privacy_officer(user) -> bool:
    return PRIVACY_OFFICER_FUNCTION in function_codes(professional_of(user))


def _add(grants: dict[Category, Grant], grant: Grant, withheld: frozenset = frozenset()) -> None:
    """Keep per category the grant of the strongest ground. What the family withholds from the
    user's organisation is not granted on a ground that rests on their consent (``CONSENT_GROUNDS``);
    legal grounds and emergency access are not consent-based and still grant it."""
    if grant.ground in CONSENT_GROUNDS and grant.category in withheld:
        return
    current = grants.get(grant.category)
    if current is None or GROUND_ORDER.index(grant.ground) < GROUND_ORDER.index(current.ground):
        grants[grant.category] = grant
    elif current.ground == grant.ground and grant.can_change and not current.can_change:
        grants[grant.category] = grant


def access_for(user, youth, *, today: date | None = None) -> YouthAccess:
    """Compute what ``user`` may read and change of ``youth`` and on which ground."""
    return _accesses(user, {youth.pk: youth}, today=today or timezone.localdate(), cases=None)[youth.pk]


def access_for_cases(user, cases: Iterable, *, today: date | None = None) -> dict[int, YouthAccess]:
    """``access_for`` for the youths of many cases at once (a meeting's agenda, a list of meetings),
    in a fixed number of queries however many cases: per youth id of ``cases``, the user's access,
    with ``case_ids`` limited to ``cases``. ``cases`` need their ``youth`` loaded.

    Only the grounds that open a case (``CASE_GROUNDS``) are computed, with the family's consent
    decisions: the other grounds open no case, so what the access says about these cases is the same
    as ``access_for``'s — ``case_ids``, ``case_categories``, ``writable_categories``,
    ``involvement_in``, ``withheld`` and the plan and police grants (``tests/access/
    test_policy_table.py`` holds them equal). Its ``grants`` leave the school, leerplicht and toegang
    grounds out: ask ``access_for`` for a youth's whole access.

    Queries: for a professional the involvements, the consent decisions and emergency access (and
    the professional, unless cached); for anyone else whether they are a carer and their gezag."""
    cases = list(cases)
    youths = {case.youth_id: case.youth for case in cases}
    asked: dict[int, set[int]] = {youth_id: set() for youth_id in youths}
    for case in cases:
        asked[case.youth_id].add(case.pk)
    return _accesses(user, youths, today=today or timezone.localdate(), cases=asked)


def _accesses(user, youths: dict, *, today: date, cases: dict[int, set[int]] | None) -> dict[int, YouthAccess]:
    """The one computation behind ``access_for`` and ``access_for_cases``: per youth id of ``youths``,
    what ``user`` may read and change and on which ground, one query per kind of ground whatever the
    number of youths. With ``cases`` (per youth id, the cases asked about) only ``CASE_GROUNDS`` are
    computed and ``case_ids`` is limited to those cases; without, every ground and every case."""
    from jeugdketen.cases.models import Case, Involvement

    from .models import EmergencyAccess

    accesses = {youth_id: YouthAccess(user=user, youth=youth) for youth_id, youth in youths.items()}
    if not youths or not getattr(user, "is_authenticated", False) or not user.is_active:
        return accesses
    grants: dict[int, dict[Category, Grant]] = {youth_id: {} for youth_id in youths}
    case_ids: dict[int, set[int]] = {youth_id: set() for youth_id in youths}
    professional = professional_of(user)

    if professional is not None:
        functions = {f.code: f for f in professional.functions.all()}
        # The family's consent decisions: what they withhold from this organisation is not granted
        # on the relationship grounds (see ``_add``).
        withheld = consents.withheld_many(youths.values(), professional.organisation_id, today=today)
        involvements: dict[int, list] = {youth_id: [] for youth_id in youths}
        for inv in (
            Involvement.objects.active(today)
            .filter(
                professional=professional,
                case__youth_id__in=list(youths),
                case__status__in=Case.OPEN_STATUSES,
                function__code__in=list(functions),  # a function no longer held gives nothing
            )
            .select_related("function", "case")
        ):
            involvements[inv.case.youth_id].append(inv)
        for youth_id, access in accesses.items():
            access.withheld = withheld[youth_id]
            access.involvements = tuple(involvements[youth_id])
            for inv in access.involvements:
                case_ids[youth_id].add(inv.case_id)
                for category in categories_for(inv.function.code, Ground.CASE_INVOLVEMENT):
                    grant = Grant(category, Ground.CASE_INVOLVEMENT, inv.function, inv.case.reference, True)
                    _add(grants[youth_id], grant, withheld[youth_id])
        if cases is None:
            _relationship_grants(professional, functions, youths, grants, withheld, today)

        emergencies: dict[int, EmergencyAccess] = {}
        for emergency in EmergencyAccess.objects.active().filter(professional=professional, youth_id__in=list(youths)):
            emergencies.setdefault(emergency.youth_id, emergency)  # the latest started
        for youth_id, emergency in emergencies.items():
            for function in functions.values():
                for category in categories_for(function.code, Ground.EMERGENCY):
                    _add(grants[youth_id], Grant(category, Ground.EMERGENCY, function, emergency.reason[:200]))
        every_case = set(emergencies)
    else:
        _family_grants(user, youths, grants, today)
        every_case = {youth_id for youth_id in youths if grants[youth_id]}

    # Emergency access and the dossier right open every case of the youth.
    if every_case and cases is None:
        for youth_id, case_id in Case.objects.filter(youth_id__in=every_case).values_list("youth_id", "id"):
            case_ids[youth_id].add(case_id)
    for youth_id, access in accesses.items():
        access.grants = grants[youth_id]
        if cases is None:
            access.case_ids = frozenset(case_ids[youth_id])
        else:
            access.case_ids = frozenset(
                cases[youth_id] if youth_id in every_case else case_ids[youth_id] & cases[youth_id]
            )
    return accesses


def _relationship_grants(professional, functions: dict, youths: dict, grants: dict, withheld: dict, today: date):
    """The grounds that open no case: the youth's current school, the pupil's ambulant begeleider,
    the GGD consulted about the youth, the leerplicht consulent and the toegang of the youth's
    municipality."""
    from jeugdketen.intake.models import HelpRequest
    from jeugdketen.youth.models import Enrolment

    organisation = professional.organisation
    school_functions = [functions[c] for c in functions if c in SCHOOL_FUNCTIONS]
    if organisation.kind == Organisation.Kind.SCHOOL and school_functions:
        enrolled = set(
            Enrolment.objects.current(today)
            .filter(youth_id__in=list(youths), school=organisation)
            .values_list("youth_id", flat=True)
        )
        for youth_id in enrolled:
            for function in school_functions:
                for category in categories_for(function.code, Ground.SCHOOL_ENROLMENT):
                    grant = Grant(category, Ground.SCHOOL_ENROLMENT, function, organisation.name, True)
                    _add(grants[youth_id], grant, withheld[youth_id])

    if AB_FUNCTION in functions and organisation.kind == Organisation.Kind.SAMENWERKINGSVERBAND:
        from jeugdketen.schoolsupport.models import ABAssignment

        function = functions[AB_FUNCTION]
        for youth_id, school_name in (
            ABAssignment.objects.active(today)
            .filter(ab=professional, youth_id__in=list(youths))
            .values_list("youth_id", "school__name")
        ):
            for category in AB_GROUND_CATEGORIES:
                grant = Grant(category, Ground.AB_ASSIGNMENT, function, school_name, True)
                _add(grants[youth_id], grant, withheld[youth_id])

    ggd_functions = [functions[c] for c in functions if c in GGD_FUNCTIONS]
    if ggd_functions and organisation.kind == Organisation.Kind.GGD:
        from jeugdketen.schoolsupport.models import GGDConsultation

        consulted = set(
            GGDConsultation.objects.filter(ggd=organisation, youth_id__in=list(youths)).values_list(
                "youth_id", flat=True
            )
        )
        for youth_id in consulted:
            for function in ggd_functions:
                for category in GGD_GROUND_CATEGORIES:
                    grant = Grant(category, Ground.GGD_CONSULTATION, function, organisation.name, True)
                    _add(grants[youth_id], grant, withheld[youth_id])

    if LEERPLICHT_FUNCTION in functions and organisation.kind == Organisation.Kind.GEMEENTE:
        function = functions[LEERPLICHT_FUNCTION]
        for youth_id, youth in youths.items():
            if youth.municipality_id == organisation.municipality_id:
                for category in LEERPLICHT_GROUND_CATEGORIES:
                    grant = Grant(category, Ground.LEERPLICHT_CONSULENT, function, organisation.name, True)
                    _add(grants[youth_id], grant, withheld[youth_id])

    intake_functions = [functions[c] for c in functions if c in INTAKE_CATEGORIES]
    if intake_functions and organisation.kind == Organisation.Kind.GEMEENTE:
        requested = set(
            HelpRequest.objects.open()
            .filter(youth_id__in=list(youths), municipality_id=organisation.municipality_id)
            .values_list("youth_id", flat=True)
        )
        for youth_id in requested:
            for function in intake_functions:
                can_change = function.code in INTAKE_CHANGE_FUNCTIONS
                for category in categories_for(function.code, Ground.INTAKE):
                    grant = Grant(category, Ground.INTAKE, function, organisation.name, can_change)
                    _add(grants[youth_id], grant, withheld[youth_id])


def _family_grants(user, youths: dict, grants: dict, today: date) -> None:
    """The parent with gezag (under 16) and the youth themselves (from 12) read the dossier."""
    from jeugdketen.youth.models import CarerRelation

    carer = getattr(user, "carer", None) if hasattr(user, "carer") else None
    young = [youth_id for youth_id, youth in youths.items() if youth.age(today) < PARENT_ACCESS_UNTIL_AGE]
    if carer is not None and young:
        for relation in CarerRelation.objects.filter(carer=carer, youth_id__in=young, has_gezag=True):
            for category in DOSSIER_CATEGORIES:
                grant = Grant(category, Ground.PARENT_WITH_GEZAG, None, relation.get_kind_display())
                _add(grants[relation.youth_id], grant)
    for youth_id, youth in youths.items():
        if youth.user_id is not None and youth.user_id == user.pk and youth.age(today) >= YOUTH_OWN_ACCESS_FROM_AGE:
            for category in DOSSIER_CATEGORIES:
                _add(grants[youth_id], Grant(category, Ground.YOUTH_SELF, None))


_birth_date_limit = consents.birth_date_limit


def _ground_filters(user, today: date) -> tuple[dict[Ground, QuerySet], dict[Ground, Q]]:
    """Per ground, the youths ``user`` relates to on that ground: as a subquery of youth ids
    (combined into one UNION, so PostgreSQL joins on the few ids instead of testing every youth),
    or as a plain condition on Youth."""
    from jeugdketen.cases.models import Case, Involvement
    from jeugdketen.intake.models import HelpRequest
    from jeugdketen.youth.models import CarerRelation, Enrolment

    from .models import EmergencyAccess

    ids: dict[Ground, QuerySet] = {}
    conditions: dict[Ground, Q] = {}
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ids, conditions
    professional = professional_of(user)
    if professional is None:
        if hasattr(user, "carer"):
            conditions[Ground.PARENT_WITH_GEZAG] = Q(
                pk__in=CarerRelation.objects.filter(carer__user=user, has_gezag=True).values("youth_id").order_by(),
                date_of_birth__gt=_birth_date_limit(today, PARENT_ACCESS_UNTIL_AGE),
            )
        conditions[Ground.YOUTH_SELF] = Q(
            user=user, date_of_birth__lte=_birth_date_limit(today, YOUTH_OWN_ACCESS_FROM_AGE)
        )
        return ids, conditions
    codes = function_codes(professional)
    involved_codes = [c for c in codes if FUNCTION_CATEGORIES.get(c)]
    if involved_codes:
        ids[Ground.CASE_INVOLVEMENT] = (
            Involvement.objects.active(today)
            .filter(professional=professional, case__status__in=Case.OPEN_STATUSES, function__code__in=involved_codes)
            .values("case__youth_id")
            .order_by()
        )
    organisation = professional.organisation
    if organisation.kind == Organisation.Kind.SCHOOL and codes & SCHOOL_FUNCTIONS:
        ids[Ground.SCHOOL_ENROLMENT] = (
            Enrolment.objects.current(today).filter(school=organisation).values("youth_id").order_by()
        )
    if AB_FUNCTION in codes and organisation.kind == Organisation.Kind.SAMENWERKINGSVERBAND:
        from jeugdketen.schoolsupport.models import ABAssignment

        ids[Ground.AB_ASSIGNMENT] = (
            ABAssignment.objects.active(today).filter(ab=professional).values("youth_id").order_by()
        )
    if codes & GGD_FUNCTIONS and organisation.kind == Organisation.Kind.GGD:
        from jeugdketen.schoolsupport.models import GGDConsultation

        ids[Ground.GGD_CONSULTATION] = (
            GGDConsultation.objects.filter(ggd=organisation, youth__isnull=False).values("youth_id").order_by()
        )
    if LEERPLICHT_FUNCTION in codes and organisation.kind == Organisation.Kind.GEMEENTE:
        conditions[Ground.LEERPLICHT_CONSULENT] = Q(municipality_id=organisation.municipality_id)
    if codes & set(INTAKE_CATEGORIES) and organisation.kind == Organisation.Kind.GEMEENTE:
        ids[Ground.INTAKE] = (
            HelpRequest.objects.open()
            .filter(municipality_id=organisation.municipality_id, youth__isnull=False)
            .values("youth_id")
            .order_by()
        )
    if involved_codes:
        ids[Ground.EMERGENCY] = (
            EmergencyAccess.objects.active().filter(professional=professional).values("youth_id").order_by()
        )
    return ids, conditions


def _union(querysets: list[QuerySet]) -> QuerySet:
    first, *rest = querysets
    return first.union(*rest) if rest else first


def visible_youths_q(user, *, today: date | None = None) -> Q:
    """A filter on Youth that keeps exactly the youths ``user`` has any ground for. Lists use it,
    so they never contain what the user may not see."""
    return _combined(*_ground_filters(user, today or timezone.localdate()))


def _combined(ids: dict[Ground, QuerySet], conditions: dict[Ground, Q]) -> Q:
    q = Q(pk__in=_union(list(ids.values()))) if ids else Q(pk__in=[])
    for condition in conditions.values():
        q |= condition
    return q


def visible_youths(user, queryset: QuerySet | None = None, *, with_ground: bool = False) -> QuerySet:
    """The youths ``user`` may see. With ``with_ground`` each row carries ``list_ground``: the
    strongest ground it is visible on, for the access log."""
    from django.db.models import Case, Value, When

    from jeugdketen.youth.models import Youth

    queryset = Youth.objects.all() if queryset is None else queryset
    ids, conditions = _ground_filters(user, timezone.localdate())
    queryset = queryset.filter(_combined(ids, conditions))
    if with_ground and (ids or conditions):
        whens = []
        for ground in GROUND_ORDER:
            if ground in ids:
                whens.append(When(pk__in=ids[ground], then=Value(str(ground))))
            elif ground in conditions:
                whens.append(When(conditions[ground], then=Value(str(ground))))
        queryset = queryset.annotate(list_ground=Case(*whens, default=Value("")))
    return queryset


def list_grant(user, ground: str) -> Grant | None:
    """The grant to log for a youth shown in a list on ``ground``: the function that ground rests on."""
    if not ground:
        return None
    ground = Ground(ground)
    professional = professional_of(user)
    function = None
    if professional is not None:
        functions = list(professional.functions.all())
        candidates = {
            Ground.SCHOOL_ENROLMENT: [f for f in functions if f.code in SCHOOL_FUNCTIONS],
            Ground.AB_ASSIGNMENT: [f for f in functions if f.code == AB_FUNCTION],
            Ground.GGD_CONSULTATION: [f for f in functions if f.code in GGD_FUNCTIONS],
            Ground.LEERPLICHT_CONSULENT: [f for f in functions if f.code == LEERPLICHT_FUNCTION],
            Ground.INTAKE: [f for f in functions if f.code in INTAKE_CATEGORIES],
        }.get(ground, [f for f in functions if FUNCTION_CATEGORIES.get(f.code)])
        function = candidates[0] if candidates else None
    return Grant(C.IDENTITY, ground, function)


def visible_cases_q(user, *, today: date | None = None) -> Q:
    """Cases whose record (status, regisseur, who is involved) the user may see: professionals
    through an active involvement in an open case or emergency access; parents and the youth
    through their dossier right."""
    from jeugdketen.cases.models import Case, Involvement

    from .models import EmergencyAccess

    today = today or timezone.localdate()
    professional = professional_of(user)
    if professional is None:
        if not getattr(user, "is_authenticated", False):
            return Q(pk__in=[])
        from jeugdketen.youth.models import Youth

        return Q(youth__in=Youth.objects.filter(visible_youths_q(user, today=today)).values("pk"))
    involved = (
        Involvement.objects.active(today)
        .filter(
            professional=professional,
            case__status__in=Case.OPEN_STATUSES,
            function__in=professional.functions.all(),
        )
        .values("case_id")
        .order_by()
    )
    emergency = (
        Case.objects.filter(
            youth__in=EmergencyAccess.objects.active().filter(professional=professional).values("youth_id")
        )
        .values("pk")
        .order_by()
    )
    return Q(pk__in=involved.union(emergency))


def involvement_visible(access: YouthAccess, case, function_code: str) -> bool:
    """Who is involved is identity data, except that the police's involvement is police data:
    shown to those who read police data and to the casusregisseur, who coordinates it."""
    if function_code != POLICE_FUNCTION or access.can(C.POLICE):
        return True
    professional = professional_of(access.user)
    return professional is not None and case.casusregisseur_id == professional.pk


def may_register_youth(user) -> bool:
    """Registering a youth creates a relationship at once (an enrolment at one's school or a case
    one holds), so only professionals whose function can hold one may do it."""
    return bool(function_codes(professional_of(user)) - {PRIVACY_OFFICER_FUNCTION, "manager"})


def privacy_officer_municipality(user) -> int | None:
    """The municipality whose youths a privacy officer oversees: that of their organisation."""
    professional = professional_of(user)
    if professional is None or PRIVACY_OFFICER_FUNCTION not in function_codes(professional):
        return None
    return professional.organisation.municipality_id


def privacy_officer_grant(user) -> Grant:
    function = next((f for f in professional_of(user).functions.all() if f.code == PRIVACY_OFFICER_FUNCTION), None)
    return Grant(C.IDENTITY, Ground.PRIVACY_OFFICER, function)


def may_view_access_log(user, access: YouthAccess) -> Ground | None:
    """The youth's access log is shown to the privacy officer of the youth's municipality, and to
    the parent and the youth within their dossier right (who looked at my child's data)."""
    if privacy_officer_municipality(user) == access.youth.municipality_id:
        return Ground.PRIVACY_OFFICER
    for grant in access.grants.values():
        if grant.ground in (Ground.PARENT_WITH_GEZAG, Ground.YOUTH_SELF):
            return grant.ground
    return None


def functions_for_involvement(professional: Professional) -> Iterable[Function]:
    return [f for f in professional.functions.all() if FUNCTION_CATEGORIES.get(f.code)]
