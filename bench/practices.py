"""The library of practices and a practice's page with a thousand practices, each with its
origin and adoptions.

    .venv/bin/python bench/practices.py [--practices 1000] [--adoptions 6] [--requests 40]

The network report, its CSV, the practices feed and the home are measured too (the report
reads every practice's journey: its queries must not grow with them).

Goal (issue 19): a practice page and the library under 50 ms to the first byte (median), at
most 50 KB, a bounded number of queries whatever the library's size. Without the 100,000
messages of the goal: the practice pages read no message, only the threads they cite.
"""

from __future__ import annotations

import argparse
import datetime
import random

from _setup import fresh_django, machine_speed, timed


def build(practices: int, adoptions: int) -> int:
    """Practices placed in 40 districts of 4 countries, each with six enterprises to pick from,
    an origin and `adoptions` adoptions; returns a practice's id."""
    from learnlink.knowledge.models import Adoption, Practice, PracticeOrigin
    from learnlink.mentoring.models import Theme
    from learnlink.people.models import Enterprise, Organisation, Place

    chosen = random.Random(2026)
    districts = []
    for country in ("Tanzania", "Kenya", "Uganda", "Rwanda"):
        top = Place.objects.create(name=country, kind="country")
        for n in range(10):
            districts.append(Place.objects.create(
                name=f"{country} district {n}", kind="district", parent=top,
                latitude=chosen.uniform(-10, 2), longitude=chosen.uniform(30, 40)))
    enterprises = [Enterprise.objects.create(name=f"crop {n}", slug=f"crop-{n}")
                   for n in range(6)]
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Group {n}", slug=f"group-{n}", kind="farmer_group",
                     place=chosen.choice(districts)) for n in range(300))
    themes = list(Theme.objects.all())
    made = Practice.objects.bulk_create(
        Practice(title=f"Practice {n}", summary="Sold together to a big buyer. " * 8,
                 done="Graded **three sizes**.\n\n" * 20,
                 language=chosen.choice(["en", "en", "en", "sw", "fr"]),
                 place=chosen.choice(districts), state="published",
                 published=datetime.datetime(2008, 1, 1, tzinfo=datetime.UTC))
        for n in range(practices))
    for practice in made:
        practice.enterprises.set(chosen.sample(enterprises, 2))
        practice.themes.set(chosen.sample(themes, 1))
    PracticeOrigin.objects.bulk_create(
        PracticeOrigin(practice=p, organisation=chosen.choice(organisations),
                       place=p.place, date=datetime.date(2003, 1, 1)) for p in made)
    Adoption.objects.bulk_create(
        Adoption(practice=p, organisation=chosen.choice(organisations),
                 place=chosen.choice(districts), date=datetime.date(2004 + n % 5, 1 + n, 1),
                 status="adapted", channel="visit", adaptation="Their own way.")
        for p in made for n in range(adoptions))
    return made[len(made) // 2].pk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--practices", type=int, default=1000)
    parser.add_argument("--adoptions", type=int, default=6)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    fresh_django("practices")
    from django.core.management import call_command
    from django.test import Client

    call_command("collectstatic", "--noinput", verbosity=0)
    pk = build(args.practices, args.adoptions)
    client = Client(HTTP_HOST="127.0.0.1")
    print(machine_speed())
    print(f"library: {args.practices} practices, {args.adoptions} adoptions each")
    for name, url in (("library", "/practices/"),
                      ("library filtered", "/practices/?enterprise=crop-1&lang=en"),
                      ("practice page", f"/practices/{pk}/"),
                      ("api diffusion", f"/api/practices/{pk}/diffusion"),
                      ("network report", "/practices/report/"),
                      ("network csv", "/practices/report/diffusion.csv"),
                      ("practices feed", "/feeds/practices/"),
                      ("home", "/")):
        figures = timed(client, url, args.requests)
        print(f"{name}: median={figures['median']:.1f} ms p95={figures['p95']:.1f} ms "
              f"cpu={figures['cpu']:.1f} ms queries={figures['queries']} "
              f"size={figures['kb']:.1f} KB")


if __name__ == "__main__":
    main()
