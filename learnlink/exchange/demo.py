"""The demo network's groups and what was said in them, loaded through the real mail path:
each demo mbox goes through the same import as any old archive, its threads first moved to the
last few months (demo_dates) so the network looks alive on the day it is loaded."""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from learnlink.exchange.demo_dates import dated_now
from learnlink.exchange.digests import build
from learnlink.exchange.importing import ImportStats, import_messages
from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import DeliveryMode, Digest, Group, Message, Subscription
from learnlink.mail.mbox import read_messages

DEMO_DIR = Path(__file__).with_name("demo")


def _rows(name: str) -> list[dict[str, str]]:
    with (DEMO_DIR / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@transaction.atomic
def load_groups() -> list[Group]:
    rows = _rows("groups.csv")
    groups = {row["slug"]: create_group(
        row["slug"], row["name"], private=row["visibility"] == "private", policy=row["policy"],
        description=row["description"], language=row["language"]) for row in rows}
    for row in rows:  # what the groups' mentors set on their settings pages
        group = groups[row["slug"]]
        group.subject_prefix, group.footer = row["prefix"], row["footer"]
        group.save(update_fields=["subject_prefix", "footer"])
    for row in _rows("members.csv"):
        add_member(groups[row["group"]], row["email"], role=row["role"], mode=row["mode"])
    for row in _rows("join_requests.csv"):  # confirmed, waiting on the mentors' page
        Subscription.objects.update_or_create(
            group=groups[row["group"]], address=row["email"], defaults={
                "name": row["name"], "message": row["message"], "confirmed": timezone.now()})
    return list(groups.values())


def load_demo() -> dict[str, ImportStats]:
    """Idempotent: groups are updated, and messages already archived are not imported again
    (they keep the dates of the day they were first loaded)."""
    groups = load_groups()
    archives = dated_now({group.slug: list(read_messages(DEMO_DIR / f"{group.slug}.mbox"))
                          for group in groups}, timezone.now())
    stats = {group.slug: import_messages(group, archives[group.slug], processes=1)
             for group in groups}
    show_digests()
    return stats


def show_digests(latest: int = 10) -> list[Digest]:
    """A daily digest of each group's latest messages for its members in daily mode, so the
    outgoing mail page shows what they receive. Imported mail is history and is never digested
    by the schedule; the demo makes this one exception, once per group."""
    made = []
    for group in Group.objects.filter(memberships__mode=DeliveryMode.DAILY).distinct():
        if group.digests.exists():
            continue
        messages = (Message.objects.filter(group=group, is_placeholder=False)
                    .select_related("thread").order_by("-date")[:latest])
        if messages:
            made.append(build(group, DeliveryMode.DAILY, sorted(messages, key=lambda m: m.pk)))
    return made
