"""Who learned from whom: the tree the graph draws and the GraphML export writes.

An adoption hangs under the adoption it learned from; one that names no adoption, or one that
does not exist, hangs under the origin. Validation refuses cycles, but the drawing must never
loop or lose a node on data it has not seen yet, so a cycle is broken at its earliest adoption,
which then hangs under the origin too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from learnlink.knowledge.diffusion.records import Adoption, Diffusion


@dataclass(frozen=True)
class Placed:
    """An adoption in the tree: its generation (1 learned from the origin) and its parent's
    key (None: the origin)."""

    adoption: Adoption
    generation: int
    parent: str | None


def in_order(adoptions: tuple[Adoption, ...] | list[Adoption]) -> list[Adoption]:
    """By date, then by key, so the same data always draws the same picture."""
    return sorted(adoptions, key=lambda adoption: (adoption.date, adoption.key))


def tree(diffusion: Diffusion) -> list[Placed]:
    """Every adoption once, depth first (a parent before its children, siblings by date)."""
    keys = {adoption.key for adoption in diffusion.adoptions}
    children: dict[str | None, list[Adoption]] = {}
    for adoption in in_order(diffusion.adoptions):
        parent = adoption.learned_from if adoption.learned_from in keys else None
        children.setdefault(parent, []).append(adoption)
    placed: list[Placed] = []
    seen: set[str] = set()
    # The origin's own learners first; then any adoption a cycle kept out of reach.
    for start in children.get(None, []) + in_order(diffusion.adoptions):
        if start.key not in seen:
            placed.extend(_descend(start, children, seen))
    return placed


def _descend(start: Adoption, children: dict[str | None, list[Adoption]],
             seen: set[str]) -> Iterator[Placed]:
    stack: list[tuple[Adoption, int, str | None]] = [(start, 1, None)]
    while stack:
        adoption, generation, parent = stack.pop()
        if adoption.key in seen:
            continue
        seen.add(adoption.key)
        yield Placed(adoption, generation, parent)
        below = children.get(adoption.key, [])
        stack.extend((child, generation + 1, adoption.key) for child in reversed(below))
