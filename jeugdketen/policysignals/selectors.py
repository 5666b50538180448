"""Reads of beleidssignalen that the pages and the API share."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from jeugdketen.access.exceptions import NotFoundOrForbidden

from . import rules
from .models import Group, PolicySignal


def _base() -> QuerySet[PolicySignal]:
    return PolicySignal.objects.select_related(
        "raised_by__user", "organisation", "group", "answered_by__user", "group__answered_by__user"
    )


def mine(actor) -> QuerySet[PolicySignal]:
    pro = rules.professional(actor)
    if pro is None:
        return PolicySignal.objects.none()
    return _base().filter(raised_by=pro)


def to_review(actor, *, status: str = "", theme: str = "", group: int | None = None) -> QuerySet[PolicySignal]:
    """The signals ``actor`` handles, new first, then by date."""
    scope = rules.review_scope(rules.professional(actor))
    if scope is None:
        return PolicySignal.objects.none()
    signals = _base().filter(scope)
    if status in PolicySignal.Status.values:
        signals = signals.filter(status=status)
    if theme:
        signals = signals.filter(theme=theme)
    if group:
        signals = signals.filter(group_id=group)
    return signals.order_by("status", "-raised_at", "-pk")


def signal_get(actor, signal_id: int) -> PolicySignal:
    """One signal for the one who raised it or a manager who handles it; 404 for anyone else."""
    signal = _base().filter(pk=signal_id).first()
    if signal is None or not rules.may_read(rules.professional(actor), signal):
        raise NotFoundOrForbidden
    return signal


def groups_for(actor) -> QuerySet[Group]:
    """The groups of the municipality of a manager who handles signals, with their size."""
    pro = rules.professional(actor)
    if not rules.is_reviewer(pro):
        return Group.objects.none()
    scope = rules.review_scope(pro)
    return (
        Group.objects.filter(municipality_id=pro.organisation.municipality_id)
        .annotate(size=Count("signals", filter=Q(signals__in=PolicySignal.objects.filter(scope))))
        .select_related("answered_by__user")
        .order_by("-created_at", "-pk")
    )
