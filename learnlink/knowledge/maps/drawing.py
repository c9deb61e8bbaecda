"""The map as an inline <svg>: outlines, lakes, country names, lines from where a practice
began to where it was taken up, and a dot for each place.

No JavaScript and no external file: the page carries the map itself and it scales to the
phone's width (width 100 % and a viewBox). Colour is never the only cue: the origin is a
diamond and adopters are circles, each dot has a visible name and a <title> that says what it
is, and a legend under the map names both shapes.

Each country is a path of its own and each dot carries the country its place is filed under
(`data-country`), so a browser test can check that every dot falls inside its country's
outline: a wrong latitude in the directory shows as a dot in the wrong country."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from learnlink.knowledge.maps.labels import Box, Label, place, text_box
from learnlink.knowledge.maps.outlines import Outline, Ring, outlines
from learnlink.knowledge.maps.projection import WIDTH, Projection

ORIGIN, ADOPTER = "origin", "adopter"
LEGEND = 60.0  # map units under the map for the legend
DOT = 15.0  # a dot's radius, in map units (WIDTH across: about 5 px on a 360 px phone)
TEXT = 30.0  # font size of names, in map units (about 11 px on a 360 px phone)
LABELLED_AREA = 4.0  # square degrees: smaller countries (Rwanda, Burundi) go unnamed
CAPITALS = 1.3  # a name in spaced capitals is about as wide as in letters this much larger
HALO = 'stroke="#fff" stroke-width="6" paint-order="stroke"'


@dataclass(frozen=True)
class Dot:
    """A place on the map: what to call it, where it is, and whether the practice began
    (ORIGIN) or was taken up (ADOPTER) there."""

    label: str
    latitude: float
    longitude: float
    kind: str = ADOPTER
    country: str = ""


def map_svg(dots: Sequence[Dot], title: str, *, lines: bool = True) -> SafeString:
    """The map around the dots, ready to put in a page; `lines` joins each origin to each
    adopter."""
    dots = _merged(dots)
    view = Projection.around((dot.latitude, dot.longitude) for dot in dots)
    height = view.height + LEGEND
    points = [view.point(dot.latitude, dot.longitude) for dot in dots]
    labels = place(points, [dot.label for dot in dots], size=TEXT, gap=DOT,
                   width=WIDTH, height=view.height)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(WIDTH)} {_n(height)}" '
        f'width="100%" class="map" font-family="sans-serif" font-size="{_n(TEXT)}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{_n(WIDTH)}" height="{_n(height)}" fill="#d8eaf2"/>',
        *_outlines(view),
        f'<rect y="{_n(view.height)}" width="{_n(WIDTH)}" height="{_n(LEGEND)}" fill="#fff"/>',
        *_country_names(view, [label.box for label in labels]
                        + [Box(x - DOT, y - DOT, x + DOT, y + DOT) for x, y in points]),
    ]
    if lines:
        parts.extend(_lines(view, dots))
    parts.extend(_dot(dot, point, label)
                 for dot, point, label in zip(dots, points, labels, strict=True))
    parts.extend(_legend(view.height))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every text in it went through escape()


def _merged(dots: Sequence[Dot]) -> list[Dot]:
    """One dot for the organisations of one kind at one place (three Soroti associations took
    up warehouse receipts): their names joined, rather than dots drawn on top of each other."""
    places: dict[tuple[str, float, float], list[Dot]] = {}
    for dot in dots:
        places.setdefault((dot.kind, round(dot.latitude, 3), round(dot.longitude, 3)),
                          []).append(dot)
    return [Dot("; ".join(d.label for d in same), same[0].latitude, same[0].longitude,
                same[0].kind, same[0].country) for same in places.values()]


def _outlines(view: Projection) -> list[str]:
    """Countries, a path each named by `data-country`, then lakes over them (the countries'
    outlines run through the lakes)."""
    shown = [o for o in outlines() if view.overlaps(o.bounds())]
    countries = "".join(
        f'<path data-country="{escape(o.name)}" d="'
        + "".join(_ring(view, r) for polygon in o.polygons for r in polygon) + '"/>'
        for o in shown if o.kind == "country")
    lakes = "".join(_ring(view, r) for o in shown if o.kind == "lake"
                    for polygon in o.polygons for r in polygon)
    return [f'<g fill="#f5f1e6" stroke="#8c8c8c" stroke-width="2" fill-rule="evenodd" '
            f'stroke-linejoin="round">{countries}</g>',
            f'<path d="{lakes}" fill="#a9cfe0" stroke="#7aa9bf" stroke-width="1.5"/>']


def _ring(view: Projection, ring: Ring) -> str:
    """One closed ring as path data, points rounded to a tenth of a unit (a thousandth of the
    map's width) and repeats after rounding left out."""
    points: list[str] = []
    for longitude, latitude in ring:
        x, y = view.point(latitude, longitude)
        point = f"{_n(x)},{_n(y)}"
        if not points or points[-1] != point:
            points.append(point)
    return "M" + " ".join(points) + "Z"


def _country_names(view: Projection, taken: list[Box]) -> list[str]:
    """Names of the countries large enough to carry one, at the centre or a line or two above
    or below it, wherever no place's dot or name is."""
    names = []
    for country in outlines():
        spot = _label_spot(country) if country.kind == "country" else None
        if spot is None:
            continue
        x, middle = view.point(*spot)
        for y in (middle, middle + 2 * TEXT, middle - 2 * TEXT):
            box = text_box(x, y, country.name, TEXT * CAPITALS, "middle")
            if box.within(WIDTH, view.height) and not any(box.meets(b) for b in taken):
                names.append(f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="middle" '
                             f'fill="#6b6b6b" letter-spacing="2">'
                             f"{escape(country.name.upper())}</text>")
                break
    return names


def _label_spot(country: Outline) -> tuple[float, float] | None:
    """(latitude, longitude) of the centre of the country's largest polygon, if that polygon
    is large enough to carry a name and its centre falls inside it (not so for a crescent)."""
    ring = max((polygon[0] for polygon in country.polygons), key=lambda r: abs(_area(r)))
    area = _area(ring)
    if abs(area) < LABELLED_AREA:
        return None
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    latitude, longitude = cy / (6 * area), cx / (6 * area)
    return (latitude, longitude) if country.contains(latitude, longitude) else None


def _area(ring: Ring) -> float:
    """Signed area in square degrees (the shoelace formula)."""
    return sum(x1 * y2 - x2 * y1
               for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def _lines(view: Projection, dots: Sequence[Dot]) -> list[str]:
    origins = [view.point(d.latitude, d.longitude) for d in dots if d.kind == ORIGIN]
    adopters = [view.point(d.latitude, d.longitude) for d in dots if d.kind != ORIGIN]
    if not origins or not adopters:
        return []
    d = "".join(f"M{_n(x1)},{_n(y1)}L{_n(x2)},{_n(y2)}"
                for x1, y1 in origins for x2, y2 in adopters)
    return [f'<path d="{d}" fill="none" stroke="#555" stroke-width="3" '
            'stroke-dasharray="10 7"/>']


def _dot(dot: Dot, point: tuple[float, float], label: Label) -> str:
    """The dot's shape, its name where the labels put it, and its title."""
    anchor = ' text-anchor="end"' if label.anchor == "end" else ""
    country = f' data-country="{escape(dot.country)}"' if dot.country else ""
    return (f'<g class="dot {escape(dot.kind)}"{country}><title>{escape(dot.label)}: '
            f"{escape(_kind_name(dot.kind))}</title>{_shape(dot.kind, *point)}"
            f'<text x="{_n(label.x)}" y="{_n(label.y)}"{anchor} {HALO}>{escape(label.text)}'
            "</text></g>")


def _shape(kind: str, x: float, y: float) -> str:
    """A red diamond for the origin, a blue circle for an adopter, both edged in white so
    they stand out on the outlines and the lines."""
    if kind == ORIGIN:
        r = DOT * math.sqrt(2)
        return (f'<path d="M{_n(x)},{_n(y - r)}L{_n(x + r)},{_n(y)}L{_n(x)},{_n(y + r)}'
                f'L{_n(x - r)},{_n(y)}Z" fill="#b3261e" stroke="#fff" stroke-width="3"/>')
    return (f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(DOT)}" fill="#1f5fbf" stroke="#fff" '
            'stroke-width="3"/>')


def _legend(top: float) -> list[str]:
    y = top + LEGEND / 2
    return [_shape(ORIGIN, 2 * DOT, y),
            f'<text x="{_n(4 * DOT)}" y="{_n(y + TEXT / 3)}">{escape(_kind_name(ORIGIN))}</text>',
            _shape(ADOPTER, WIDTH / 2, y),
            f'<text x="{_n(WIDTH / 2 + 2 * DOT)}" y="{_n(y + TEXT / 3)}">'
            f"{escape(_kind_name(ADOPTER))}</text>"]


def _kind_name(kind: str) -> str:
    return _("where it began") if kind == ORIGIN else _("where it was taken up")


def _n(value: float) -> str:
    """A coordinate to a tenth, without a useless ".0": the map's bytes are mostly these."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
