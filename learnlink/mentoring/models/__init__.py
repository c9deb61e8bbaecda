"""The mentors' records: each tool's models live in a module of their own, named for it."""

from learnlink.mentoring.models.cleanup import Action, CleanupEntry, SplitSuggestion, Touch

__all__ = ["Action", "CleanupEntry", "SplitSuggestion", "Touch"]
