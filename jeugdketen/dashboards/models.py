"""Precomputed figures for the dashboards. A dashboard page reads only these rows (one indexed
query), so it answers in milliseconds at region scale; a daily run (and a manager's "nu
bijwerken") recomputes them from the domain tables. The rows hold counts of children and their
aggregates — never a child's identity."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class Scope(models.TextChoices):
    GEMEENTE = "gemeente", "Gemeente"
    SWV = "swv", "Samenwerkingsverband"
    SCHOOL = "school", "School"


class Figure(models.Model):
    """One cell: a metric, for a scope, a period and a dimension (a phase, a destination, ...).

    ``period`` is ``m2026-05`` (a month), ``q2026-2`` (a quarter), ``y2026`` (a calendar year),
    ``last12`` (the twelve months before the computation) or ``now`` (a snapshot)."""

    scope = models.CharField(max_length=10, choices=Scope.choices)
    scope_id = models.PositiveBigIntegerField()  # the municipality, or the SWV's or school's organisation
    metric = models.CharField(max_length=40)
    period = models.CharField(max_length=10)
    dimension = models.CharField(max_length=200, blank=True)
    children = models.PositiveIntegerField()  # distinct children (or, for a snapshot, children at that moment)
    numerator = models.PositiveIntegerField(null=True)  # e.g. decided within the term
    total_days = models.PositiveBigIntegerField(null=True)  # for averages
    median_days = models.FloatField(null=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "scope_id", "period", "metric"])]

    def __str__(self) -> str:
        return f"{self.scope} {self.scope_id} {self.metric} {self.period} {self.dimension}: {self.children}"


class Computation(models.Model):
    """When a scope's figures were computed: the freshness the page states."""

    scope = models.CharField(max_length=10, choices=Scope.choices)
    scope_id = models.PositiveBigIntegerField()
    computed_at = models.DateTimeField(default=timezone.now)
    seconds = models.FloatField(default=0)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "scope_id"], name="one_computation_per_scope")]

    def __str__(self) -> str:
        return f"{self.scope} {self.scope_id}: {self.computed_at:%Y-%m-%d %H:%M}"
