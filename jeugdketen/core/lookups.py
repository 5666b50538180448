"""``field__any=values``: membership in a long list of values as one parameter.

``field__in=values`` makes one ``%s`` per value: for a school's thousand pupils Django resolves
and prepares a thousand parameters and PostgreSQL parses and plans a thousand constants, again for
every query. ``field__any`` sends the values as one array literal on PostgreSQL
(``field = ANY(%s::type[])``, built by joining strings, not by an adapter per value); elsewhere
(SQLite) it is ``IN`` as usual, so a caller keeps lists within SQLite's limit of parameters.

Pass the values as a set or another iterable that is not a list or tuple: Django resolves the
items of a list one by one, in case one is an expression."""

from __future__ import annotations

from django.db import models


def _array_item(value) -> str:
    if type(value) is int:
        return str(value)
    text = str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def array_literal(values) -> str:
    """A PostgreSQL array literal (``{1,2,3}``, strings quoted) of ints and strings, for a parameter
    cast to an array type: joined in one go, where psycopg adapts a list value by value."""
    return "{" + ",".join(map(_array_item, values)) + "}"


@models.ForeignObject.register_lookup  # relations keep lookups of their own, not Field's
@models.Field.register_lookup
class Any(models.Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def get_prep_lookup(self):
        return list(self.rhs)

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        field = self.lhs.output_field
        # Ids and strings go to the database as they are; anything else as the field prepares it.
        values = [
            v if type(v) in (int, str) else field.get_db_prep_value(field.get_prep_value(v), connection, prepared=True)
            for v in self.rhs
        ]
        if not values:
            return "1 = 0", []  # nothing is a member of an empty list (``IN ()`` is no SQL)
        if connection.vendor == "postgresql":
            target = field.target_field if field.is_relation else field
            return f"{lhs} = ANY(%s::{target.db_type(connection)}[])", [*lhs_params, array_literal(values)]
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]
