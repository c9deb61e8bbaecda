"""Slugs for the directory's addresses (/people/asha-mwema/), unique even when names repeat."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify

from learnlink.lib.fields import max_length


def unique_slug(model: type[models.Model], text: str) -> str:
    """slugify(text), with -2, -3 ... appended when another row of `model` has that slug already.

    Two farmer groups or two people often share a name; each still needs its own address. A name
    with no Latin letters at all falls back to the model's name ("person-2").
    """
    base = (slugify(text)[: max_length(model, "slug") - 4].strip("-")
            or model._meta.model_name or "item")
    taken = set(model._default_manager.filter(slug__startswith=base)
                .values_list("slug", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate
