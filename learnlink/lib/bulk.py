"""Writing many rows at once, fast on both engines.

Django's bulk_update writes one UPDATE with a CASE per column per row, which costs more to
build than to run: an import of 35,000 messages spent a third of its time there. One prepared
UPDATE executed for every row (executemany) does the same work for a fraction of the cost.
Its bulk_create passes every value through the query compiler, and on SQLite cuts a batch into
statements of 999 values: measured on an import, that was half of the main process's time.
Here, for any app's tables, a batch is one statement per as many values as the engine takes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import (
    AutoField,
    BigAutoField,
    BooleanField,
    CharField,
    Field,
    ForeignKey,
    IntegerField,
    Model,
    TextField,
)

_POSTGRESQL_MAX_PARAMS = 65535
# Values that both engines' drivers take as they are for these kinds of column: converting
# them through the field, as bulk_create does, was a quarter of an import's main process.
_AS_IS: tuple[tuple[type[Field], frozenset[type]], ...] = (
    (BooleanField, frozenset({bool, type(None)})),
    (IntegerField, frozenset({int, type(None)})),
    (CharField, frozenset({str, type(None)})),
    (TextField, frozenset({str, type(None)})),
)


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


def insert_rows(rows: Sequence[Model]) -> None:
    """Insert new rows of one model with multi-row INSERTs. Rows with primary keys from
    `reserve_keys` keep them; otherwise the database's keys are set on them.

    Each value goes through its field's pre_save (auto_now_add) and database conversion, as
    bulk_create does, except where the value is already what the driver takes; signals are not
    sent, as bulk_create does not send them either."""
    if not rows:
        return
    database = connections[DEFAULT_DB_ALIAS]
    meta = rows[0]._meta
    keyed = rows[0].pk is not None
    if any((row.pk is not None) != keyed for row in rows):
        raise ValueError("either every row has a reserved primary key or none has")
    fields = [field for field in meta.concrete_fields
              if keyed or not isinstance(field, AutoField | BigAutoField)]
    readers = [_reader(field, database) for field in fields]
    values = [[read(row) for read in readers] for row in rows]
    keys = insert_values(type(rows[0]), [_column(field) for field in fields], values,
                         returning=not keyed)
    for row, pk in zip(rows, [row.pk for row in rows] if keyed else keys, strict=True):
        row.pk = pk
        row._state.adding = False
        row._state.db = database.alias


def reserve_keys(model: type[Model], count: int) -> list[int]:
    """`count` new primary keys of `model`, taken from its sequence now so that no other
    writer gets them: rows that point to each other can then be inserted in one go, without
    updating them afterwards (rewriting a message row costs as much as writing it)."""
    if count <= 0:
        return []
    database = connections[DEFAULT_DB_ALIAS]
    table, pk = model._meta.db_table, _column(model._meta.pk)
    quote = database.ops.quote_name
    with database.cursor() as cursor:
        if database.vendor == "sqlite":
            # Django makes SQLite keys AUTOINCREMENT: the counter lives in sqlite_sequence,
            # and moving it on takes the write lock at once.
            advance = "UPDATE sqlite_sequence SET seq = seq + %s WHERE name = %s RETURNING seq"
            cursor.execute(advance, [count, table])
            row = cursor.fetchone()
            if row is None:  # no row inserted yet, ever
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) "  # noqa: S608 - names from models
                    f"VALUES (%s, (SELECT COALESCE(MAX({quote(pk)}), 0) FROM {quote(table)}))",
                    [table])
                cursor.execute(advance, [count, table])
                row = cursor.fetchone()
            return list(range(row[0] - count + 1, row[0] + 1))
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) "
                       "FROM generate_series(1, %s)", [quote(table), pk, count])
        return [key for (key,) in cursor.fetchall()]


def _reader(field: Field, database: BaseDatabaseWrapper) -> Callable[[Model], Any]:
    """How to read one field of a new row in the database's form."""
    attname = field.attname
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return lambda row: field.get_db_prep_save(field.pre_save(row, True), database)
    target = field.target_field if isinstance(field, ForeignKey) else field
    plain = next((types for kind, types in _AS_IS if isinstance(target, kind)), frozenset())

    def read(row: Model) -> Any:
        value = row.__dict__.get(attname)
        return value if type(value) in plain else field.get_db_prep_save(value, database)

    return read


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
