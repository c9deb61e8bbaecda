"""The demo network's groups and what was said in them, loaded through the real mail path:
each demo mbox goes through the same import as any old archive."""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction

from learnlink.exchange.importing import ImportStats, import_mbox
from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Group

DEMO_DIR = Path(__file__).with_name("demo")


def _rows(name: str) -> list[dict[str, str]]:
    with (DEMO_DIR / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@transaction.atomic
def load_groups() -> list[Group]:
    groups = {row["slug"]: create_group(
        row["slug"], row["name"], private=row["visibility"] == "private", policy=row["policy"],
        description=row["description"], language=row["language"]) for row in _rows("groups.csv")}
    for row in _rows("members.csv"):
        add_member(groups[row["group"]], row["email"], role=row["role"], mode=row["mode"])
    return list(groups.values())


def load_demo() -> dict[str, ImportStats]:
    """Idempotent: groups are updated, and messages already archived are not imported again."""
    return {group.slug: import_mbox(group, DEMO_DIR / f"{group.slug}.mbox", processes=1)
            for group in load_groups()}
