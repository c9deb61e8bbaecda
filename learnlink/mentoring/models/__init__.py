"""The mentors' records: each tool's models live in a module of their own, named for it."""

from learnlink.mentoring.models.agenda import (
    Dialogue,
    DialogueReminder,
    Stage,
    Support,
    Topic,
    TopicChange,
    TopicState,
    Workshop,
)
from learnlink.mentoring.models.cleanup import Action, CleanupEntry, SplitSuggestion, Touch
from learnlink.mentoring.models.contract_offers import ContractOffer
from learnlink.mentoring.models.contracts import (
    AgreedVia,
    CommitmentKind,
    Contract,
    ContractAgreement,
    ContractCommitment,
)
from learnlink.mentoring.models.dashboard import DashboardSettings, MorningSummary, Question
from learnlink.mentoring.models.introductions import Introduction, IntroductionReply
from learnlink.mentoring.models.labels import LabelChange, LabellerRun, MessageLabels, labels_of
from learnlink.mentoring.models.nudges import (
    Nudge,
    NudgeKind,
    NudgeOptOut,
    NudgeSnooze,
    NudgeSummary,
)
from learnlink.mentoring.models.resources import (
    LibraryWord,
    Resource,
    ResourceKind,
    ResourceWord,
    ThreadResource,
)
from learnlink.mentoring.models.syntheses import Scope, Synthesis, Version
from learnlink.mentoring.models.themes import Theme
from learnlink.mentoring.models.writeups import (
    Origin,
    Via,
    WriteUp,
    WriteUpAction,
    WriteUpComment,
    WriteUpEvent,
    WriteUpState,
    WriteUpVersion,
)

__all__ = [
    "Action",
    "AgreedVia",
    "CleanupEntry",
    "CommitmentKind",
    "Contract",
    "ContractAgreement",
    "ContractCommitment",
    "ContractOffer",
    "DashboardSettings",
    "Introduction",
    "IntroductionReply",
    "LabelChange",
    "LabellerRun",
    "LibraryWord",
    "MessageLabels",
    "MorningSummary",
    "Nudge",
    "NudgeKind",
    "NudgeOptOut",
    "NudgeSnooze",
    "NudgeSummary",
    "Origin",
    "Question",
    "Resource",
    "ResourceKind",
    "ResourceWord",
    "Scope",
    "SplitSuggestion",
    "Synthesis",
    "Theme",
    "ThreadResource",
    "Touch",
    "Version",
    "Via",
    "WriteUp",
    "WriteUpAction",
    "WriteUpComment",
    "WriteUpEvent",
    "WriteUpState",
    "WriteUpVersion",
    "labels_of",
]
__all__ += ["Dialogue", "DialogueReminder", "Stage", "Support", "Topic", "TopicChange",
            "TopicState", "Workshop"]
