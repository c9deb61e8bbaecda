"""The diffusion graph as an SVG drawn on the server: no JavaScript, readable on a 360 px phone.

A wide layered tree shrinks to unreadable text on a phone, so the layers (generations) are
drawn as steps to the right and the adoptions one under the other, in date order: each row is
as wide as the screen and the SVG only grows downwards. Each box says organisation, place and
year, and its status in words (the border's dash repeats it, never colour alone); the edge into
a box is labelled with the channel through which they heard of it. Names too long for a box are
cut with an ellipsis and each box's <title> holds the whole record. The picture has an accessible
name (role="img" with a <title>); the timeline beside it is the text a screen reader follows.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # builds our own SVG, parses nothing

from django.utils.translation import gettext as _

from learnlink.knowledge.diffusion.lineage import Placed, tree
from learnlink.knowledge.diffusion.records import Diffusion, Status
from learnlink.knowledge.diffusion.xmltext import xml_text

WIDTH = 360  # the viewBox's width: one unit is one pixel on a small phone
MARGIN = 4
INDENT = 22  # how far each generation steps right
MIN_BOX = 210  # a box never narrower; deeper trees widen the viewBox instead
BOX_HEIGHT = 52
GAP = 20  # between rows: room for the channel's label
LINE = 15
CHAR = 6.6  # the average width of a 12 px sans-serif character, to cut names that overflow
GREEN = "#1b5e20"
DASHES: dict[str, str] = {Status.INTERESTED: "2 3", Status.TRYING: "6 3", Status.ABANDONED: "1 4"}


def graph_svg(diffusion: Diffusion) -> str:
    """The SVG element, to put inline in a page (no XML declaration)."""
    placed = tree(diffusion)
    deepest = max((place.generation for place in placed), default=0)
    width = max(WIDTH, 2 * MARGIN + INDENT * deepest + MIN_BOX)
    height = 2 * MARGIN + BOX_HEIGHT + len(placed) * (GAP + BOX_HEIGHT)
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {width} {height}",
        "width": "100%", "role": "img", "font-family": "sans-serif", "font-size": "12"})
    _text(svg, "title", _("How %(practice)s travelled from %(origin)s to %(count)s adopters")
          % {"practice": diffusion.practice_title, "origin": diffusion.origin.organisation,
             "count": len(placed)})
    edges = ET.SubElement(svg, "g", {"fill": "none", "stroke": GREEN})
    origin = diffusion.origin
    _box(svg, (MARGIN, MARGIN, width - 2 * MARGIN), "#e8f5e9", None,
         [origin.organisation, f"{origin.place}, {origin.country} · {origin.date.year}",
          _("Origin")],
         " — ".join([_("Origin"), origin.organisation, origin.place, origin.country,
                     origin.date.isoformat()]))
    rows: dict[str | None, int] = {None: MARGIN}  # each box's top, by adoption key
    for row, place in enumerate(placed, start=1):
        y = MARGIN + row * (GAP + BOX_HEIGHT)
        rows[place.adoption.key] = y
        x = MARGIN + INDENT * place.generation
        _edge(edges, svg, diffusion, place, (x, y, rows[place.parent]))
        _node(svg, diffusion, place, (x, y, width - MARGIN - x))
    return ET.tostring(svg, encoding="unicode")


def _node(svg: ET.Element, diffusion: Diffusion, place: Placed, box: tuple[int, int, int]) -> None:
    adoption = place.adoption
    status = diffusion.label(adoption.status)
    described = f"{status}: {adoption.adaptation}" if adoption.adaptation else status
    whole = [adoption.organisation, adoption.place, adoption.country,
             adoption.date.isoformat(), described, diffusion.label(adoption.channel)]
    fill = "#eeeeee" if adoption.status == Status.ABANDONED else "#ffffff"
    _box(svg, box, fill, DASHES.get(adoption.status),
         [adoption.organisation, f"{adoption.place}, {adoption.country} · {adoption.date.year}",
          described], " — ".join(whole))


def _box(svg: ET.Element, box: tuple[int, int, int], fill: str, dashes: str | None,
         lines: list[str], whole: str) -> None:
    x, y, width = box
    group = ET.SubElement(svg, "g")
    _text(group, "title", whole)
    frame = {"x": str(x), "y": str(y), "width": str(width), "height": str(BOX_HEIGHT),
             "rx": "4", "fill": fill, "stroke": GREEN}
    if dashes:
        frame["stroke-dasharray"] = dashes
    ET.SubElement(group, "rect", frame)
    fits = int((width - 12) / CHAR)
    for number, line in enumerate(lines):
        attributes = {"x": str(x + 6), "y": str(y + 16 + number * LINE)}
        if number == 0:
            attributes["font-weight"] = "bold"
        _text(group, "text", _cut(line, fits), attributes)


def _edge(edges: ET.Element, svg: ET.Element, diffusion: Diffusion, place: Placed,
          points: tuple[int, int, int]) -> None:
    """An elbow from under the teacher's box down and right into the learner's, and the
    channel written just above the learner's box."""
    x, y, parent_y = points
    down = x - INDENT + 10
    ET.SubElement(edges, "path", {
        "d": f"M{down},{parent_y + BOX_HEIGHT}V{y + BOX_HEIGHT // 2}H{x}"})
    _text(svg, "text", diffusion.label(place.adoption.channel),
          {"x": str(x + 4), "y": str(y - 5), "font-size": "11", "font-style": "italic"})


def _text(parent: ET.Element, tag: str, text: str,
          attributes: dict[str, str] | None = None) -> None:
    ET.SubElement(parent, tag, attributes or {}).text = xml_text(text)


def _cut(text: str, fits: int) -> str:
    return text if len(text) <= fits else text[:fits - 1].rstrip() + "…"
