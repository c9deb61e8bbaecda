"""The mentor dashboard over a 100,000-message network, for a mentor of 20 groups.

    .venv/bin/python bench/mentoring_dashboard.py [--requests N] [--note-again]

Goal: /mentoring/ under 100 ms median. The network is the LTP archive cut into 20 slices, each
group holding three neighbouring slices (105,348 messages, each real message in three groups),
imported through the real import, which notes the questions as it archives (the dashboard's
archive hook); each group also has a stranger's message held for a moderator, a looping one in
quarantine and a member whose address bounces. Built on first use and kept in the temporary
folder, one per database engine (about ten minutes). Measured in process with Django's test
client (the whole request: routing, permissions, queries, templates), warm; the CPU time of
this process is printed too, and the load average, since wall time on a shared machine is
mostly the other processes' while its load is high. `--note-again`
also times `learnlink note_questions` over the whole archive (what an archive older than the
dashboard costs once, and the hook's own work per message).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

from _setup import ENGINE, LTP, kept_django, machine_speed, timed

GROUPS = 20
SLICES_PER_GROUP = 3
FOLDER = Path(tempfile.gettempdir()) / f"learnlink-bench-mentoring-{ENGINE}"
MENTOR = "bench.mentor@example.org"


def build() -> None:
    from huey.contrib.djhuey import HUEY

    from learnlink.exchange.importing import import_messages
    from learnlink.exchange.membership import add_member, create_group
    from learnlink.mail.mbox import read_messages

    HUEY.immediate = True  # the held and looping mail is processed as it is received
    archive = list(read_messages(LTP))
    size = -(-len(archive) // GROUPS)
    slices = [archive[n * size:(n + 1) * size] for n in range(GROUPS)]
    started, imported = time.monotonic(), 0
    for n in range(GROUPS):
        group = create_group(f"ltp-m-{n + 1}", f"Linux Test Project, part {n + 1}")
        mine = list(itertools.chain.from_iterable(
            slices[(n + k) % GROUPS] for k in range(SLICES_PER_GROUP)))
        stats = import_messages(group, mine)
        imported += stats.imported
        print(f"building: group {n + 1} of {GROUPS}: {stats.line()}", file=sys.stderr)
        add_member(group, MENTOR, name="Bench Mentor", role="mentor")
        troubles(group, n)
    seconds = time.monotonic() - started
    print(f"built: {imported} messages imported (questions noted as they were archived) in "
          f"{seconds:.0f} s, {imported / seconds:.0f} messages/s", file=sys.stderr)


def troubles(group: object, n: int) -> None:
    """What else a mentor acts on: a held message, a quarantined one, a bouncing member."""
    from learnlink.exchange.membership import add_member
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from learnlink.people.models import EmailAddress

    address = group.address  # type: ignore[attr-defined]
    for headers in ("", f"List-Id: <{group.list_id}>\n"):  # type: ignore[attr-defined]
        raw = (f"From: stranger{n}@example.net\nTo: {address}\nSubject: Hello from {n}\n"
               f"Message-ID: <bench-{n}-{len(headers)}@example.net>\n{headers}\n"
               "Can I join?\n").encode()
        receive(raw, [address], Source.PIPE)
    add_member(group, f"member{n}@example.net")  # type: ignore[arg-type]
    EmailAddress.objects.filter(address=f"member{n}@example.net").update(bounce_score=2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--note-again", action="store_true")
    args = parser.parse_args()
    kept_django(FOLDER, build)
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from learnlink.exchange.models import Message
    from learnlink.mentoring.dashboard.questions import note_all_questions
    from learnlink.mentoring.dashboard.sections import sections
    from learnlink.mentoring.models import Question
    from learnlink.mentoring.permissions import followed_groups
    from learnlink.people.models import Person

    if args.note_again:
        Question.objects.all().delete()
        started = time.monotonic()
        read = note_all_questions()
        seconds = time.monotonic() - started
        print(f"note_questions: {read} messages read in {seconds:.1f} s "
              f"({read / seconds:.0f} messages/s)")
    person = Person.objects.get(email_addresses__address=MENTOR)
    if person.user is None:
        person.user = User.objects.create_user(username=MENTOR, email=MENTOR)
        person.save(update_fields=["user"])
    user = person.user
    groups = followed_groups(user)
    total = Message.objects.filter(is_placeholder=False).count()
    questions = Question.objects.count()
    print(f"engine={connection.vendor} archive={total} messages, mentor of {groups.count()} "
          f"groups, questions={questions} "
          f"open={Question.objects.filter(answered__isnull=True).count()}")
    print("concerns: " + ", ".join(f"{section.key}={section.count}"
                                   for section in sections(groups, timezone.now())))
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    slug = groups.order_by("name").first().slug  # type: ignore[union-attr]
    pages = {"/mentoring/": "/mentoring/",
             "/mentoring/ page 50 of questions": "/mentoring/?questions=50",
             "/mentoring/groups/<group>/": f"/mentoring/groups/{slug}/"}
    for name, url in pages.items():
        client.get(url)
        figures = timed(client, url, args.requests)
        print(f"{name}: median={figures['median']:.1f} ms p95={figures['p95']:.1f} ms "
              f"cpu median={figures['cpu']:.1f} ms queries={figures['queries']} "
              f"html={figures['kb']:.1f} KB")
    print(f"load average: {' '.join(f'{load:.1f}' for load in os.getloadavg())} "
          f"on {os.cpu_count()} cores")
    print(machine_speed())


if __name__ == "__main__":
    main()
