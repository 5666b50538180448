"""Everything the database holds about one youth, found by walking the models.

From the youth's row the walk follows every relation that points *to* a record already found
(a case of the youth, the plan of that case, the agreements of that plan, ...), never one that
points away (a professional, a school, a meeting shared with other children). So it reaches every
record that hangs on the youth, however deep, and nothing that belongs to another youth. New
models are covered without changing this module. The access log is kept apart: it is exported
as its own part and it outlives an erasure (NEN 7513; AVG art. 5 lid 2, accountability).
"""

from __future__ import annotations

from collections import defaultdict

from django.db import models

from jeugdketen.youth.models import Youth

# Models that are not the youth's data although they point at it: the access log (its own part
# of the export, never erased) and the scheduled-task queue.
SKIPPED = {"auditlog.accesslogentry"}


def _reverse_relations(model) -> list:
    """Every relation pointing at ``model``, also those without a reverse accessor (``related_name="+"``)."""
    return [
        rel
        for rel in model._meta.get_fields(include_hidden=True)
        if rel.auto_created
        and not rel.concrete
        and (rel.one_to_many or rel.one_to_one)
        and rel.related_model._meta.label_lower not in SKIPPED
        and not rel.related_model._meta.auto_created
    ]


def _unlinked_roots(youth: Youth) -> dict[type, list]:
    """Records about the youth from before they were linked to the youth's row: a help request
    from the public form and an application at a school, matched on the BSN or on name and date
    of birth."""
    from django.db.models import Q

    from jeugdketen.intake.models import HelpRequest
    from jeugdketen.schoolsupport.models import Admission

    same_person = Q(date_of_birth=youth.date_of_birth, first_name__iexact=youth.first_name,
                    last_name__iexact=youth.last_name)  # fmt: skip
    requests = HelpRequest.objects.filter(youth__isnull=True).filter(
        same_person | (Q(bsn=youth.bsn) if youth.bsn else Q(pk__in=[]))
    )
    return {
        HelpRequest: list(requests),
        Admission: list(Admission.objects.filter(youth__isnull=True).filter(same_person)),
    }


def kept_records(youth: Youth) -> dict[type, list]:
    """Records that name the youth by number only and are kept after an erasure, as the access log
    is: the decisions on destruction requests (accountability, AVG art. 5 lid 2)."""
    from jeugdketen.retention.models import DestructionRequest

    requests = list(DestructionRequest.objects.filter(youth_id_value=youth.pk))
    return {DestructionRequest: requests} if requests else {}


def records_of(youth: Youth, *, with_kept: bool = True) -> dict[type, list]:
    """Every record that hangs on ``youth``, per model, in the order found (parents first); with
    ``with_kept`` also the records kept after an erasure (for the export)."""
    found: dict[type, dict[int, models.Model]] = defaultdict(dict)
    found[Youth][youth.pk] = youth
    frontier: dict[type, set] = {Youth: {youth.pk}}
    for model, objs in _unlinked_roots(youth).items():
        for obj in objs:
            found[model][obj.pk] = obj
        if objs:
            frontier[model] = {obj.pk for obj in objs}
    while frontier:
        next_frontier: dict[type, set] = defaultdict(set)
        for model, pks in frontier.items():
            for rel in _reverse_relations(model):
                related = rel.related_model
                lookup = f"{rel.field.name}__in"
                for obj in related._base_manager.filter(**{lookup: pks}):
                    if obj.pk not in found[related]:
                        found[related][obj.pk] = obj
                        next_frontier[related].add(obj.pk)
        frontier = {m: p for m, p in next_frontier.items() if p}
    records = {model: list(objs.values()) for model, objs in found.items() if objs}
    if with_kept:
        records.update(kept_records(youth))
    return records


def m2m_values(obj) -> dict[str, list]:
    return {field.name: [str(item) for item in getattr(obj, field.name).all()] for field in obj._meta.many_to_many}
