"""Learning alliances: who takes part and in which role, their cycles and objectives, the
guides they learn from, and the dated rates money is counted in."""

from learnlink.alliance.models.alliances import (
    Alliance,
    Participant,
    ParticipantRole,
    Partner,
    PartnerRole,
    Visibility,
)
from learnlink.alliance.models.cycles import Cycle, Objective, Stage, Step
from learnlink.alliance.models.documents import GuideDocument
from learnlink.alliance.models.guides import Guide, GuideStep
from learnlink.alliance.models.plans import (
    ActionPlan,
    ReminderEvent,
    Task,
    TaskReminder,
    TaskStatus,
)
from learnlink.alliance.models.rates import ExchangeRate
from learnlink.alliance.models.spaces import Attendance, LearningSpace, SpaceKind

__all__ = [
    "ActionPlan",
    "Alliance",
    "Attendance",
    "Cycle",
    "ExchangeRate",
    "Guide",
    "GuideDocument",
    "GuideStep",
    "LearningSpace",
    "Objective",
    "Participant",
    "ParticipantRole",
    "Partner",
    "PartnerRole",
    "ReminderEvent",
    "SpaceKind",
    "Stage",
    "Step",
    "Task",
    "TaskReminder",
    "TaskStatus",
    "Visibility",
]
