"""Reference data (the functions and the "Wie doet wat" task descriptions from the seeds), and a
professional leaving the organisation."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access

from .models import Function, Professional, RoleDescription, Task

# A departure is recorded on time or shortly after; an older date would end involvements in the
# past and rewrite what the log says people could see.
LEFT_ON_MAX_PAST_DAYS = 31

DATA_DIR = Path(__file__).resolve().parent / "data"


@transaction.atomic
def load_reference_data() -> dict[str, int]:
    """Load (or refresh) the functions and the task descriptions. Idempotent."""
    functions = json.loads((DATA_DIR / "functions.json").read_text(encoding="utf-8"))
    by_code = {}
    for order, item in enumerate(functions):
        function, _ = Function.objects.update_or_create(
            code=item["code"],
            defaults={
                "name": item["name"],
                "summary": item["summary"],
                "organisation_kinds": item["organisation_kinds"],
                "order": order,
            },
        )
        by_code[function.code] = function

    data = json.loads((DATA_DIR / "wie_doet_wat.json").read_text(encoding="utf-8"))
    sources = {s["code"]: s["title"] for s in data["sources"]}
    task_count = 0
    for order, item in enumerate(data["role_descriptions"]):
        role, _ = RoleDescription.objects.update_or_create(
            code=item["code"],
            defaults={
                "title": item["title"],
                "source": item["source"],
                "source_title": sources[item["source"]],
                "section": item.get("section", ""),
                "note": item.get("note", ""),
                "audience": item.get("audience", ""),
                "case_role": item.get("case_role", ""),
                "order": order,
            },
        )
        role.functions.set([by_code[c] for c in item["functions"]])
        role.tasks.all().delete()
        for task_order, task_item in enumerate(item["tasks"]):
            task = Task.objects.create(
                role_description=role,
                phase=task_item["phase"],
                text=task_item["text"],
                items=task_item.get("items", []),
                order=task_order,
            )
            if task_item.get("applies_to"):
                task.applies_to.set([by_code[c] for c in task_item["applies_to"]])
            task_count += 1
    return {"functions": len(by_code), "role_descriptions": len(data["role_descriptions"]), "tasks": task_count}


# --- a professional leaves the organisation --------------------------------------------------------

MANAGER_FUNCTION = "manager"


def may_manage_staff(actor, organisation_id: int) -> bool:
    """A manager of the organisation keeps its staff current (the Django admin's staff too, for
    the functioneel beheerder)."""
    from jeugdketen.access import policy

    if getattr(actor, "is_staff", False) and actor.is_active and actor.has_perm("organisations.change_professional"):
        return True
    manager = policy.professional_of(actor)
    return (
        manager is not None
        and manager.organisation_id == organisation_id
        and MANAGER_FUNCTION in policy.function_codes(manager)
    )


def may_record_departure(actor, professional: Professional) -> bool:
    """Whether ``actor`` may record that ``professional`` leaves (not their own departure)."""
    return may_manage_staff(actor, professional.organisation_id) and professional.user_id != actor.pk


def departure_blockers(professional: Professional):
    """The open cases the professional holds as casusregisseur: the regie goes to someone else
    first (as when a casusregisseur stops in one case), so no case is left without one."""
    from jeugdketen.cases.models import Case

    return Case.objects.filter(casusregisseur=professional, status__in=Case.OPEN_STATUSES).order_by("reference")


@audited_atomic
def professional_leave(*, actor, professional: Professional, left_on: date | None, access_point: AccessPoint) -> int:
    """Record that ``professional`` leaves the organisation on ``left_on`` (their first day
    away): every involvement in a case ends that day, and the account closes once the day has
    come. Each ended involvement is logged for its youth. Returns how many involvements ended."""
    from jeugdketen.cases.models import Involvement

    if not may_record_departure(actor, professional):
        raise NotAllowed(_("Alleen een manager van de eigen organisatie kan een vertrek vastleggen."))
    today = timezone.localdate()
    if left_on is None:
        raise ValidationError({"left_on": _("Vul de datum in.")})
    if left_on < today - timedelta(days=LEFT_ON_MAX_PAST_DAYS):
        raise ValidationError(
            {"left_on": _("De datum ligt meer dan %(days)d dagen terug.") % {"days": LEFT_ON_MAX_PAST_DAYS}}
        )
    professional = Professional.objects.select_for_update(of=("self",)).select_related("user").get(pk=professional.pk)
    blockers = [case.reference for case in departure_blockers(professional)]
    if blockers:
        raise ValidationError(
            {
                "left_on": _("%(name)s is nog casusregisseur van %(cases)s: draag de casusregie eerst over.")
                % {"name": professional.name, "cases": ", ".join(blockers)}
            }
        )
    professional.left_on = left_on
    professional.save(update_fields=["left_on"])
    ended = 0
    involvements = (
        Involvement.objects.filter(professional=professional)
        .filter(Q(until__isnull=True) | Q(until__gt=max(left_on, today)))
        .select_related("case__youth")
        .order_by("pk")
    )
    # Ends on the departure day, but never before today: a departure recorded late does not make
    # involvements look ended on days the log shows reads on them.
    ends_on = max(left_on, today)
    for involvement in involvements:
        involvement.until = max(ends_on, involvement.since)
        involvement.save(update_fields=["until"])
        ended += 1
        log_access(
            user=actor,
            youth=involvement.case.youth,
            event=Event.UPDATE,
            grant=None,
            object_type="involvement",
            object_ids=[involvement.pk],
            categories=[],
            access_point=access_point,
            description=f"betrokkenheid {professional.name} beëindigd: uit dienst per {left_on:%d-%m-%Y}",
        )
    if left_on <= today and professional.user.is_active:
        professional.user.is_active = False
        professional.user.save(update_fields=["is_active"])
    return ended


@transaction.atomic
def departed_accounts_close(*, today: date | None = None) -> int:
    """Close the login of everyone whose departure day has come (a departure recorded ahead of
    time); the task worker runs this daily. Returns how many accounts it closed."""
    from django.contrib.auth import get_user_model

    today = today or timezone.localdate()
    return get_user_model().objects.filter(is_active=True, professional__left_on__lte=today).update(is_active=False)
