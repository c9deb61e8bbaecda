"""The network report's measures: how far and how fast each practice travelled, across how
many countries, and which channels (threads, introductions, workshops, visits) led to
adoptions. Pure arithmetic over `Diffusion` records, so the report page, the API and the tests
compute the same figures.

Distance and countries count every adoption, whatever its status: the idea reached them.
Channels count only the adoptions that took the practice up (adopted or adapted), since that is
what the network wants to learn from. Places without coordinates are left out of distances.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from learnlink.knowledge.diffusion.lineage import in_order
from learnlink.knowledge.diffusion.records import TOOK_IT_UP, Adoption, Diffusion, Origin

EARTH_RADIUS_KM = 6371.0
DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class Arrival:
    """The first adoption in a country the practice had not reached before."""

    country: str
    organisation: str
    days: int  # from the origin's date
    km: float | None
    km_per_year: float | None  # None when the distance is unknown or it arrived the same day


@dataclass(frozen=True)
class Reach:
    """One practice's journey in figures."""

    practice_title: str
    furthest_km: float | None
    furthest: str | None  # the organisation furthest from the origin
    furthest_days: int | None  # from the origin's date to that organisation's adoption
    countries: int  # the origin's country included
    arrivals: tuple[Arrival, ...]  # into each new country, in date order
    days_to_adoptions: tuple[tuple[str, int], ...]  # each adopter and its days from the origin

    @property
    def km_per_year(self) -> float | None:
        """How fast it reached its furthest adopter; None if unknown or on the origin's day."""
        if self.furthest_km is None or not self.furthest_days or self.furthest_days < 0:
            return None
        return self.furthest_km / (self.furthest_days / DAYS_PER_YEAR)


@dataclass(frozen=True)
class NetworkReport:
    reaches: tuple[Reach, ...]  # travelled furthest first, then fastest
    channels: tuple[tuple[str, int], ...]  # channel and adoptions it led to, most first


def haversine_km(start: tuple[float, float], end: tuple[float, float]) -> float:
    """The great-circle distance between two (latitude, longitude) points, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*start, *end))
    a = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def distance_km(origin: Origin, adoption: Adoption) -> float | None:
    """From the origin to an adopter, or None when either place lacks coordinates."""
    if (origin.latitude is None or origin.longitude is None
            or adoption.latitude is None or adoption.longitude is None):
        return None
    return haversine_km((origin.latitude, origin.longitude),
                        (adoption.latitude, adoption.longitude))


def reach(diffusion: Diffusion) -> Reach:
    origin = diffusion.origin
    adoptions = in_order(diffusion.adoptions)
    measured = [(km, adoption) for adoption in adoptions
                if (km := distance_km(origin, adoption)) is not None]
    furthest = max(measured, key=lambda pair: pair[0], default=None)
    return Reach(
        practice_title=diffusion.practice_title,
        furthest_km=furthest[0] if furthest else None,
        furthest=furthest[1].organisation if furthest else None,
        furthest_days=(furthest[1].date - origin.date).days if furthest else None,
        countries=len({origin.country, *(adoption.country for adoption in adoptions)}),
        arrivals=tuple(_arrivals(origin, adoptions)),
        days_to_adoptions=tuple((adoption.organisation, (adoption.date - origin.date).days)
                                for adoption in adoptions))


def _arrivals(origin: Origin, adoptions: list[Adoption]) -> Iterable[Arrival]:
    reached = {origin.country}
    for adoption in adoptions:
        if adoption.country in reached:
            continue
        reached.add(adoption.country)
        days = (adoption.date - origin.date).days
        km = distance_km(origin, adoption)
        speed = km / (days / DAYS_PER_YEAR) if km is not None and days > 0 else None
        yield Arrival(adoption.country, adoption.organisation, days, km, speed)


def channel_counts(diffusions: Iterable[Diffusion]) -> tuple[tuple[str, int], ...]:
    """How many adoptions (adopted or adapted) each channel led to, most first."""
    counted = Counter(adoption.channel for diffusion in diffusions
                      for adoption in diffusion.adoptions if adoption.status in TOOK_IT_UP)
    return tuple(sorted(counted.items(), key=lambda pair: (-pair[1], pair[0])))


def network_report(diffusions: Iterable[Diffusion]) -> NetworkReport:
    """Every practice's reach in `report_order`, and the channels that led to adoptions."""
    given = list(diffusions)
    reaches = sorted((reach(diffusion) for diffusion in given), key=report_order)
    return NetworkReport(tuple(reaches), channel_counts(given))


def report_order(found: Reach) -> tuple[float, float, str]:
    """The furthest travelled first and, at equal distance, the fastest there; a practice
    with no known distance comes last."""
    return (-(found.furthest_km or -1.0), -(found.km_per_year or -1.0), found.practice_title)
