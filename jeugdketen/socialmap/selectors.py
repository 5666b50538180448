"""Reads of the sociale kaart that the pages and the API share."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from jeugdketen.access.exceptions import NotFoundOrForbidden

from . import rules
from .models import Service, ServiceEvent, Theme


def _base() -> QuerySet[Service]:
    return Service.objects.select_related(
        "organisation", "keeper__user", "keeper__organisation", "last_confirmed_by__user"
    ).prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))


def service_search(
    *,
    query: str = "",
    theme: int | None = None,
    age: int | None = None,
    kind: str = "",
    organisation: int | None = None,
    include_archived: bool = False,
) -> QuerySet[Service]:
    """Entries matching every word of ``query`` (name, offer, audience, organisation, place,
    theme), for ``age``, of ``theme`` and of organisations of ``kind``."""
    services = _base()
    if not include_archived:
        services = services.current()
    if query:
        services = services.search(query)
    if theme:
        services = services.filter(themes=theme)
    if age is not None:
        services = services.for_age(age)
    if kind:
        services = services.filter(organisation__kind=kind)
    if organisation:
        services = services.filter(organisation_id=organisation)
    return services.order_by("name", "pk")


def service_get(*, actor, service_id: int) -> Service:
    """One entry for a professional (archived ones too, with their history); others get 404."""
    if rules.reader(actor) is None:
        raise NotFoundOrForbidden
    try:
        return (
            _base()
            .prefetch_related(Prefetch("events", queryset=ServiceEvent.objects.select_related("by__user")))
            .get(pk=service_id)
        )
    except Service.DoesNotExist:
        raise NotFoundOrForbidden from None


def kept_by(actor) -> QuerySet[Service]:
    """What ``actor`` keeps: entries they are keeper of, and as a manager those of their
    organisation (as manager of a gemeente: of every organisation in it). Due first."""
    professional = rules.reader(actor)
    if professional is None:
        return Service.objects.none()
    scope = Q(keeper=professional)
    if rules.is_manager(professional):
        scope |= Q(organisation__in=rules.organisations_for(professional))
    return _base().current().filter(scope).order_by("last_confirmed_on", "name", "pk")


def themes_in_use() -> QuerySet[Theme]:
    return Theme.objects.filter(services__archived_on__isnull=True).distinct().order_by("name")
