"""Reads of handovers that the pages and the API share: one handover for whoever may read it, a
school's handovers, "alle leerlingen in beeld", and the risk pupils for leerplicht. Every read
of a pupil's data is logged."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Q, TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each, log_refusal
from jeugdketen.cases.models import Case, Involvement
from jeugdketen.leerplicht import rules as leerplicht_rules
from jeugdketen.leerplicht.models import LeerplichtCase
from jeugdketen.organisations.models import Organisation
from jeugdketen.schoolsupport import rules as support_rules
from jeugdketen.schoolsupport.models import OPP, SupportPlan
from jeugdketen.youth.models import Enrolment

from . import law, rules
from .models import Handover


@dataclass
class HandoverView:
    handover: Handover
    grant: policy.Grant
    role: str  # "sender", "receiver" or "family"

    @property
    def may_edit(self) -> bool:
        return self.role == "sender" and not self.handover.is_done

    @property
    def may_add_view(self) -> bool:
        return self.role == "family" and self.grant.ground == Ground.PARENT_WITH_GEZAG


def _with_related():
    return Handover.objects.select_related(
        "youth", "from_school", "to_school", "opp", "conversation_by__user", "handed_over_by__user", "created_by__user"
    )


def handover_read(*, actor, handover_id: int, access_point: AccessPoint) -> HandoverView:
    """The handover for the sending school (pupil enrolled there today), the receiving school
    (handed over, pupil enrolled there) or the family (handed over); 404 for anyone else (logged)."""
    handover = _with_related().filter(pk=handover_id).first()
    if handover is None:
        raise NotFoundOrForbidden
    view = None
    professional = policy.professional_of(actor)
    if professional is not None and professional.organisation_id == handover.from_school_id:
        sa = support_rules.support_access(actor, handover.youth)
        function = rules.school_function(professional)
        if sa.own_school is not None and sa.own_school.pk == handover.from_school_id and function:
            view = HandoverView(handover, sa.change_grant(function), "sender")
    if view is None and (grant := rules.receiver_grant(actor, handover)):
        view = HandoverView(handover, grant, "receiver")
    if view is None and (grant := rules.family_grant(actor, handover)):
        view = HandoverView(handover, grant, "family")
    if view is None:
        log_refusal(user=actor, youth=handover.youth, object_type=rules.OBJECT_TYPE, access_point=access_point)
        raise NotFoundOrForbidden
    log_access(
        user=actor,
        youth=handover.youth,
        event=Event.READ,
        grant=view.grant,
        object_type=rules.OBJECT_TYPE,
        object_ids=[handover.pk] + ([f"opp:{handover.opp_id}"] if handover.opp_id else []),
        categories=[Category.SCHOOL_SUPPORT],
        access_point=access_point,
        description="onderwijskundig rapport en overdracht",
    )
    return view


def received(*, actor, access_point: AccessPoint) -> list[Handover]:
    """Handovers handed over to the actor's school for pupils enrolled there."""
    professional = policy.professional_of(actor)
    function = rules.school_function(professional)
    if function is None:
        return []
    today = timezone.localdate()
    enrolled = Enrolment.objects.filter(youth_id=OuterRef("youth_id"), school_id=professional.organisation_id).filter(
        Q(end__isnull=True) | Q(end__gt=today)
    )
    handovers = list(
        _with_related()
        .filter(to_school=professional.organisation, status=Handover.Status.HANDED_OVER)
        .exclude(from_school=professional.organisation)
        .filter(Exists(enrolled))
        .order_by("-handed_over_on", "-pk")[:500]
    )
    grant = policy.Grant(Category.SCHOOL_SUPPORT, Ground.HANDOVER_RECEIVED, function)
    log_each([(h.youth_id, h.pk, grant) for h in handovers], user=actor, event=Event.READ,
             object_type=rules.OBJECT_TYPE, access_point=access_point, description="ontvangen overdrachten")  # fmt: skip
    return handovers


# --- alle leerlingen in beeld ---------------------------------------------------------------------


class Reason(TextChoices):
    NO_SCHOOL = "geen_school", _("Nog geen ontvangende school")
    SUPPORT = "ondersteuning", _("Ondersteuning, overdracht ontbreekt")
    CASE = "casus", _("Casus met de school, overdracht ontbreekt")
    LEERPLICHT = "leerplicht", _("Leerplichtzaak, overdracht ontbreekt")


@dataclass
class InViewRow:
    enrolment: Enrolment
    handover: Handover | None
    reasons: list = field(default_factory=list)

    @property
    def youth(self):
        return self.enrolment.youth

    @property
    def reason_labels(self) -> list[str]:
        return [Reason(r).label for r in self.reasons]


