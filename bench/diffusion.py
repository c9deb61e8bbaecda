"""How heavy and how slow the diffusion views and exports are, as a practice spreads.

    .venv/bin/python bench/diffusion.py [--runs 50]

For the briefing notes' three stories and for made-up practices of 20, 100 and 500 adoptions
(chains five deep, as introductions pass a practice on), prints the bytes of the graph's SVG,
the timeline's HTML, the CSV and the GraphML, raw and gzipped (what a page or a download
weighs), and the median milliseconds to build the SVG and the report's measures. Pure Python,
no database. Goal: a practice page's graph and timeline together well under the 50 KB page
budget for the dozens of adopters a practice has, and built in a few milliseconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import gzip
import os
import sys

from _setup import ROOT, machine_speed, median_p95

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learnlink.settings")

import django

django.setup()

from learnlink.knowledge.diffusion import (  # noqa: E402
    Adoption,
    Diffusion,
    diffusion_csv,
    diffusion_graphml,
    graph_svg,
    network_report,
    timeline_html,
)
from tests.knowledge.diffusion.stories import BROKERING, SONGEA, STORIES  # noqa: E402


def spread(count: int) -> Diffusion:
    """Brokering deals passed on `count` times, each fifth group learning from the origin."""
    adoptions = tuple(
        Adoption(f"a{number}", f"Farmer group number {number} of the maize network",
                 "Songea", "Tanzania", *SONGEA,
                 datetime.date(2008, 1, 1) + datetime.timedelta(days=number * 9),
                 ("trying", "adopted", "adapted")[number % 3],
                 ("thread", "introduction", "workshop", "visit")[number % 4],
                 adaptation="They sell through their own committee." if number % 3 == 2 else "",
                 learned_from=f"a{number - 1}" if number % 5 else None)
        for number in range(count))
    return dataclasses.replace(BROKERING, adoptions=adoptions)


def sizes(diffusion: Diffusion) -> str:
    parts = {"svg": graph_svg(diffusion).encode(), "timeline": timeline_html(diffusion).encode(),
             "csv": diffusion_csv(diffusion), "graphml": diffusion_graphml(diffusion)}
    return ", ".join(f"{name} {len(data):,} B ({len(gzip.compress(data)):,} gzipped)"
                     for name, data in parts.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    print(machine_speed())
    for story in STORIES:
        print(f"{story.practice_title} ({len(story.adoptions)} adoptions): {sizes(story)}")
    for count in (20, 100, 500):
        practice = spread(count)
        svg, _ = median_p95(lambda practice=practice: graph_svg(practice), runs)
        report, _ = median_p95(lambda practice=practice: network_report([practice] * 10), runs)
        print(f"{count} adoptions: {sizes(practice)}; SVG built in {svg:.2f} ms median, "
              f"the report over 10 such practices in {report:.2f} ms")


if __name__ == "__main__":
    main()
