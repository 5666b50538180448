"""Reads for the directory and "Wie doet wat". No youth data here, so no access log."""

from __future__ import annotations

from collections import OrderedDict

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from .models import Function, Organisation, Professional, RoleDescription, Task


def organisation_search(*, query: str = "", kind: str = "") -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("municipality").annotate(
        professional_count=Count("professionals", filter=Q(professionals__user__is_active=True))
    )
    if kind:
        organisations = organisations.filter(kind=kind)
    for word in query.split():
        organisations = organisations.filter(
            Q(name__icontains=word) | Q(city__icontains=word) | Q(description__icontains=word) | Q(brin__iexact=word)
        )
    return organisations.order_by("kind", "name")


def professional_search(
    *, query: str = "", function: str = "", organisation: int | None = None
) -> QuerySet[Professional]:
    professionals = (
        Professional.objects.filter(user__is_active=True)
        .exclude(left_on__lte=timezone.localdate())  # left: no longer in the directory
        .select_related("user", "organisation")
        .prefetch_related("functions")
    )
    if function:
        professionals = professionals.filter(functions__code=function)
    if organisation:
        professionals = professionals.filter(organisation_id=organisation)
    for word in query.split():
        professionals = professionals.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(job_title__icontains=word)
            | Q(functions__name__icontains=word)
        )
    return professionals.distinct().order_by("user__last_name", "user__first_name")


def role_descriptions(*, function: Function | None = None) -> list[RoleDescription]:
    """Role descriptions with their tasks; for one function only the blocks and tasks that apply."""
    roles = RoleDescription.objects.prefetch_related(
        "functions", Prefetch("tasks", queryset=Task.objects.prefetch_related("applies_to").order_by("order"))
    )
    if function is not None:
        roles = roles.filter(functions=function)
    result = []
    for role in roles:
        tasks = [
            t for t in role.tasks.all() if function is None or not t.applies_to.all() or function in t.applies_to.all()
        ]
        phases: OrderedDict[str, list[Task]] = OrderedDict()
        for phase in Task.Phase:
            in_phase = [t for t in tasks if t.phase == phase]
            if in_phase:
                phases[phase.label] = in_phase
        role.phases = phases
        result.append(role)
    return result


def tasks_for_professional(professional: Professional) -> dict[Function, list[RoleDescription]]:
    return {function: role_descriptions(function=function) for function in professional.functions.all()}


def active_involvement_count(professional: Professional) -> int:
    """How many case involvements the professional has now (a count: no case or youth shown)."""
    from jeugdketen.cases.models import Involvement

    return Involvement.objects.active().filter(professional=professional).count()
