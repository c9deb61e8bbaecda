"""The library's list: readable practices narrowed by the filters of its query string. Shared
by the page and the API, so both answer the same question the same way."""

from __future__ import annotations

from typing import Any

from learnlink.knowledge.models import PracticeQuerySet
from learnlink.people.models import Place


def filtered(practices: PracticeQuerySet, filters: dict[str, Any]) -> PracticeQuerySet:
    """`filters` as LibraryFilter cleans them: enterprise and theme (objects or slugs), place
    (an id: the place and every place inside it), lang (a language code)."""
    if filters.get("enterprise"):
        practices = practices.filter(enterprises__slug=str(
            getattr(filters["enterprise"], "slug", filters["enterprise"])))
    if filters.get("theme"):
        practices = practices.filter(themes__slug=str(
            getattr(filters["theme"], "slug", filters["theme"])))
    if filters.get("place"):
        place = Place(pk=filters["place"])
        practices = practices.filter(place_id__in=Place.objects.descendant_ids(place))
    if filters.get("lang"):
        practices = practices.filter(language=filters["lang"])
    return practices.distinct().for_list()
