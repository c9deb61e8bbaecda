"""The outlines of East Africa's countries and lakes (data/east-africa.geojson, Natural Earth,
public domain), and which country a point lies in.

Read once per process: 16 KB of GeoJSON, about a thousand points."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

OUTLINES = Path(__file__).with_name("data") / "east-africa.geojson"

Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) pairs, as GeoJSON has them
Polygon = tuple[Ring, ...]  # the outer ring, then its holes


@dataclass(frozen=True)
class Outline:
    """One country or lake: its name, kind ("country" or "lake") and polygons."""

    name: str
    kind: str
    polygons: tuple[Polygon, ...]

    def bounds(self) -> tuple[float, float, float, float]:
        """West, south, east, north: lets a map skip what it does not show."""
        longitudes = [x for polygon in self.polygons for x, _ in polygon[0]]
        latitudes = [y for polygon in self.polygons for _, y in polygon[0]]
        return min(longitudes), min(latitudes), max(longitudes), max(latitudes)

    def contains(self, latitude: float, longitude: float) -> bool:
        """Inside one of the polygons' outer rings and in none of that polygon's holes."""
        return any(_in_ring(polygon[0], longitude, latitude)
                   and not any(_in_ring(hole, longitude, latitude) for hole in polygon[1:])
                   for polygon in self.polygons)


@cache
def outlines() -> tuple[Outline, ...]:
    collection = json.loads(OUTLINES.read_text(encoding="utf-8"))
    return tuple(_outline(feature) for feature in collection["features"])


def _outline(feature: dict) -> Outline:
    geometry = feature["geometry"]
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return Outline(
        name=feature["properties"]["name"], kind=feature["properties"]["kind"],
        polygons=tuple(tuple(tuple((float(x), float(y)) for x, y in ring) for ring in polygon)
                       for polygon in polygons))


def country_at(latitude: float, longitude: float) -> str | None:
    """The name of the country whose outline holds the point; None in a lake (the lakes are
    drawn over the countries, whose outlines run through them), at sea or off the map."""
    if any(lake.contains(latitude, longitude) for lake in outlines() if lake.kind == "lake"):
        return None
    return next((country.name for country in outlines()
                 if country.kind == "country" and country.contains(latitude, longitude)), None)


def _in_ring(ring: Ring, x: float, y: float) -> bool:
    """Ray casting: a ray from the point eastwards crosses the ring's edges an odd number of
    times when the point is inside. Each edge counts for the half-open span of latitudes
    [low, high), so a ray through a vertex is counted once."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
