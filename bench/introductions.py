"""Introductions at the scale of a grown network: the dashboard's concern (introductions nobody
answered in 14 days), the mentors' list, an introduction's page with many answers, and
answers taken in over the real inbox and mail route.

    .venv/bin/python bench/introductions.py [--introductions N] [--answers N]
    DATABASE_URL=postgres://... .venv/bin/python bench/introductions.py

Goals: the concern's page of rows and the list page each a few milliseconds (they sit on the
dashboard, whose goal is 100 ms median for a mentor of 20 groups); an answer recorded in well
under the 10 ms a posted message costs. The demo network gives the people, groups and
threads; N introductions between its organisations, sent over the last 400 days (a third
answered), are added in bulk.
"""

from __future__ import annotations

import argparse
import datetime
import random
import time

from _setup import fresh_django, machine_speed, median_p95


def add_introductions(count: int) -> None:
    from django.utils import timezone

    from learnlink.exchange.models import Group, Thread
    from learnlink.mentoring.models import Introduction
    from learnlink.people.models import Affiliation

    rng = random.Random(2026)
    contacts = list(Affiliation.objects.filter(person__email_addresses__isnull=False)
                    .distinct())
    threads = list(Thread.objects.select_related("group"))
    groups = list(Group.objects.all())
    now = timezone.now()
    rows = []
    for number in range(count):
        seeker, peer = rng.sample(contacts, 2)
        thread = rng.choice(threads) if rng.random() < 0.7 else None
        sent = now - datetime.timedelta(minutes=rng.randrange(400 * 24 * 60))
        answered = sent + datetime.timedelta(days=rng.randrange(1, 20)) \
            if rng.random() < 0.33 else None
        rows.append(Introduction(
            introducer_id=seeker.person_id, seeker_organisation_id=seeker.organisation_id,
            seeker_id=seeker.person_id, peer_organisation_id=peer.organisation_id,
            peer_id=peer.person_id, context="Ask them how they bulk and grade.",
            thread=thread, group=thread.group if thread else rng.choice(groups),
            message_id=f"bench-{number}@learnlink.localhost", languages="sw",
            subject="Introduction", text="The mail as sent.", sent=sent,
            answered=answered if answered and answered < now else None,
            token=f"{number:016x}"))
    Introduction.objects.bulk_create(rows, batch_size=2000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--introductions", type=int, default=20_000)
    parser.add_argument("--answers", type=int, default=150)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    fresh_django("introductions")
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from learnlink.exchange.demo import load_demo as load_exchange
    from learnlink.exchange.models import Group
    from learnlink.mentoring.demo import load_demo as load_mentoring
    from learnlink.mentoring.introductions.concern import row, unanswered
    from learnlink.mentoring.models import Introduction
    from learnlink.people.demo import load_demo as load_people

    load_people()
    load_exchange()
    load_mentoring()
    add_introductions(args.introductions)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    total = Introduction.objects.count()
    every = Group.objects.all()
    one = Group.objects.filter(slug="warehouse-receipts")
    now = timezone.now()
    waiting = unanswered(every, now).count()
    print(f"engine={connection.vendor} introductions={total} unanswered after 14 days="
          f"{waiting}")
    for name, groups in [("every group", every), ("one group", one)]:
        median, p95 = median_p95(lambda g=groups: [row(i) for i in unanswered(g, now)[:25]],
                            args.runs)
        print(f"concern, first 25 rows, {name}: median={median:.1f} ms p95={p95:.1f} ms")

    from django.contrib.auth.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username="elisante.massawe@example.org"))
    for name, url in [("the groups page, to compare with", "/groups/"),
                      ("list page 1", "/mentoring/introductions/"),
                      ("list page 100", "/mentoring/introductions/?page=100")]:
        median, p95 = median_p95(lambda u=url: client.get(u), args.runs)
        print(f"{name}: median={median:.1f} ms p95={p95:.1f} ms")

    answered = answer_many(args.answers)
    url = answered.get_absolute_url()
    median, p95 = median_p95(lambda: client.get(url), args.runs)
    size = len(client.get(url).content)
    print(f"introduction page with {answered.replies.count()} answers: median={median:.1f} ms "
          f"p95={p95:.1f} ms html={size / 1024:.1f} KB")
    print(machine_speed())


def answer_many(count: int) -> object:
    """`count` answers from the peer to the demo's waiting introduction, each stored in the
    inbox and processed by the mail route, as the worker does."""
    from email.mime.text import MIMEText
    from email.utils import make_msgid

    from learnlink.mail.inbox import process, receive
    from learnlink.mail.models import Source
    from learnlink.mentoring.models import Introduction

    introduction = Introduction.objects.exclude(evidence_url="").get(
        seeker__name="Stephen Ekwaru")
    address = introduction.peer.email_addresses.get(primary=True).address
    started = time.perf_counter()
    for number in range(count):
        answer = MIMEText(f"Answer {number}: we can host a visit in March.\n", "plain", "utf-8")
        answer["From"], answer["To"] = address, introduction.address
        answer["Subject"] = f"Re: {introduction.subject}"
        answer["Message-ID"] = make_msgid("bench", "example.net")
        [inbound] = receive(answer.as_bytes(), [introduction.address], Source.PIPE,
                            process=False)
        process(inbound)
    elapsed = time.perf_counter() - started
    print(f"answers received and recorded: {count} in {elapsed:.1f} s "
          f"({elapsed / count * 1000:.1f} ms each)")
    return introduction


if __name__ == "__main__":
    main()
