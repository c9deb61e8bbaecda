"""Values cut to the length of their column, as the model declares it: the length is written
once, on the field, and a migration that widens a column widens what is kept."""

from __future__ import annotations

from django.db.models import Field, Model


def declared_length(model: type[Model], field: str) -> int | None:
    """The most characters `model.field` holds, or None for a column without a limit."""
    found = model._meta.get_field(field)
    return found.max_length if isinstance(found, Field) else None


def max_length(model: type[Model], field: str) -> int:
    """The most characters `model.field` holds: for a column that must have a limit."""
    length = declared_length(model, field)
    if length is None:
        raise ValueError(f"{model.__name__}.{field} has no max_length")
    return length


def fitted(model: type[Model], field: str, value: str) -> str:
    """`value` cut to what `model.field` holds: for text from mail or a file, where a longer
    value is kept in part rather than refused."""
    return value[:max_length(model, field)]
