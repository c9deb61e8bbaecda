"""A practice or a story in the reader's language: its other versions this reader may read,
and whether none of them is in the language the page is shown in (the page then says so).

A translation points to its original (`translation_of`); the versions are the original and
every translation of it, read in one query and only where the reader may read them (a draft
original is not linked from its published translation).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from learnlink.knowledge.models import Practice, Story


def reader_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def versions(item: Practice | Story, readable: QuerySet[Any]) -> dict[str, Any]:
    """The page's "translations" (the other versions) and "untranslated" (none is in the
    reader's language), for its context."""
    original = item.translation_of_id or item.pk
    family = list(readable.filter(Q(pk=original) | Q(translation_of_id=original))
                  .exclude(pk=item.pk).order_by("language"))
    language = reader_language()
    return {"translations": family,
            "untranslated": all(version.language != language for version in [item, *family])}