def _missing_rows(enrolments: list[Enrolment], school_year: int, *, leerplicht: bool = False) -> list[InViewRow]:
    """The rows of pupils (current enrolments) with a reason to be on the list for the transition
    into ``school_year``."""
    today = timezone.localdate()
    next_year = law.school_year_of(today) + 1
    youth_ids = {e.youth_id for e in enrolments}
    handovers = {
        (h.youth_id, h.from_school_id): h
        for h in Handover.objects.filter(youth_id__in=youth_ids, school_year=school_year).select_related("to_school")
    }
    elsewhere_later = defaultdict(set)
    for youth_id, school_id in Enrolment.objects.filter(youth_id__in=youth_ids, start__gt=today).values_list(
        "youth_id", "school_id"
    ):
        elsewhere_later[youth_id].add(school_id)
    supported = set(
        SupportPlan.objects.filter(youth_id__in=youth_ids, status=SupportPlan.Status.ACTIVE).values_list(
            "youth_id", "school_id"
        )
    ) | set(OPP.objects.filter(youth_id__in=youth_ids).values_list("youth_id", "school_id"))
    # A case in which someone of the pupil's school is involved: the school knows of it.
    with_case = set(
        Involvement.objects.active()
        .filter(case__youth_id__in=youth_ids, case__status__in=Case.OPEN_STATUSES)
        .values_list("case__youth_id", "professional__organisation_id")
    )
    in_leerplicht = (
        set(
            LeerplichtCase.objects.filter(youth_id__in=youth_ids, status=LeerplichtCase.Status.OPEN).values_list(
                "youth_id", flat=True
            )
        )
        if leerplicht
        else set()
    )
    rows = []
    for enrolment in enrolments:
        key = (enrolment.youth_id, enrolment.school_id)
        handover = handovers.get(key)
        done = handover is not None and handover.is_done
        reasons = []
        leaving = school_year == next_year and law.leaves_this_year(enrolment.school.sector, enrolment.group)
        placed = (handover is not None and handover.changes_school and handover.to_school_id is not None) or bool(
            elsewhere_later[enrolment.youth_id] - {enrolment.school_id}
        )
        if leaving and not placed:
            reasons.append(Reason.NO_SCHOOL)
        if not done:
            if key in supported:
                reasons.append(Reason.SUPPORT)
            if key in with_case:
                reasons.append(Reason.CASE)
            if enrolment.youth_id in in_leerplicht:
                reasons.append(Reason.LEERPLICHT)
        if reasons:
            rows.append(InViewRow(enrolment, handover, reasons))
    rows.sort(key=lambda r: (r.enrolment.group, r.youth.last_name, r.youth.first_name))
    return rows


def school_year_choices(today: date | None = None) -> list[tuple[int, str]]:
    current = law.school_year_of(today or timezone.localdate())
    return [(current + 1, law.school_year_label(current + 1)), (current, law.school_year_label(current))]


def in_view(*, actor, school_year: int, access_point: AccessPoint) -> list[InViewRow]:
    """ "Alle leerlingen in beeld" for a school's professional: every pupil of the school's last
    year without a receiving school yet, and every pupil with support or a case with the school
    whose handover for ``school_year`` is missing."""
    professional = policy.professional_of(actor)
    function = rules.school_function(professional)
    if function is None:
        return []
    school = professional.organisation
    enrolments = list(Enrolment.objects.current().filter(school=school).select_related("youth", "school"))
    rows = _missing_rows(enrolments, school_year)
    grant = policy.Grant(Category.SCHOOL_SUPPORT, Ground.SCHOOL_ENROLMENT, function, school.name)
    log_each([(r.youth.pk, r.enrolment.pk, grant) for r in rows], user=actor, event=Event.READ,
             object_type=rules.OBJECT_TYPE, access_point=access_point, description="alle leerlingen in beeld",
             categories=(Category.IDENTITY, Category.SCHOOL_SUPPORT))  # fmt: skip
    return rows


def leerplicht_risks(*, actor, school_year: int, access_point: AccessPoint) -> list[InViewRow]:
    """The risk pupils among them for the consulent leerplicht: pupils living in the consulent's
    municipality in their school's last year without a receiving school (a risk of absoluut
    verzuim), and pupils with an open leerplichtzaak whose handover is missing. Who, school,
    group and why; never the report."""
    lp = leerplicht_rules.consulent(actor)
    enrolments = list(
        Enrolment.objects.current()
        .filter(youth__municipality_id=lp.organisation.municipality_id, school__kind=Organisation.Kind.SCHOOL)
        .select_related("youth", "school")
    )
    rows = [
        row
        for row in _missing_rows(enrolments, school_year, leerplicht=True)
        if Reason.NO_SCHOOL in row.reasons or Reason.LEERPLICHT in row.reasons
    ]
    for row in rows:
        row.reasons = [r for r in row.reasons if r in (Reason.NO_SCHOOL, Reason.LEERPLICHT)]
    rows.sort(key=lambda r: (r.enrolment.school.name, r.enrolment.group, r.youth.last_name))
    grant = policy.Grant(Category.LEERPLICHT, Ground.LEERPLICHT_CONSULENT, lp.function, lp.organisation.name)
    log_each([(r.youth.pk, r.enrolment.pk, grant) for r in rows], user=actor, event=Event.READ,
             object_type=rules.OBJECT_TYPE, access_point=access_point, description="risicoleerlingen overgang",
             categories=(Category.IDENTITY, Category.LEERPLICHT))  # fmt: skip
    return rows
