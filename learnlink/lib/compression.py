"""How PostgreSQL compresses the large values of a column: lz4 instead of its default, pglz.

A value over about 2 KB (a raw message, a body, a search vector) is compressed as it is
written, by the server process. pglz is slow to compress: importing 8,000 messages of the LTP
archive cost the server 1.24 ms of CPU a message with it, 1.07 ms with lz4 (the raw messages'
inserts 2.1 s against 1.1 s, the messages' 1.2 s against 0.8 s; bench/import.py on
2026-12-06), and the server's work is on the import's critical path. lz4 reads back faster too
and compresses mail about as well. Setting a column's method changes how new values are
written only; values already stored stay as they are, and both are read alike.

PostgreSQL 14 added the choice, and only a server built with lz4 offers it (Debian's, and the
PostgreSQL project's packages, are): elsewhere, and on SQLite, the migration does nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def lz4_columns(table: str, *columns: str) -> migrations.RunPython:
    """A migration operation: `columns` of `table` compressed with lz4 where the server can."""

    def compress_with(method: str) -> Any:
        def alter(apps: Any, schema_editor: Any) -> None:
            if not _offers_lz4(schema_editor.connection):
                return
            quote = schema_editor.quote_name
            schema_editor.execute(f"ALTER TABLE {quote(table)} " + ", ".join(
                f"ALTER COLUMN {quote(column)} SET COMPRESSION {method}" for column in columns))

        return alter

    return migrations.RunPython(compress_with("lz4"), compress_with("pglz"))


def _offers_lz4(connection: Any) -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                       "WHERE name = 'default_toast_compression'")
        row = cursor.fetchone()
    return bool(row and row[0])
