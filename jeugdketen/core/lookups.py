"""``field__any=values``: membership in a long list of values as one parameter.

``field__in=values`` makes a placeholder per value: for a school's thousand pupils Django prepares
a thousand parameters and PostgreSQL parses and plans a thousand constants, again for every
query. ``field__any`` passes the list as one array on PostgreSQL (``field = ANY(%s)``); elsewhere
(SQLite) it is ``IN`` as usual, so a caller keeps lists within SQLite's limit of parameters."""

from __future__ import annotations

from django.db import models


@models.ForeignObject.register_lookup  # relations keep lookups of their own, not Field's
@models.Field.register_lookup
class Any(models.Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def get_prep_lookup(self):
        return [self.lhs.output_field.get_prep_value(value) for value in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = [self.lhs.output_field.get_db_prep_value(v, connection, prepared=True) for v in self.rhs]
        if not values:
            return "1 = 0", []  # nothing is a member of an empty list (``IN ()`` is no SQL)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, values]
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]
