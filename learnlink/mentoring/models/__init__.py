"""The mentors' records: each tool's models live in a module of their own, named for it."""

from learnlink.mentoring.models.syntheses import Scope, Synthesis, Version

__all__ = ["Scope", "Synthesis", "Version"]
