"""What is wrong with a diffusion record, as sentences a form shows next to the fields.

Returned, not raised: a person editing a practice's adoptions sees every problem at once and
fixes them together, and nothing is saved until the list is empty.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from learnlink.knowledge.diffusion.records import Adoption, Diffusion


def problems(diffusion: Diffusion) -> list[str]:
    """Every problem: adoptions dated before the origin, "learned from" naming no adoption of
    this practice, and cycles of "learned from" (each cycle said once)."""
    return [*_too_early(diffusion), *_unknown_teachers(diffusion), *_cycles(diffusion)]


def _too_early(diffusion: Diffusion) -> list[str]:
    origin = diffusion.origin
    return [_("%(adopter)s is dated %(date)s, before the practice began at %(origin)s on "
              "%(origin_date)s.") % {"adopter": _name(adoption), "date": adoption.date.isoformat(),
                                     "origin": origin.organisation,
                                     "origin_date": origin.date.isoformat()}
            for adoption in diffusion.adoptions if adoption.date < origin.date]


def _unknown_teachers(diffusion: Diffusion) -> list[str]:
    keys = {adoption.key for adoption in diffusion.adoptions}
    return [_("%(adopter)s learned from “%(teacher)s”, which is not an adoption of this "
              "practice.") % {"adopter": _name(adoption), "teacher": adoption.learned_from}
            for adoption in diffusion.adoptions
            if adoption.learned_from is not None and adoption.learned_from not in keys]


def _cycles(diffusion: Diffusion) -> list[str]:
    by_key = {adoption.key: adoption for adoption in diffusion.adoptions}
    cleared: set[str] = set()  # known to lead back to the origin, or already reported
    found = []
    for adoption in diffusion.adoptions:
        path: list[str] = []
        key: str | None = adoption.key
        while key is not None and key in by_key and key not in cleared and key not in path:
            path.append(key)
            key = by_key[key].learned_from
        if key in path:
            loop = [*path[path.index(key):], key]
            found.append(_("“Learned from” goes round in a circle: %(circle)s. Each adopter "
                           "must lead back to the origin.")
                         % {"circle": " → ".join(_name(by_key[step]) for step in loop)})
        cleared.update(path)
    return found


def _name(adoption: Adoption) -> str:
    return f"{adoption.organisation} ({adoption.place})"
