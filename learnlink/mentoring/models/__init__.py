"""The mentors' records: each tool's models live in a module of their own, named for it."""

from learnlink.mentoring.models.cleanup import Action, CleanupEntry, SplitSuggestion, Touch
from learnlink.mentoring.models.introductions import Introduction, IntroductionReply
from learnlink.mentoring.models.syntheses import Scope, Synthesis, Version

__all__ = [
    "Action",
    "CleanupEntry",
    "Introduction",
    "IntroductionReply",
    "Scope",
    "SplitSuggestion",
    "Synthesis",
    "Touch",
    "Version",
]
