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
from learnlink.alliance.models.by_mail import DueDateRequest, EndOfCycleMailing
from learnlink.alliance.models.costs import BudgetLine, Commitment, Contribution, Kind
from learnlink.alliance.models.cycles import Cycle, Objective, Stage, Step
from learnlink.alliance.models.documents import GuideDocument
from learnlink.alliance.models.evaluation import (
    Criterion,
    Evaluation,
    EvaluationPolicy,
    PerformanceAction,
    Score,
)
from learnlink.alliance.models.guides import Guide, GuideStep
from learnlink.alliance.models.plans import (
    ActionPlan,
    ReminderEvent,
    Task,
    TaskReminder,
    TaskStatus,
)
from learnlink.alliance.models.rates import ExchangeRate
from learnlink.alliance.models.reflection import Reflection, Synthesis
from learnlink.alliance.models.spaces import Attendance, LearningSpace, SpaceKind

__all__ = [
    "ActionPlan",
    "Alliance",
    "Attendance",
    "BudgetLine",
    "Commitment",
    "Contribution",
    "Criterion",
    "Cycle",
    "DueDateRequest",
    "EndOfCycleMailing",
    "Evaluation",
    "EvaluationPolicy",
    "ExchangeRate",
    "Guide",
    "GuideDocument",
    "GuideStep",
    "Kind",
    "LearningSpace",
    "Objective",
    "Participant",
    "ParticipantRole",
    "Partner",
    "PartnerRole",
    "PerformanceAction",
    "Reflection",
    "ReminderEvent",
    "Score",
    "SpaceKind",
    "Stage",
    "Step",
    "Synthesis",
    "Task",
    "TaskReminder",
    "TaskStatus",
    "Visibility",
]
