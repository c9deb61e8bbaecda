"""Writing many rows at once: a multi-row INSERT of values in the database's form, and one
UPDATE executed for every row.

Django's bulk_update writes one UPDATE with a CASE per column per row, which costs more to
build than to run: an import of 35,000 messages spent a third of its time there. One prepared
UPDATE executed for every row (executemany) does the same work for a fraction of the cost.
New model rows go through bulk_create: writing them here instead (keys reserved in
sqlite_sequence, `_state` set by hand) saved 7 to 13% of an import's main process, under the
20% a fast path must earn (bench/README.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model

_POSTGRESQL_MAX_PARAMS = 65535


def insert_values(model: type[Model], columns: Sequence[str], rows: Sequence[Sequence[Any]],
                  *, returning: bool = False) -> list[int]:
    """Insert rows of values already in the database's form, in multi-row INSERTs as large as
    the engine allows; the new primary keys in order if `returning`."""
    database = connections[DEFAULT_DB_ALIAS]  # the proxy `connection` costs a lookup per use
    meta = model._meta
    quote = database.ops.quote_name
    head = (f"INSERT INTO {quote(meta.db_table)} "  # noqa: S608 - names from models
            f"({', '.join(quote(column) for column in columns)}) VALUES ")
    one = f"({', '.join(['%s'] * len(columns))})"
    tail = f" RETURNING {quote(_column(meta.pk))}" if returning else ""
    size = max(1, _max_params(database) // max(1, len(columns)))
    keys: list[int] = []
    with database.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start:start + size]
            cursor.execute(head + ", ".join([one] * len(chunk)) + tail,
                           [value for row in chunk for value in row])
            if returning:
                keys.extend(pk for (pk,) in cursor.fetchall())
    return keys


def _max_params(database: BaseDatabaseWrapper) -> int:
    """How many values one statement may carry: SQLite says at run time (999 in old builds,
    32,766 since 3.32); PostgreSQL's protocol allows 65,535."""
    if database.vendor == "sqlite":
        database.ensure_connection()
        return int(database.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    return _POSTGRESQL_MAX_PARAMS


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
    database = connections[DEFAULT_DB_ALIAS]
    params = [[*(column.get_db_prep_save(getattr(row, column.attname), database)
                 for column in columns), row.pk] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _column(field: Field) -> str:
    return field.column or field.attname
