"""Reference data: the functions and the "Wie doet wat" task descriptions from the seeds."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from .models import Function, RoleDescription, Task

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
