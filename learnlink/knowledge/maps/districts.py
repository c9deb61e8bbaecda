"""Where the demo directory's districts lie (data/districts.csv): one point per district, its
town or seat, so the knowledge app can give the directory's places the latitude and longitude
they lack, and tests can check each one falls in its own country's outline."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DISTRICTS = Path(__file__).with_name("data") / "districts.csv"


@dataclass(frozen=True)
class District:
    """A place path as the directory writes it ("Tanzania / Tanga / Muheza") and its point."""

    place: str
    latitude: float
    longitude: float
    point: str  # which spot the coordinates name, e.g. the district's seat

    @property
    def country(self) -> str:
        return self.place.split(" / ", 1)[0]


@cache
def districts() -> tuple[District, ...]:
    with DISTRICTS.open(encoding="utf-8", newline="") as rows:
        return tuple(District(row["place"], float(row["latitude"]), float(row["longitude"]),
                              row["point"]) for row in csv.DictReader(rows))
