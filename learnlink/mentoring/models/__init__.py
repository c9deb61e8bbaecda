"""The mentors' records: each tool's models live in a module of their own, named for it."""

from learnlink.mentoring.models.resources import (
    LibraryWord,
    Resource,
    ResourceKind,
    ResourceWord,
    ThreadResource,
)
from learnlink.mentoring.models.themes import Theme

__all__ = ["LibraryWord", "Resource", "ResourceKind", "ResourceWord", "Theme", "ThreadResource"]
