from learnlink.knowledge.models.diffusion import (
    Adoption,
    AdoptionStatus,
    Channel,
    PracticeOrigin,
)
from learnlink.knowledge.models.practices import Practice, PracticeQuerySet, PracticeState

__all__ = ["Adoption", "AdoptionStatus", "Channel", "Practice", "PracticeOrigin",
           "PracticeQuerySet", "PracticeState"]
