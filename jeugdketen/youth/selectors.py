"""Reads of a youth's data that pages and the API share: filtered by the policy, logged."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q, QuerySet

from jeugdketen.access import policy
from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each, log_refusal
from jeugdketen.cases.models import Case, JournalEntry
from jeugdketen.cases.selectors import cases_of_youth, journal_for

from .models import CarerRelation, Enrolment, Youth
from .validators import normalise_bsn


def youth_for(
    *, actor, youth_id: int, access_point: AccessPoint, object_type: str = "youth"
) -> tuple[Youth, policy.YouthAccess]:
    """The youth and the actor's access to it, or 404 (logged) when there is none."""
    youth = Youth.objects.select_related("municipality").filter(pk=youth_id).first()
    if youth is None:
        raise NotFoundOrForbidden
    access = policy.access_for(actor, youth)
    if not access:
        log_refusal(user=actor, youth=youth, object_type=object_type, access_point=access_point)
        raise NotFoundOrForbidden
    return youth, access


@dataclass
class Dossier:
    youth: Youth
    access: policy.YouthAccess
    carers: list[CarerRelation]
    enrolments: list[Enrolment]
    cases: list[Case]
    journal: dict[int, list[JournalEntry]]
    investigations: dict = field(default_factory=dict)  # case id → the onderzoek the actor may read

    @property
    def identity_grant(self) -> policy.Grant | None:
        return self.access.grant(Category.IDENTITY)

    @cached_property
    def plan_case_ids(self) -> set[int]:
        """The cases whose plan the actor reads: decided per case (an involvement in one case of
        the youth does not open the plan of another), by the same rule as the plan page."""
        from jeugdketen.plans.services import may_read_plan

        return {case.pk for case in self.cases if may_read_plan(self.access, case)}

    @property
    def shown_categories(self) -> list[Category]:
        return [c for c in Category if c in self.access.readable]


def youth_dossier(*, actor, youth_id: int, access_point: AccessPoint) -> Dossier:
    """Everything the actor may see of one youth, each block with the grant that allows it."""
    youth, access = youth_for(actor=actor, youth_id=youth_id, access_point=access_point)
    carers = list(youth.carer_relations.select_related("carer")) if access.can(Category.IDENTITY) else []
    enrolments = list(youth.enrolments.select_related("school")) if access.can(Category.IDENTITY) else []
    cases = cases_of_youth(youth, access)
    journal = journal_for(cases, access)
    objects = [f"youth:{youth.pk}", *(f"case:{c.pk}" for c in cases)]
    objects += [f"journal:{e.pk}" for entries in journal.values() for e in entries]
    log_access(
        user=actor,
        youth=youth,
        event=Event.READ,
        grant=access.primary_grant,
        object_type="dossier",
        object_ids=objects,
        categories=access.readable,
        access_point=access_point,
        description="dossier ingezien",
    )
    from jeugdketen.investigation.selectors import readable_investigations

    investigations = readable_investigations(access, cases) if cases else {}
    return Dossier(youth, access, carers, enrolments, cases, journal, investigations)


def matching(youths: QuerySet[Youth], query: str) -> QuerySet[Youth]:
    """Youths matching a search: a BSN exactly, otherwise every word in the first or last name."""
    bsn = normalise_bsn(query.strip())
    if bsn.isdigit():
        return youths.filter(bsn=bsn)
    for word in query.split():
        youths = youths.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return youths


# Every hit of a search is logged; one typed letter would log a row for every youth in view.
MIN_SEARCH_LENGTH = 2


def youth_search(*, actor, query: str, access_point: AccessPoint, limit: int = 50) -> QuerySet[Youth]:
    """Search the youths the actor may see, by name or BSN. Every hit is logged as a search."""
    youths = policy.visible_youths(actor, with_ground=True).select_related("municipality")
    query = query.strip()
    if 0 < len(query) < MIN_SEARCH_LENGTH:
        return []
    if query:
        youths = matching(youths, query)
    results = list(youths.order_by("last_name", "first_name")[:limit])
    log_each(
        ((y.pk, y.pk, policy.list_grant(actor, y.list_ground)) for y in results),
        user=actor,
        event=Event.SEARCH if query else Event.LIST,
        object_type="youth",
        access_point=access_point,
        description=f"zoekopdracht: {query}" if query else "lijst jeugdigen",
    )
    return results
