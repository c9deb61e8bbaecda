"""The peer finder over a 100,000-message archive, as the public asks it.

    .venv/bin/python bench/peers.py [--queries N]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/peers.py

Goal: under 200 ms at the 95th percentile, on SQLite and on PostgreSQL. The archive is the one
bench/search.py builds (the LTP list three times over). Its senders are in no directory, so the
first run gives it one: a person for each sender address, an organisation for each mail domain
(with a line of description naming it) and each person affiliated to their domain's
organisation; the messages are then attributed to them. The questions are "who has done X?" in
English, Kiswahili and French, X a word or two taken at random (fixed seed) from the archive's
own subjects, as bench/search.py takes its queries. The first question fills the cache of who
wrote how much in each group (messages.PROFILE_SECONDS); the figures are of the others.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import time

from _setup import ARCHIVE, archive_django, machine_speed

FRAMES = ("who has done {}?", "nani amefanya {}?", "qui a fait {} ?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    archive_django()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from learnlink.exchange.models import Message, Thread
    from learnlink.mentoring.peers.finder import find_peers
    from learnlink.mentoring.permissions import peer_finder_groups
    from learnlink.people.models import Organisation, Person

    give_directory()
    subjects = list(Thread.objects.values_list("subject", flat=True)[:20000])
    words = [w for s in subjects for w in re.findall(r"[a-z]{4,}", s.lower())]
    rng = random.Random(2026)
    questions = [rng.choice(FRAMES).format(" ".join(rng.sample(words, rng.choice([1, 1, 2]))))
                 for _ in range(args.queries)]
    groups = set(peer_finder_groups(AnonymousUser()).values_list("pk", flat=True))
    find_peers(questions[0], groups)  # the counts of who wrote how much, cached from then on
    samples, cpu, found = [], [], 0
    for question in questions:
        started, used = time.perf_counter(), time.process_time()
        answer = find_peers(question, groups, limit=10)
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
        found += bool(answer.peers)
    total = Message.objects.filter(is_placeholder=False).count()
    print(f"engine={connection.vendor} archive={total} messages, "
          f"{Person.objects.count()} people, {Organisation.objects.count()} organisations; "
          f"questions={len(questions)} with_peers={found}")
    print(f"peers: p50={statistics.median(samples):.1f} ms "
          f"p95={statistics.quantiles(samples, n=20)[-1]:.1f} ms max={max(samples):.1f} ms")
    print(f"peers, CPU of this process (all of SQLite's work, none of PostgreSQL's server): "
          f"p50={statistics.median(cpu):.1f} ms p95={statistics.quantiles(cpu, n=20)[-1]:.1f} ms")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(machine_speed())


def give_directory() -> None:
    """Once per archive: a person for each sender address, an organisation per mail domain,
    and every message attributed to its sender."""
    marker = ARCHIVE / "peers-directory"
    if marker.exists():
        return
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import Lower
    from django.utils.text import slugify

    from learnlink.exchange.models import Message
    from learnlink.people.models import Affiliation, EmailAddress, Organisation, Person

    addresses = sorted({a.lower() for a in Message.objects.exclude(sender_address="")
                        .values_list("sender_address", flat=True).distinct() if "@" in a})
    domains = sorted({address.rpartition("@")[2] for address in addresses})
    organisations = {domain: Organisation.objects.create(
        name=domain, slug=slugify(domain), kind="service_provider",
        description=f"Developers and testers who write from {domain}.") for domain in domains}
    for n, address in enumerate(addresses):
        person = Person.objects.create(name=address.partition("@")[0], slug=f"sender-{n}")
        EmailAddress.objects.create(person=person, address=address, primary=True)
        Affiliation.objects.create(person=person,
                                   organisation=organisations[address.rpartition("@")[2]])
    holder = EmailAddress.objects.filter(address=Lower(OuterRef("sender_address")))
    Message.objects.update(sender_id=Subquery(holder.values("person_id")[:1]))
    marker.touch()


if __name__ == "__main__":
    main()
