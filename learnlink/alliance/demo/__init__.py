"""The demo alliance: the first CIAT-CRS learning alliance in East Africa, nine country teams,
March 2003 to October 2004, four 5-day residential courses with practice and reflection between
them. Each part of the alliance app adds its records in its own module."""

from __future__ import annotations

from learnlink.alliance.demo.core import load_core
from learnlink.alliance.demo.plans import load_plans
from learnlink.alliance.demo.review import load_review
from learnlink.alliance.models import Alliance


def load_demo() -> Alliance:
    """Safe to run again: everything is found or created by its natural key."""
    alliance = load_core()
    load_plans(alliance)
    load_review(alliance)
    return alliance
