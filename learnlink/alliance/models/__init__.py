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
from learnlink.alliance.models.guides import Guide, GuideStep
from learnlink.alliance.models.rates import ExchangeRate

__all__ = [
    "Alliance",
    "Cycle",
    "ExchangeRate",
    "Guide",
    "GuideStep",
    "Objective",
    "Participant",
    "ParticipantRole",
    "Partner",
    "PartnerRole",
    "Stage",
    "Step",
    "Visibility",
]
