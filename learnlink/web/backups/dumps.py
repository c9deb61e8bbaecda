"""The database, dumped and loaded in its engine's own format: SQLite's online backup API (a
consistent copy while the site runs, one file that opens as it is), PostgreSQL's `pg_dump
--format=custom` read back by `pg_restore` in one transaction (a failed restore leaves the
database as it was).

Both talk to the database Django's connection is configured for, so the tests (whose database
has its own name) and a production machine run the same code.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from learnlink.web.backups.manifest import BackupError, counts

SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
# A restore that waits for another process's lock (a web node still running) gives up
# rather than hanging; the docs say to stop them first.
LOCK_TIMEOUT_MS = 60_000


def engine() -> str:
    return str(connection.vendor)


@dataclass
class Dumped:
    name: str  # the dump's file name in the backup folder
    tool: str
    counts: dict[str, int]  # of what the dump holds, read in the same snapshot


def dump(folder: Path) -> Dumped:
    if engine() == "sqlite":
        return _sqlite_dump(folder / SQLITE_FILE)
    return _postgres_dump(folder / POSTGRES_FILE)


def load(path: Path) -> None:
    if engine() == "sqlite":
        _sqlite_load(path)
    else:
        _postgres_load(path)


def _sqlite_dump(target: Path) -> Dumped:
    """Page by page from the open connection, so writers may go on meanwhile; counted from
    the copy. The copy is turned out of WAL mode: one self-contained file, which opens
    read-only for a restore."""
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
        recorded = counts(copy)
    return Dumped(target.name, f"SQLite {sqlite3.sqlite_version}", recorded)


def _sqlite_load(source: Path) -> None:
    """The backup API the other way: the live database's pages replaced in one step."""
    connection.ensure_connection()
    with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as dumped:
        dumped.backup(connection.connection)


def _postgres_dump(target: Path) -> Dumped:
    """pg_dump reads the snapshot our transaction exported, so the counts read in it are
    exactly what the dump holds, however much mail arrives meanwhile."""
    tool = _client("pg_dump")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        recorded = counts()
        _run([tool, "--format=custom", "--no-password", f"--snapshot={snapshot}",
              f"--file={target}"])
    return Dumped(target.name, _version(tool), recorded)


def _postgres_load(source: Path) -> None:
    """Tables are dropped and recreated from the dump (so a freshly migrated database takes
    it too); owners and grants are the restoring role's, as on a new machine."""
    tool = _client("pg_restore")
    connection.close()  # our own idle connection must not hold a lock the restore waits for
    _run([tool, "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", "--exit-on-error", "--no-password",
          f"--dbname={connection.settings_dict['NAME']}", str(source)])


def _client(name: str) -> str:
    """The PostgreSQL client program, refused when missing or older than the server: an older
    pg_dump refuses a newer server, and says so less plainly."""
    tool = shutil.which(name)
    if tool is None:
        raise BackupError(f"{name} is not installed: install PostgreSQL's client programs "
                          "(apt-get install postgresql-client) of the server's version")
    connection.ensure_connection()
    server = connection.pg_version // 10000  # type: ignore[attr-defined]
    client = int(re.findall(r"\d+", _version(tool))[0])
    if client < server:
        raise BackupError(f"{name} {client} is older than the PostgreSQL {server} server: "
                          f"install postgresql-client-{server}")
    return tool


def _version(tool: str) -> str:
    return subprocess.run([tool, "--version"], capture_output=True, text=True,  # noqa: S603
                          check=True, timeout=30).stdout.strip()


def _run(command: list[str]) -> None:
    """A client program against the configured database; the password goes through the
    environment, never the command line (which other users of the machine can read)."""
    settings = connection.settings_dict
    env = {**os.environ, "PGDATABASE": settings["NAME"],
           "PGOPTIONS": f"-c lock_timeout={LOCK_TIMEOUT_MS}"}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"),
                          ("PGPASSWORD", "PASSWORD")):
        if settings.get(key):
            env[variable] = str(settings[key])
    sslmode = settings.get("OPTIONS", {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    done = subprocess.run(command, capture_output=True, text=True, env=env,  # noqa: S603
                          check=False)
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed (exit {done.returncode}):\n"
                          f"{done.stderr.strip()}")
