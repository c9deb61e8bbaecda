"""The impact table over 1,000,000 sales, aggregated in the database.

    .venv/bin/python bench/impact.py [--sales N]
    DATABASE_URL=postgres://... .venv/bin/python bench/impact.py

Goal: under 2 s on SQLite and under 1 s on PostgreSQL. The Kenya demo gives the alliance, its
territories, PMGs, rates and weights; N sales spread over its PMGs, products and 20 months
are added in bulk (plain multi-row inserts on SQLite, COPY on PostgreSQL), with their tonnes
and US$ computed as the application computes them.
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
import time
from decimal import Decimal

from _setup import fresh_django, peak_rss_mb

BATCH = 20_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sales", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    fresh_django("impact")
    from django.db import connection

    from learnlink.impact.demo import load_demo
    from learnlink.impact.models import Sale

    if connection.vendor == "postgresql":  # a kept database: start from the demo again
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {Sale._meta.db_table}")
    load_demo()
    started = time.perf_counter()
    added = insert_sales(args.sales)
    inserted = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE impact_sale" if connection.vendor == "postgresql"
                       else "ANALYZE")
    total = Sale.objects.count()
    print(f"engine={connection.vendor} sales={total} inserted={added} in {inserted:.1f} s "
          f"({added / inserted:,.0f} rows/s)")
    time_table(args.runs)
    print(f"peak RSS {peak_rss_mb():.0f} MB")


def insert_sales(count: int) -> int:
    from django.db import connection, transaction

    from learnlink.alliance.models import Alliance
    from learnlink.impact.models import Sale, TerritoryProduct
    from learnlink.impact.normalise import Normaliser
    from learnlink.people.models import Organisation

    alliance = Alliance.objects.get(slug="ciat-crs-east-africa")
    normaliser = Normaliser(alliance, ["KES"])
    rng = random.Random(2004)
    choices = []
    for territory in alliance.territories.select_related("place"):
        pmgs = list(Organisation.objects.filter(place=territory.place).values_list("pk",
                                                                                   flat=True))
        for chosen in TerritoryProduct.objects.filter(territory=territory).select_related(
                "product"):
            unit = "bag90" if chosen.product.name.endswith(("grams", "peas", "nuts")) else "kg"
            tonnes = normaliser.tonnes_per(chosen.product, unit)
            choices.append((territory.pk, pmgs, chosen.product.pk, unit, tonnes))
    days = (alliance.end - alliance.start).days
    rates = {alliance.start + datetime.timedelta(days=d):
             normaliser.rates.rate("KES", alliance.start + datetime.timedelta(days=d))
             for d in range(days + 1)}
    cent = Decimal("0.01")
    now = datetime.datetime.now(tz=datetime.UTC)
    columns = ["territory_id", "pmg_id", "product_id", "date", "quantity", "unit", "value",
               "currency", "buyer", "tonnes", "value_usd", "source", "created"]
    buyers = ["Kisumu Oil Mills", "Kitui Millers", "World Food Programme", "Oyugis market", ""]

    def rows(n: int) -> list[tuple[object, ...]]:
        made = []
        for _ in range(n):
            territory, pmgs, product, unit, tonnes = rng.choice(choices)
            day = alliance.start + datetime.timedelta(days=rng.randrange(days + 1))
            quantity = Decimal(rng.randint(1, 400))
            value = Decimal(rng.randint(500, 400_000))
            made.append((territory, rng.choice(pmgs), product, day, quantity, unit, value,
                         "KES", rng.choice(buyers), quantity * tonnes,
                         (value * rates[day]).quantize(cent), "spreadsheet", now))
        return made

    table = Sale._meta.db_table
    created = connection.ops.adapt_datetimefield_value(now)
    done = 0
    with transaction.atomic(), connection.cursor() as cursor:
        while done < count:
            batch = rows(min(BATCH, count - done))
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(  # type: ignore[attr-defined]
                        f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
            else:
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
                    f"VALUES ({', '.join(['%s'] * len(columns))})",
                    [(*(str(v) if isinstance(v, Decimal) else v for v in row[:-1]), created)
                     for row in batch])
            done += len(batch)
    return done


def time_table(runs: int) -> None:
    from learnlink.alliance.models import Alliance
    from learnlink.impact.report import Period, impact_table

    alliance = Alliance.objects.get(slug="ciat-crs-east-africa")
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        table = impact_table(alliance, Period.of(alliance))
        samples.append(time.perf_counter() - started)
    totals = table.as_json()["totals"]
    print(f"impact table: first={samples[0] * 1000:.0f} ms "
          f"median={statistics.median(samples) * 1000:.0f} ms max={max(samples) * 1000:.0f} ms "
          f"over {runs} runs")
    print(f"totals: {totals}")


if __name__ == "__main__":
    main()
