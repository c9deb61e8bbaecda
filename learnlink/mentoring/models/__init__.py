"""The mentors' records: each tool's models live in a module of their own, named for it."""

from learnlink.mentoring.models.dashboard import (
    DashboardSettings,
    MorningSummary,
    Question,
)

__all__ = ["DashboardSettings", "MorningSummary", "Question"]
