"""The mentors' records: each tool's models live in a module of their own, named for it."""

from learnlink.mentoring.models.introductions import Introduction, IntroductionReply

__all__ = ["Introduction", "IntroductionReply"]
