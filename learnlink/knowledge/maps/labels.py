"""Where the names go: beside each dot, on whichever side neither covers another name or dot
nor runs off the map, so that two places at one latitude (Nyeri and Bushenyi) stay readable.

Text widths are estimated (a sans-serif letter is about half an em wide): the server has no fonts
to measure with, and the estimate only has to keep names apart, not fit them to the pixel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LETTER = 0.5  # a letter's average width, in ems


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def meets(self, other: Box) -> bool:
        return (self.left < other.right and other.left < self.right
                and self.top < other.bottom and other.top < self.bottom)

    def within(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height


@dataclass(frozen=True)
class Label:
    """A name's text (cut short when the map has no room for all of it), its baseline
    anchor (x, y), its text-anchor ("start" or "end") and its box."""

    text: str
    x: float
    y: float
    anchor: str
    box: Box


def text_box(x: float, y: float, text: str, size: float, anchor: str = "start") -> Box:
    """The box a line of text takes, its baseline at y and x at its start, end or middle."""
    width = len(text) * size * LETTER
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return Box(left, y - size * 0.8, left + width, y + size * 0.25)


def place(points: Sequence[tuple[float, float]], texts: Sequence[str], *, size: float,
          gap: float, width: float, height: float) -> list[Label]:
    """A label for each point, tried right, left, then a line above or below on either side;
    the first that fits in the map and is clear of every dot and label placed so far wins, or
    the first inside the map when none is clear. A name too long for either side is cut to
    the wider side, ending in "…" (the dot's title keeps it whole)."""
    taken = [Box(x - gap, y - gap, x + gap, y + gap) for x, y in points]
    labels = []
    for (x, y), text in zip(points, texts, strict=True):
        shift, baseline, step = gap * 1.3, y + size / 3, size * 1.1
        letters = int(max(width - x - shift, x - shift) / (size * LETTER))
        short = text if len(text) <= letters else text[:max(letters - 1, 1)].rstrip() + "…"
        tries = [_label(short, x - shift if anchor == "end" else x + shift, line, size, anchor)
                 for line in (baseline, baseline - step, baseline + step)
                 for anchor in ("start", "end")]
        inside = [t for t in tries if t.box.within(width, height)] or tries
        label = next((t for t in inside if not any(t.box.meets(b) for b in taken)), inside[0])
        taken.append(label.box)
        labels.append(label)
    return labels


def _label(text: str, x: float, y: float, size: float, anchor: str) -> Label:
    return Label(text, x, y, anchor, text_box(x, y, text, size, anchor))
