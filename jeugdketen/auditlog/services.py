"""Writing the access log (NEN 7513). Only ever inserts."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps

from django.db import connection, transaction

from jeugdketen.access.categories import Category
from jeugdketen.access.policy import Grant, professional_of
from jeugdketen.core.bulk import copy_create
from jeugdketen.core.lookups import array_literal

from .models import AccessLogEntry

Event = AccessLogEntry.Event
Channel = AccessLogEntry.Channel
# From this many entries at once PostgreSQL takes them by COPY, at a fraction of the cost of
# building the INSERT (an absence import logs one per pupil changed, a thousand for a school);
# shorter lists go in one INSERT.
COPY_FROM = 100


@dataclass(frozen=True)
class AccessPoint:
    """Where a read or change came from: the channel and, for web and API, the client address."""

    channel: str
    ip_address: str | None = None

    @classmethod
    def from_request(cls, request, channel: str | None = None) -> AccessPoint:
        if channel is None:
            channel = Channel.API if request.path.startswith("/api/") else Channel.WEB
        return cls(channel=channel, ip_address=request.META.get("REMOTE_ADDR") or None)


CLI = AccessPoint(Channel.CLI)


def _entry(
    *,
    user,
    youth,
    event: str,
    grant: Grant | None,
    object_type: str,
    object_ids: Iterable = (),
    categories: Iterable = (),
    access_point: AccessPoint,
    description: str = "",
    reason: str = "",
) -> AccessLogEntry:
    professional = professional_of(user)
    function = grant.function if grant else None
    return AccessLogEntry(
        event=event,
        youth_id=getattr(youth, "pk", youth),
        user_id=getattr(user, "pk", None),
        user_name=(user.get_full_name() or user.username) if user is not None else "",
        organisation_name=professional.organisation.name if professional else "",
        function_code=function.code if function else "",
        function_name=function.name if function else "",
        ground=grant.ground if grant else "",
        ground_detail=(grant.detail if grant else "")[:200],
        categories=sorted(str(c) for c in categories),
        object_type=object_type,
        object_ids=[str(i) for i in object_ids],
        description=description[:300],
        reason=reason,
        channel=access_point.channel,
        ip_address=access_point.ip_address,
    )


def log_access(**kwargs) -> AccessLogEntry:
    entry = _entry(**kwargs)
    entry.save()
    return entry


def log_many(entries: Iterable[dict]) -> list[AccessLogEntry]:
    """Several entries in one insert (none for none): each dict holds the keyword arguments of
    ``log_access`` for one entry. For a read that shows several youths' data at once, each with its
    own grant, objects and categories (a meeting page)."""
    built = [_entry(**entry) for entry in entries]
    if len(built) >= COPY_FROM:
        copy_create(built, ids=False)
    elif built:
        AccessLogEntry.objects.bulk_create(built)
    return built


def log_each(
    rows: Iterable[tuple[int, object, Grant | None]],
    *,
    user,
    event: str,
    object_type: str,
    access_point: AccessPoint,
    description: str = "",
    categories: Iterable = (Category.IDENTITY,),
) -> None:
    """One entry per youth shown in a list or search, in one insert. ``rows`` holds, per row,
    the youth's id, the object shown and the grant it is shown on; ``categories`` what the list
    shows of each (by default only who it is)."""
    categories = list(categories)
    log_many(
        dict(
            user=user,
            youth=youth_id,
            event=event,
            grant=grant,
            object_type=object_type,
            object_ids=[object_id],
            categories=categories,
            access_point=access_point,
            description=description,
        )
        for youth_id, object_id, grant in rows
    )


def log_same(youth_ids: Iterable[int], *, objects: Iterable[str] | None = None, **entry) -> int:
    """The same entry (the keyword arguments of ``log_access`` but ``youth``) for each of many
    youths: one action that touched them all, such as a delivery of a school's absence (a thousand
    pupils), or the meldingen it found (``objects``: per youth the object, instead of the entry's
    ``object_ids``). One statement that repeats the entry per youth, instead of an entry built in
    Python per youth. Returns how many were written."""
    youth_ids = list(youth_ids)
    objects = None if objects is None else [str(o) for o in objects]
    if not youth_ids:
        return 0
    template = _entry(youth=None, **entry)
    if connection.vendor != "postgresql":
        copies = []
        for i, youth_id in enumerate(youth_ids):
            copy = _entry(youth=youth_id, **entry)
            copy.timestamp = template.timestamp
            if objects is not None:
                copy.object_ids = [objects[i]]
            copies.append(copy)
        AccessLogEntry.objects.bulk_create(copies)
        return len(copies)
    quote = connection.ops.quote_name
    fields = [field for field in AccessLogEntry._meta.concrete_fields if not field.primary_key]
    selects, params = [], []
    for field in fields:
        if field.attname == "youth_id":
            selects.append("row.youth")
        elif field.attname == "object_ids" and objects is not None:
            selects.append("jsonb_build_array(row.object)")
        else:
            selects.append(f"CAST(%s AS {field.db_type(connection)})")
            params.append(field.get_db_prep_save(getattr(template, field.attname), connection))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(AccessLogEntry._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
            f"SELECT {', '.join(selects)} FROM unnest(%s::bigint[], %s::text[]) AS row (youth, object)",
            [*params, array_literal(youth_ids), array_literal(objects or [])],
        )
    return len(youth_ids)


_refusals = threading.local()


def log_refusal(*, user, youth, object_type: str, access_point: AccessPoint, description: str = "") -> None:
    """Log a refused read or change. Inside an ``audited_atomic`` service the entry is held until
    that transaction has ended, so the rollback that follows a refusal cannot take it along."""
    entry = _entry(
        user=user,
        youth=youth,
        event=Event.REFUSED,
        grant=None,
        object_type=object_type,
        access_point=access_point,
        description=description,
    )
    stack = getattr(_refusals, "stack", None)
    if stack:
        stack[-1].append(entry)
    else:
        entry.save()


def audited_atomic(function: Callable) -> Callable:
    """``transaction.atomic`` for services, except that refusals logged inside survive a rollback."""

    @wraps(function)
    def wrapper(*args, **kwargs):
        stack = _refusals.__dict__.setdefault("stack", [])
        stack.append([])
        try:
            with transaction.atomic():
                return function(*args, **kwargs)
        finally:
            held = stack.pop()
            if held and stack:
                stack[-1].extend(held)
            elif held:
                AccessLogEntry.objects.bulk_create(held)

    return wrapper
