"""The contract monitor of one group of 200 organisations over 24 months and 100,000 messages.

    .venv/bin/python bench/contract_monitor.py [--requests N]

Goal: the group's monitor renders in under 300 ms. The group holds the LTP archive three times
over (35,116 real messages each, their Message-IDs made distinct per copy, so each copy keeps
its threads), its seven years of dates pressed into the 24 months of 2025 and 2026 in the same
order. Its 560 senders are spread over 200 organisations (190 learners' groups, 10 observers),
each sender given a person in the directory before the import, so the import credits their
messages and notes who answered which question, as the archive hook does for live mail; then
the labeller labels every message, as the worker does. The group's contract runs over the 24
months with the five commitments; 180 organisations agreed. The database then gathers its
planner's statistics (ANALYZE; PostgreSQL also VACUUMs, which lets it read an index alone), as
autovacuum does a while after a big import: without them PostgreSQL walked the group's year of
messages for one organisation's journal (280 ms, 6 ms with them) and read the table, not the
index, for when each writer last wrote (104 ms, 10 ms after VACUUM). Built on first use and
kept in the temporary folder, one per database engine. Measured in process with Django's test
client (the whole request), warm; the CPU time of this process and the load average are printed
too.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
import tempfile
import time
from email.message import Message as Headers
from email.parser import BytesHeaderParser
from email.utils import format_datetime, parseaddr, parsedate_to_datetime
from pathlib import Path

from _setup import ENGINE, LTP, kept_django, machine_speed, timed, with_copy_ids

FOLDER = Path(tempfile.gettempdir()) / f"learnlink-bench-monitor-{ENGINE}"
COPIES = 3
ORGANISATIONS, OBSERVERS, AGREED = 200, 10, 180
FIRST = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
SPAN = datetime.timedelta(days=729)
SLUG = "ltp-monitor"
READER = "bench.monitor@example.org"
_DATE = re.compile(rb"^Date:[^\n]*\n", re.MULTILINE | re.IGNORECASE)


def copied(raw: bytes, copy: int, first: datetime.datetime, span: datetime.timedelta) -> bytes:
    """The message as copy `copy` of the archive: its threading headers' ids prefixed, its date
    pressed into the 24 months."""
    head, separator, body = with_copy_ids(raw, copy).partition(b"\n\n")
    date = _date(BytesHeaderParser().parsebytes(raw))
    if date is not None:  # else the import dates it as it does any such message
        moved = FIRST + (date - first) * (SPAN / span) + datetime.timedelta(minutes=copy)
        head = _DATE.sub(lambda _found: f"Date: {format_datetime(moved)}\n".encode(),
                         head + b"\n", count=1).rstrip(b"\n")
    return head + separator + body


def _date(header: Headers) -> datetime.datetime | None:
    """The message's date, None if no parser reads it or it names no time zone."""
    try:
        date = parsedate_to_datetime(str(header["Date"]))
    except (TypeError, ValueError):
        return None
    return date if date.tzinfo is not None else None


