"""Reads of school support that the pages and the API share. Each starts from the policy
(``rules``) and writes the access log; lists log one entry per pupil shown, in one insert."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Count, F, Max, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each
from jeugdketen.organisations.models import Organisation, Professional
from jeugdketen.youth.models import Enrolment, Youth

from . import rules, services, terms
from .models import (
    OPP,
    ABAssignment,
    Admission,
    CATMeeting,
    CycleMeeting,
    GGDConsultation,
    GGDNote,
    PupilSignal,
    SupportNote,
    SupportPlan,
    SupportProfile,
    SWVRequest,
)

S = Category.SCHOOL_SUPPORT
# Each list of the IB'er's overview shows at most this many rows, the most urgent first, and says
# when there are more: a page of hundreds of rows helps nobody plan.
LIST_LIMIT = 25


# --- the IB'er's school overview ---------------------------------------------------------------------


@dataclass
class SchoolOverview:
    school: Organisation
    today: date
    profile: SupportProfile | None
    pupils: int
    open_signals: list
    plans_due: list
    opps_due: list
    opp_evaluations_due: list
    cycle: list
    admissions: list
    requests: list
    ggd_consultations: list
    counts: dict = field(default_factory=dict)
    more: dict = field(default_factory=dict)


def school_of(actor) -> tuple[Professional, Organisation]:
    professional = policy.professional_of(actor)
    if professional is None or professional.organisation.kind != Organisation.Kind.SCHOOL:
        raise NotFoundOrForbidden
    if not policy.function_codes(professional) & rules.SIGNAL_FUNCTIONS:
        raise NotFoundOrForbidden
    return professional, professional.organisation


def school_overview(*, actor, access_point: AccessPoint, today: date | None = None) -> SchoolOverview:
    """What the IB'er plans and watches at their school: signals waiting for a consultation,
    handelingsplannen whose evaluation is due, OPPs within their 6-week term and yearly evaluation,
    the bespreekcyclus, admissions under the zorgplicht and requests to the SWV. Only the school's
    current pupils (the policy's school ground); one access-log entry per pupil shown.

    Queries are fixed, whatever the size of the school: one per list."""
    professional, school = school_of(actor)
    today = today or timezone.localdate()
    soon = today + terms.DUE_SOON
    pupils = Enrolment.objects.current(today).filter(school=school)
    current = pupils.values("youth_id")
    youth = ("youth",)
    n = LIST_LIMIT + 1  # one more than shown: the page says there are more
    open_signals = list(
        PupilSignal.objects.filter(school=school, status=PupilSignal.Status.OPEN, youth_id__in=current)
        .select_related(*youth, "raised_by__user")
        .order_by("observed_on", "id")[:n]
    )
    plans_due = list(
        SupportPlan.objects.filter(
            school=school, status=SupportPlan.Status.ACTIVE, evaluate_on__lte=soon, youth_id__in=current
        )
        .select_related(*youth)
        .order_by("evaluate_on", "id")[:n]
    )
    opps_due = list(
        OPP.objects.filter(school=school, status=OPP.Status.DRAFT, youth_id__in=current)
        .select_related(*youth)
        .order_by("enrolled_on", "id")[:n]
    )
    # The yearly evaluation with the parents: due a year after the last one with them, or after the
    # OPP was set (terms.opp_evaluation_due), computed in the database so the list stays bounded.
    last_with_parents = Coalesce(
        Max("evaluations__held_on", filter=Q(evaluations__with_parents=True)), F("finalised_on")
    )
    finals = list(
        OPP.objects.filter(school=school, status=OPP.Status.FINAL, youth_id__in=current)
        .annotate(last_evaluated=last_with_parents)
        .filter(last_evaluated__lte=soon - relativedelta(months=terms.OPP_EVALUATION_INTERVAL_MONTHS))
        .select_related(*youth)
        .order_by("last_evaluated", "id")[:n]
    )
    opp_evaluations_due = [(terms.opp_evaluation_due(opp.last_evaluated), opp) for opp in finals]
    cycle = list(CycleMeeting.objects.filter(school=school, held_on__gte=today).order_by("held_on", "id")[:20])
    admissions = list(Admission.objects.filter(school=school, outcome="").order_by("received_on", "id")[:n])
    requests = list(
        SWVRequest.objects.filter(school=school, youth_id__in=current)
        .filter(Q(status__in=["ingediend", "geagendeerd"]) | Q(decided_on__gte=today - terms.DUE_SOON * 4))
        .select_related(*youth, "swv")
        .order_by("-submitted_on", "-id")[:n]
    )
    # Open questions, and those answered in the last four weeks: the asker reads the advice there.
    ggd = list(
        GGDConsultation.objects.filter(school=school)
        .filter(Q(status=GGDConsultation.Status.OPEN) | Q(answered_on__gte=today - terms.DUE_SOON * 2))
        .select_related("professional__user", "youth")
        .order_by("status", "-created_at")[:n]
    )
    more = {
        name: len(rows) > LIST_LIMIT
        for name, rows in (
            ("signals", open_signals),
            ("plans", plans_due),
            ("opps", opps_due),
            ("opp_evaluations", opp_evaluations_due),
            ("admissions", admissions),
            ("requests", requests),
            ("ggd", ggd),
        )
    }
    open_signals, plans_due, opps_due, opp_evaluations_due, admissions, requests, ggd = (
        rows[:LIST_LIMIT]
        for rows in (open_signals, plans_due, opps_due, opp_evaluations_due, admissions, requests, ggd)
    )
    counts = pupils.aggregate(pupils=Count("youth_id", distinct=True))
    counts.update(
        SupportPlan.objects.filter(school=school, status=SupportPlan.Status.ACTIVE, youth_id__in=current).aggregate(
            plans=Count("youth_id", distinct=True)
        )
    )
    counts.update(
        OPP.objects.filter(school=school, status=OPP.Status.FINAL, youth_id__in=current).aggregate(
            opps=Count("youth_id", distinct=True)
        )
    )
    profile = (
        SupportProfile.objects.filter(school=school).select_related("samenwerkingsverband", "ggd_contact__user").first()
    )
    function = next((f for f in professional.functions.all() if f.code in policy.SCHOOL_FUNCTIONS), None)
    grant = policy.Grant(S, Ground.SCHOOL_ENROLMENT, function, school.name)
    shown = {}
    for rows in (open_signals, plans_due, opps_due, requests):
        for item in rows:
            shown.setdefault(item.youth_id, item)
    for _due, opp in opp_evaluations_due:
        shown.setdefault(opp.youth_id, opp)
    for consultation in ggd:
        if consultation.youth_id:
            shown.setdefault(consultation.youth_id, consultation)
    log_each(
        ((youth_id, f"{type(item).__name__.lower()}:{item.pk}", grant) for youth_id, item in shown.items()),
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="overzicht ondersteuning school",
        categories=(Category.IDENTITY, S),
    )
    return SchoolOverview(
        school=school,
        today=today,
        profile=profile,
        pupils=counts["pupils"],
        open_signals=open_signals,
        plans_due=plans_due,
        opps_due=opps_due,
        opp_evaluations_due=opp_evaluations_due,
        cycle=cycle,
        admissions=admissions,
        requests=requests,
        ggd_consultations=ggd,
        counts=counts,
        more=more,
    )


# --- one pupil ----------------------------------------------------------------------------------------


@dataclass
class PupilSupport:
    youth: Youth
    sa: rules.SupportAccess
    today: date
    signals: list
    notes: list
    plans: list
    opps: list
    requests: list
    assignments: list
    ggd_consultations: list
    ggd_notes: list
    readiness: dict = field(default_factory=dict)

    @property
    def grant(self):
        return self.sa.grant

    @property
    def is_family(self) -> bool:
        return self.sa.is_family

    @property
    def can_signal(self) -> bool:
        return self.sa.school_function(rules.SIGNAL_FUNCTIONS) is not None

    @property
    def is_ib(self) -> bool:
        return self.sa.school_function(rules.IB_FUNCTIONS) is not None

    @property
    def is_lead(self) -> bool:
        return self.sa.school_function(rules.SCHOOL_LEAD_FUNCTIONS) is not None

    @property
    def my_assignments(self) -> list:
        return [a for a in self.sa.ab_assignments if a.is_active(self.today)]

    @property
    def draft_opp(self):
        return next((o for o in self.opps if not o.is_final), None)


def pupil_support(*, actor, youth_id: int, access_point: AccessPoint) -> PupilSupport:
    """A pupil's school support as the reader may see it: the school's records of the reader's
    school (the AB'er: of the assignment's school; those involved in the case and the family: of
    every school), and the GGD's notes where the reader reads health data or the note was shared
    with the reader's school with consent. One access-log entry."""
    youth = Youth.objects.select_related("municipality").filter(pk=youth_id).first()
    if youth is None:
        raise NotFoundOrForbidden
    sa = rules.read_access(actor, youth, access_point)
    today = timezone.localdate()
    in_scope = Q(school_id__in=sa.schools) if sa.schools is not None else Q()
    signals = list(
        PupilSignal.objects.filter(in_scope, youth=youth)
        .select_related("school", "raised_by__user", "consultation__ib__user")
        .order_by("-observed_on", "-id")
    )
    notes = list(
        SupportNote.objects.filter(in_scope, youth=youth)
        .select_related("author__user", "author_function", "school")
        .order_by("-held_on", "-id")
    )
    plans = list(
        SupportPlan.objects.filter(in_scope, youth=youth)
        .select_related("school")
        .prefetch_related("goals", Prefetch("evaluations"))
        .order_by("-starts_on", "-id")
    )
    opps = list(
        OPP.objects.filter(in_scope, youth=youth)
        .select_related("school", "finalised_by__user")
        .prefetch_related("evaluations")
        .order_by("-enrolled_on", "-id")
    )
    requests = list(
        SWVRequest.objects.filter(in_scope, youth=youth)
        .select_related("swv", "school", "cat_meeting")
        .prefetch_related("advices")
        .order_by("-submitted_on", "-id")
    )
    assignments = list(
        ABAssignment.objects.filter(in_scope, youth=youth)
        .select_related("ab__user", "ab__organisation")
        .order_by("-starts_on")
    )
    # GGD consultations and notes are health data: read whole by those who read health data (the
    # GGD, the family, a jeugdarts in the case); otherwise only what the reader's own school asked,
    # and of the notes only those the GGD shared with that school with consent — never by another
    # organisation (an AB'er of the SWV, a consulent in the case) through the school's consent.
    readable_health = sa.access.can(Category.HEALTH)
    own_school_id = sa.own_school.pk if sa.own_school is not None else None
    consultations_q = GGDConsultation.objects.filter(youth=youth)
    ggd_notes_q = GGDNote.objects.filter(youth=youth)
    if not readable_health:
        consultations_q = consultations_q.filter(school_id=own_school_id)
        ggd_notes_q = ggd_notes_q.filter(shared_with_school=True, consultation__school_id=own_school_id)
    consultations = list(consultations_q.select_related("professional__user", "school").order_by("-created_at"))
    ggd_notes = list(ggd_notes_q.select_related("author__user", "author_function").order_by("-held_on", "-id"))
    view = PupilSupport(
        youth=youth,
        sa=sa,
        today=today,
        signals=signals,
        notes=notes,
        plans=plans,
        opps=opps,
        requests=requests,
        assignments=assignments,
        ggd_consultations=consultations,
        ggd_notes=ggd_notes,
    )
    if sa.own_school is not None and view.is_lead:
        school_id = sa.own_school.pk
        own = [[x for x in rows if x.school_id == school_id] for rows in (signals, notes, plans, opps)]
        view.readiness = {kind: services.readiness(*own, kind) for kind in SWVRequest.Kind.values}
    categories = [S] + ([Category.HEALTH] if ggd_notes else [])
    log_access(
        user=actor,
        youth=youth,
        event=Event.READ,
        grant=sa.grant,
        object_type=rules.OBJECT_TYPE,
        object_ids=[f"youth:{youth.pk}"],
        categories=categories,
        access_point=access_point,
        description="ondersteuning op school"
        + (" (met notities GGD gedeeld met school)" if ggd_notes and not readable_health else ""),
    )
    return view


def pupil_for_action(*, actor, youth_id: int, codes, access_point: AccessPoint) -> tuple[Youth, Organisation]:
    """The pupil and the actor's school, for a page of one action on the pupil (a question to the
    GGD, assigning an AB'er): only a professional of the pupil's school in one of ``codes`` gets it;
    anyone else 404 (logged). The page shows who the pupil is: logged as a read of identity."""
    youth = Youth.objects.filter(pk=youth_id).first()
    if youth is None:
        raise NotFoundOrForbidden
    sa = rules.support_access(actor, youth)
    function = sa.school_function(codes)
    if function is None:
        rules.refuse(actor, youth, access_point, "ondersteuning op school")
    log_access(
        user=actor,
        youth=youth,
        event=Event.READ,
        grant=sa.change_grant(function),
        object_type=rules.OBJECT_TYPE,
        object_ids=[f"youth:{youth.pk}"],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description="ondersteuning op school: formulier",
    )
    return youth, sa.own_school


def _get(model, pk, *related):
    item = model.objects.select_related(*related).filter(pk=pk).first()
    if item is None:
        raise NotFoundOrForbidden
    return item


def signal_get(signal_id: int) -> PupilSignal:
    return _get(PupilSignal, signal_id, "youth", "school")


def plan_get(plan_id: int) -> SupportPlan:
    return _get(SupportPlan, plan_id, "youth", "school")


def opp_get(opp_id: int) -> OPP:
    return _get(OPP, opp_id, "youth", "school")


def assignment_get(assignment_id: int) -> ABAssignment:
    return _get(ABAssignment, assignment_id, "youth", "school")


def admission_get(admission_id: int) -> Admission:
    return _get(Admission, admission_id, "school")


def request_get(request_id: int) -> SWVRequest:
    return _get(SWVRequest, request_id, "youth", "school", "swv")


def consultation_get(consultation_id: int) -> GGDConsultation:
    return _get(GGDConsultation, consultation_id, "youth", "school", "ggd", "professional__user")


@dataclass
class OPPView:
    opp: OPP
    youth: Youth
    grant: policy.Grant
    can_change: bool
    evaluation_due: date | None
    today: date


def opp_detail(
    *, actor, opp_id: int, access_point: AccessPoint, event: str = Event.READ, description: str = "OPP"
) -> OPPView:
    opp = _get(
        OPP,
        opp_id,
        "youth__municipality",
        "school",
        "finalised_by__user",
        "created_by__user",
        "consent_recorded_by__user",
    )
    sa = rules.read_access(actor, opp.youth, access_point)
    if not sa.reads(opp.school_id):
        rules.refuse(actor, opp.youth, access_point, "OPP")
    log_access(
        user=actor,
        youth=opp.youth,
        event=event,
        grant=sa.grant,
        object_type=rules.OBJECT_TYPE,
        object_ids=[f"opp:{opp.pk}"],
        categories=[S],
        access_point=access_point,
        description=description,
    )
    can_change = (
        sa.own_school is not None
        and sa.own_school.pk == opp.school_id
        and (sa.school_function(rules.SCHOOL_LEAD_FUNCTIONS) is not None)
    )
    return OPPView(opp, opp.youth, sa.grant, can_change, services.opp_evaluation_due(opp), timezone.localdate())


# --- the samenwerkingsverband ----------------------------------------------------------------------------


@dataclass
class RequestView:
    request: SWVRequest
    youth: Youth
    grant: policy.Grant
    is_coordinator: bool
    is_school: bool
    is_family: bool
    meetings: list = field(default_factory=list)
    advice_missing: list = field(default_factory=list)


def request_detail(
    *, actor, request_id: int, access_point: AccessPoint, event: str = Event.READ, description: str = ""
) -> RequestView:
    """A request to the SWV: the coördinator of that SWV reads what was sent (not the school's
    file), the school that sent it and the family read it and its decision."""
    request = _get(SWVRequest, request_id, "youth__municipality", "school", "swv", "cat_meeting", "decided_by__user")
    coordinator = rules.swv_coordinator(actor, request.swv_id)
    if coordinator is not None:
        grant = rules.swv_grant(coordinator[1], request)
        is_family = is_school = False
    else:
        sa = rules.read_access(actor, request.youth, access_point)
        if not sa.reads(request.school_id):
            rules.refuse(actor, request.youth, access_point, "aanvraag samenwerkingsverband")
        grant, is_family, is_school = sa.grant, sa.is_family, sa.own_school is not None
    log_access(
        user=actor,
        youth=request.youth,
        event=event,
        grant=grant,
        object_type=rules.OBJECT_TYPE,
        object_ids=[f"swvrequest:{request.pk}"],
        categories=[S],
        access_point=access_point,
        description=description or f"aanvraag {request.reference}",
    )
    advices = list(request.advices.all())
    view = RequestView(request, request.youth, grant, coordinator is not None, is_school, is_family)
    if coordinator is not None:
        view.meetings = list(CATMeeting.objects.filter(swv_id=request.swv_id, held_on__gte=timezone.localdate()))
        view.advice_missing = terms.tlv_advice_missing([a.expertise for a in advices])
    return view


@dataclass
class SWVOverview:
    swv: Organisation
    open_requests: list
    decided: list
    meetings: list
    admissions_due: list


def swv_overview(*, actor, access_point: AccessPoint) -> SWVOverview:
    """The coördinator's requests (open first, with the zorgplicht term where a request is about an
    admission) and the coming CAT meetings. One access-log entry per pupil shown."""
    professional = policy.professional_of(actor)
    if professional is None or rules.swv_coordinator(actor, professional.organisation_id) is None:
        raise NotFoundOrForbidden
    swv = professional.organisation
    base = SWVRequest.objects.filter(swv=swv).select_related("youth", "school", "cat_meeting", "admission")
    open_requests = list(base.filter(status__in=["ingediend", "geagendeerd"]).order_by("submitted_on", "id")[:100])
    decided = list(base.filter(status="besloten").order_by("-decided_on", "-id")[:20])
    meetings = list(
        CATMeeting.objects.filter(swv=swv, held_on__gte=timezone.localdate())
        .annotate(n=Count("requests"))
        .order_by("held_on")[:10]
    )
    _professional, function = rules.swv_coordinator(actor, swv.pk)
    log_each(
        ((r.youth_id, f"swvrequest:{r.pk}", rules.swv_grant(function, r)) for r in [*open_requests, *decided]),
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="aanvragen samenwerkingsverband",
    )
    admissions_due = [r for r in open_requests if r.admission_id and not r.admission.outcome]
    return SWVOverview(swv, open_requests, decided, meetings, admissions_due)


def cat_meeting_detail(*, actor, meeting_id: int, access_point: AccessPoint):
    meeting = _get(CATMeeting, meeting_id, "swv", "chair__user")
    found = rules.swv_coordinator(actor, meeting.swv_id)
    if found is None:
        raise NotFoundOrForbidden
    requests = list(
        meeting.requests.select_related("youth", "school").prefetch_related("advices").order_by("submitted_on", "id")
    )
    log_each(
        ((r.youth_id, f"swvrequest:{r.pk}", rules.swv_grant(found[1], r)) for r in requests),
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description=f"agenda CAT {meeting.held_on:%d-%m-%Y}",
    )
    for request in requests:
        request.advice_missing = terms.tlv_advice_missing([a.expertise for a in request.advices.all()])
    return meeting, requests


# --- ambulante begeleiding and the GGD --------------------------------------------------------------------


def my_assignments(*, actor, access_point: AccessPoint) -> list[ABAssignment]:
    professional = policy.professional_of(actor)
    if professional is None or rules.AB_FUNCTION not in policy.function_codes(professional):
        raise NotFoundOrForbidden
    assignments = list(
        ABAssignment.objects.active()
        .filter(ab=professional)
        .select_related("youth", "school")
        .annotate(n_notes=Count("notes"))
        .order_by("youth__last_name", "youth__first_name")
    )
    function = next(f for f in professional.functions.all() if f.code == rules.AB_FUNCTION)
    log_each(
        (
            (a.youth_id, f"abassignment:{a.pk}", policy.Grant(S, Ground.AB_ASSIGNMENT, function, a.school.name))
            for a in assignments
        ),
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="mijn begeleidingen",
    )
    return assignments


def ggd_inbox(*, actor, access_point: AccessPoint) -> dict:
    """The consultations asked of the GGD professional: open first. Anonymous ones name no pupil."""
    professional = policy.professional_of(actor)
    found = rules.ggd_function(actor, professional.organisation_id) if professional else None
    if found is None:
        raise NotFoundOrForbidden
    base = GGDConsultation.objects.filter(professional=professional).select_related("youth", "school", "asked_by__user")
    open_items = list(base.filter(status=GGDConsultation.Status.OPEN).order_by("created_at")[:100])
    answered = list(base.filter(status=GGDConsultation.Status.ANSWERED).order_by("-answered_on", "-id")[:20])
    grant = policy.Grant(Category.HEALTH, Ground.GGD_CONSULTATION, found[1], professional.organisation.name)
    log_each(
        ((c.youth_id, f"ggdconsultation:{c.pk}", grant) for c in [*open_items, *answered] if c.youth_id),
        user=actor,
        event=Event.LIST,
        object_type=rules.OBJECT_TYPE,
        access_point=access_point,
        description="consultaties GGD",
    )
    return {"open": open_items, "answered": answered, "professional": professional}


@dataclass
class ConsultationView:
    consultation: GGDConsultation
    notes: list
    can_answer: bool
    grant: policy.Grant | None


def consultation_detail(*, actor, consultation_id: int, access_point: AccessPoint) -> ConsultationView:
    """A GGD consultation: the GGD reads it all; the asking school its question, the advice and the
    notes shared with it; anonymous ones are read by the asker and the GGD only."""
    consultation = consultation_get(consultation_id)
    youth = consultation.youth
    ggd = rules.ggd_function(actor, consultation.ggd_id)
    asker = policy.professional_of(actor)
    grant = None
    if ggd is not None:
        if youth is not None:
            grant = policy.access_for(actor, youth).grant(Category.HEALTH)
            if grant is None:
                rules.refuse(actor, youth, access_point, "consultatie GGD")
        notes = list(consultation.notes.select_related("author__user", "author_function"))
        can_answer = True
    elif asker is not None and consultation.school_id == asker.organisation_id:
        if youth is not None:
            sa = rules.read_access(actor, youth, access_point)
            if not sa.reads(consultation.school_id):
                rules.refuse(actor, youth, access_point, "consultatie GGD")
            grant = sa.grant
        notes = list(
            consultation.notes.filter(shared_with_school=True).select_related("author__user", "author_function")
        )
        can_answer = False
    else:
        if youth is not None:
            rules.refuse(actor, youth, access_point, "consultatie GGD")
        raise NotFoundOrForbidden
    if youth is not None:
        log_access(
            user=actor,
            youth=youth,
            event=Event.READ,
            grant=grant,
            object_type=rules.OBJECT_TYPE,
            object_ids=[f"ggdconsultation:{consultation.pk}"],
            categories=[Category.HEALTH],
            access_point=access_point,
            description="consultatie GGD" + (" (gedeelde notities)" if not can_answer else ""),
        )
    return ConsultationView(consultation, notes, can_answer, grant)


def ggd_professionals_for(school: Organisation) -> list[Professional]:
    """The GGD professionals a school can consult: its contact person first, then the jeugdartsen
    and jeugdverpleegkundigen of that GGD (of every GGD if the school has no contact person)."""
    profile = SupportProfile.objects.filter(school=school).select_related("ggd_contact").first()
    base = Professional.objects.filter(
        organisation__kind=Organisation.Kind.GGD, functions__code__in=rules.GGD_FUNCTIONS
    ).working()
    if profile and profile.ggd_contact:
        base = base.filter(organisation_id=profile.ggd_contact.organisation_id)
    return list(base.select_related("user", "organisation").distinct().order_by("user__last_name"))


def ab_professionals_for(school: Organisation) -> list[Professional]:
    profile = SupportProfile.objects.filter(school=school).first()
    if profile is None or profile.samenwerkingsverband_id is None:
        return []
    return list(
        Professional.objects.filter(organisation_id=profile.samenwerkingsverband_id, functions__code=rules.AB_FUNCTION)
        .working()
        .select_related("user")
        .distinct()
        .order_by("user__last_name")
    )
