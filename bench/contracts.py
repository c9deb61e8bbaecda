"""Learning contracts at the scale of a big group: a contract offered to N organisations (one
mail each, rendered and queued in the outbox), their "I agree" replies taken in over the real
inbox and mail route, and the contract's page with N organisations listed.

    .venv/bin/python bench/contracts.py [--organisations N] [--runs N]
    DATABASE_URL=postgres://... .venv/bin/python bench/contracts.py

Goals: offering well under a second per hundred organisations (it runs in the mentor's
request); a reply recorded and answered in about what a posted message costs (10 ms); the
page a few tens of milliseconds (its queries are counted in the tests), under 50 KB for 200.
"""

from __future__ import annotations

import argparse
import datetime
import time

from _setup import fresh_django, machine_speed, median_p95


def big_group(organisations: int) -> object:
    """A group whose N learners each speak for their own farmer group, and its mentor."""
    from learnlink.exchange.membership import add_member, create_group
    from learnlink.people.models import EmailAddress, Organisation, Person

    group = create_group("big-group", "Farmer groups of the lake zone", language="sw")
    for number in range(organisations):
        organisation = Organisation.objects.create(name=f"Farmer group {number:03d}",
                                                   slug=f"farmer-group-{number:03d}")
        person = Person.objects.create(name=f"Secretary {number:03d}",
                                       slug=f"secretary-{number:03d}", languages="sw")
        EmailAddress.objects.create(person=person, address=f"group{number:03d}@example.net",
                                    primary=True)
        person.affiliations.create(organisation=organisation, role="secretary")
        add_member(group, f"group{number:03d}@example.net")
    add_member(group, "mentor@example.org", name="Zuhura Shemdoe", role="mentor")
    return group


def agree_all(offers: list) -> float:
    """Each organisation's secretary replies "Nakubali"; ms per reply."""
    from email.mime.text import MIMEText
    from email.utils import make_msgid

    from learnlink.mail.inbox import process, receive
    from learnlink.mail.models import Source

    started = time.perf_counter()
    for offer in offers:
        address = f"group{offer.organisation.slug[-3:]}@example.net"
        reply = MIMEText("Habari Zuhura,\n\nNakubali.\n", "plain", "utf-8")
        reply["From"], reply["To"], reply["Subject"] = address, offer.address, "Re: Mkataba"
        reply["Message-ID"] = make_msgid("bench", "example.net")
        for inbound in receive(reply.as_bytes(), [offer.address], Source.PIPE,
                               envelope_from=address, process=False):
            process(inbound)
    return (time.perf_counter() - started) / len(offers) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organisations", type=int, default=200)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    fresh_django("contracts")
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from learnlink.mentoring.contracts import actions
    from learnlink.people.models import Person
    from learnlink.people.roles import grant_role

    group = big_group(args.organisations)
    mentor = Person.objects.get(name="Zuhura Shemdoe")
    today = timezone.localdate()
    contract = actions.draft(group, actions.Terms(
        "Mkataba wa kujifunza", today, today + datetime.timedelta(days=364),
        actions.default_commitments()), mentor)
    started = time.perf_counter()
    offers = actions.offer(contract, mentor)
    offered = (time.perf_counter() - started) * 1000
    print(f"engine={connection.vendor} offered to {len(offers)} organisations in "
          f"{offered:.0f} ms ({offered / len(offers):.1f} ms each, mail queued)")
    half = offers[: len(offers) // 2]
    print(f"replies recorded and answered: {len(half)}, {agree_all(half):.1f} ms each")

    user = User.objects.create_user("mentor@example.org")
    grant_role(user, "mentor")
    mentor.user = user
    mentor.save(update_fields=["user"])
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    url = f"/mentoring/contracts/{contract.pk}/"
    size = len(client.get(url).content)
    median, p95 = median_p95(lambda: client.get(url), args.runs)
    print(f"contract page, {len(offers)} organisations ({len(half)} agreed): "
          f"median={median:.1f} ms p95={p95:.1f} ms "
          f"html={size / 1024:.1f} KB")
    print(machine_speed())


if __name__ == "__main__":
    main()