def build() -> None:
    from django.db import connection
    from django.utils.text import slugify
    from huey.contrib.djhuey import HUEY

    from learnlink.exchange.importing import import_messages
    from learnlink.exchange.membership import add_member, create_group
    from learnlink.exchange.models import Membership
    from learnlink.mail.mbox import read_messages
    from learnlink.mentoring.labels.labelling import label_new_messages
    from learnlink.mentoring.models.contracts import CommitmentKind, Contract, ContractAgreement
    from learnlink.people.models import Affiliation, EmailAddress, Organisation, Person

    HUEY.immediate = True
    archive = list(read_messages(LTP))
    headers = [BytesHeaderParser().parsebytes(raw) for raw in archive]
    dates = [date for date in map(_date, headers) if date is not None]
    first, span = min(dates), max(dates) - min(dates)
    addresses = sorted({parseaddr(str(header["From"]))[1].lower() for header in headers} - {""})
    group = create_group(SLUG, "Linux Test Project, monitored")
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Organisation {n:03d}", slug=f"organisation-{n:03d}",
                     kind="farmer_group") for n in range(ORGANISATIONS))
    people = Person.objects.bulk_create(Person(name=address.partition("@")[0],
                                               slug=slugify(f"sender {n}"))
                                        for n, address in enumerate(addresses))
    EmailAddress.objects.bulk_create(EmailAddress(person=person, address=address, primary=True)
                                     for person, address in zip(people, addresses, strict=True))
    Affiliation.objects.bulk_create(
        Affiliation(person=person, organisation=organisations[n % ORGANISATIONS])
        for n, person in enumerate(people))
    Membership.objects.bulk_create(
        Membership(group=group, organisation=organisation,
                   role="observer" if n >= ORGANISATIONS - OBSERVERS else "learner")
        for n, organisation in enumerate(organisations))
    add_member(group, READER, name="Bench Mentor", role="mentor")
    started = time.monotonic()
    for copy in range(1, COPIES + 1):
        stats = import_messages(group, (copied(raw, copy, first, span) for raw in archive))
        print(f"building: copy {copy} of {COPIES}: {stats.line()}", file=sys.stderr)
    print(f"built: imported in {time.monotonic() - started:.0f} s", file=sys.stderr)
    started, labelled = time.monotonic(), 0
    while True:
        done = label_new_messages(limit=5000)
        if not done:
            break
        labelled += done
    print(f"built: {labelled} messages labelled in {time.monotonic() - started:.0f} s",
          file=sys.stderr)
    reader = Person.objects.get(email_addresses__address=READER)
    contract = Contract.objects.create(group=group, title="Learning contract 2025-2026",
                                       starts=FIRST.date(), ends=(FIRST + SPAN).date(),
                                       created_by=reader)
    for position, kind in enumerate(CommitmentKind):
        contract.commitments.create(position=position, text=kind.label, kind=kind)
    ContractAgreement.objects.bulk_create(
        ContractAgreement(contract=contract, organisation=organisation, agreed_by=reader,
                          agreed=FIRST, via="web") for organisation in organisations[:AGREED])
    with connection.cursor() as cursor:  # what autovacuum does a while after a big import
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    kept_django(FOLDER, build)
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    from learnlink.exchange.models import Group, Message
    from learnlink.mentoring.monitor.figures import monitor
    from learnlink.mentoring.monitor.months import Month
    from learnlink.people.models import Person
    from learnlink.people.roles import MENTOR, grant_role

    person = Person.objects.get(email_addresses__address=READER)
    if person.user is None:  # a mentor of the network, who reads the network view too
        person.user = User.objects.create_user(username=READER, email=READER)
        person.save(update_fields=["user"])
        grant_role(person.user, MENTOR)
    group = Group.objects.get(slug=SLUG)
    month = Month(2026, 6)
    table = monitor(group, month)
    total = Message.objects.filter(group=group, is_placeholder=False).count()
    print(f"engine={connection.vendor} group of {total} messages, {len(table.rows)} "
          f"organisations; {month}: messages={sum(row.messages for row in table.rows)} "
          + " ".join(f"{state}={table.count(state)}"
                     for state in ("kept", "slipping", "broken", "no_contract")))
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(person.user)
    busiest = max(table.rows, key=lambda row: row.messages).organisation.slug
    pages = {"monitor page": f"/mentoring/{SLUG}/monitor/?month={month}",
             "monitor page 2": f"/mentoring/{SLUG}/monitor/?month={month}&page=2",
             "API": f"/api/groups/{SLUG}/contract-monitor?month={month}",
             "XLSX": f"/mentoring/{SLUG}/monitor/export.xlsx?month={month}",
             "journal": f"/mentoring/{SLUG}/monitor/{busiest}/?month={month}",
             "network view": f"/mentoring/monitor/?month={month}"}
    for name, url in pages.items():
        client.get(url)
        figures = timed(client, url, args.requests)
        print(f"{name}: median={figures['median']:.1f} ms p95={figures['p95']:.1f} ms "
              f"cpu median={figures['cpu']:.1f} ms queries={figures['queries']} "
              f"size={figures['kb']:.1f} KB")
    print(f"load average: {' '.join(f'{load:.1f}' for load in os.getloadavg())} "
          f"on {os.cpu_count()} cores")
    print(machine_speed())


if __name__ == "__main__":
    main()
