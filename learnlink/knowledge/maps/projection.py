"""From latitude and longitude to the map's own units.

Equirectangular with the longitudes shrunk by cos(latitude) at the middle of the view: East
Africa lies astride the equator (the network's districts run from 2°N to 11°S), where cos
changes by under 2 %, so shapes and distances stay within a few percent of the truth without a
projection library, and a straight line on the map is near enough the way one travels. The
view fits the dots with a margin, and never shrinks below a span that still shows the
neighbouring countries around a single dot."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

WIDTH = 1000.0  # the viewBox's width in map units; heights follow the view's shape
MARGIN = 1.5  # degrees around the outermost dots
MIN_SPAN = 6.0  # degrees, north to south and west to east
EAST_AFRICA = (-12.0, 29.0, 5.0, 42.0)  # south, west, north, east: the view with no dots
SHAPES = (0.6, 1.25)  # the flattest and the tallest view, as height over width: a phone shows
# the map whole, without scrolling, and a line of dots still shows the land either side


@dataclass(frozen=True)
class Projection:
    """A view of the earth between these latitudes and longitudes, WIDTH units across."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: Iterable[tuple[float, float]]) -> Projection:
        """The view that holds every (latitude, longitude) with the margin, in a shape between
        SHAPES; East Africa as a whole when there is none."""
        points = list(points)
        if not points:
            return cls(*EAST_AFRICA).shaped()
        south, north = _span(min(p[0] for p in points), max(p[0] for p in points))
        west, east = _span(min(p[1] for p in points), max(p[1] for p in points))
        return cls(south, west, north, east).shaped()

    def shaped(self) -> Projection:
        """This view widened, or heightened, about its middle to the tallest or flattest
        shape allowed."""
        south, west, north, east = self.south, self.west, self.north, self.east
        tall = self.height / WIDTH
        if tall > SHAPES[1]:
            west, east = _widen(west, east, (tall / SHAPES[1] - 1) * (east - west))
        elif tall < SHAPES[0]:
            south, north = _widen(south, north, (SHAPES[0] / tall - 1) * (north - south))
        return Projection(south, west, north, east)

    @property
    def _shrink(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    @property
    def _scale(self) -> float:
        """Map units per degree of latitude."""
        return WIDTH / ((self.east - self.west) * self._shrink)

    @property
    def height(self) -> float:
        return (self.north - self.south) * self._scale

    def point(self, latitude: float, longitude: float) -> tuple[float, float]:
        return ((longitude - self.west) * self._shrink * self._scale,
                (self.north - latitude) * self._scale)

    def overlaps(self, bounds: tuple[float, float, float, float]) -> bool:
        """Whether a (west, south, east, north) box shows in the view at all."""
        west, south, east, north = bounds
        return west < self.east and east > self.west and south < self.north and north > self.south


def _span(low: float, high: float) -> tuple[float, float]:
    """Widen [low, high] by the margin, then to the least span, about its middle."""
    low, high = low - MARGIN, high + MARGIN
    return _widen(low, high, max(0.0, MIN_SPAN - (high - low)))


def _widen(low: float, high: float, by: float) -> tuple[float, float]:
    return low - by / 2, high + by / 2
