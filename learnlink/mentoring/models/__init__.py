"""The mentors' records: each tool's models live in a module of their own, named for it."""

from learnlink.mentoring.models.writeups import (
    Action,
    Comment,
    Event,
    Origin,
    State,
    Version,
    Via,
    WriteUp,
)

__all__ = ["Action", "Comment", "Event", "Origin", "State", "Version", "Via", "WriteUp"]
