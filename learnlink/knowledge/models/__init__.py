from learnlink.knowledge.models.diffusion import (
    Adoption,
    AdoptionStatus,
    Channel,
    PracticeOrigin,
)
from learnlink.knowledge.models.practices import Practice, PracticeQuerySet, PracticeState
from learnlink.knowledge.models.stories import Question, Story, StoryKind, StoryQuerySet

__all__ = ["Adoption", "AdoptionStatus", "Channel", "Practice", "PracticeOrigin",
           "PracticeQuerySet", "PracticeState", "Question", "Story", "StoryKind",
           "StoryQuerySet"]
