"""``copy_create``: what ``QuerySet.bulk_create`` does, by PostgreSQL's COPY.

For the lists a delivery of absence makes (the meldingen found in a school's file, the access-log
entries of its pupils) most of ``bulk_create``'s time goes into preparing each field of each
object for an INSERT statement. COPY takes the values as psycopg adapts them, row by row, in one
stream. Elsewhere (SQLite) it is ``bulk_create``. Same transaction, same constraints either way."""

from __future__ import annotations

from django.db import connection, models


def copy_create(objs: list[models.Model], *, ids: bool = True) -> list[models.Model]:
    """Insert ``objs`` (all of one model). ``ids``: draw their primary keys from the table's
    sequence first and set them on the objects, as ``bulk_create`` does on PostgreSQL; without,
    the rows get their ids from the database and the objects none."""
    if not objs:
        return objs
    model = type(objs[0])
    if connection.vendor != "postgresql":
        return model.objects.bulk_create(objs)
    from psycopg.types.json import Jsonb  # PostgreSQL only

    meta = model._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    if ids:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(objs)],
            )
            for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
                obj.pk = pk
    fields = [field for field in meta.concrete_fields if ids or not field.primary_key]
    json = [isinstance(field, models.JSONField) for field in fields]
    columns = ", ".join(quote(field.column) for field in fields)
    with (
        connection.wrap_database_errors,
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for obj in objs:
            values = [field.pre_save(obj, True) for field in fields]
            copy.write_row([Jsonb(v) if is_json else v for v, is_json in zip(values, json, strict=True)])
    for obj in objs:
        obj._state.adding, obj._state.db = False, connection.alias
    return objs
