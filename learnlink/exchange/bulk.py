"""Updating many rows at once, fast on both engines.

Django's bulk_update writes one UPDATE with a CASE per column per row, which costs more to
build than to run: an import of 35,000 messages spent a third of its time there. One prepared
UPDATE executed for every row (executemany) does the same work for a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.db.models import Field, Model


def update_rows(rows: Sequence[Model], fields: Sequence[str]) -> None:
    """Write `fields` of every row, matched by primary key, in one executemany."""
    if not rows:
        return
    meta = rows[0]._meta
    columns = [field for name in fields if isinstance(field := meta.get_field(name), Field)]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(_column(column))} = %s" for column in columns)
    sql = (f"UPDATE {quote(meta.db_table)} SET {assignments} "  # noqa: S608 - names from models
           f"WHERE {quote(_column(meta.pk))} = %s")
    params = [[*(column.get_db_prep_save(getattr(row, column.attname), connection)
                 for column in columns), row.pk] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _column(field: Field) -> str:
    return field.column or field.attname
