"""Learning alliances: who takes part and in which role, and the dated rates money is counted in."""

from learnlink.alliance.models.alliances import (
    Alliance,
    Participant,
    ParticipantRole,
    Partner,
    PartnerRole,
    Visibility,
)
from learnlink.alliance.models.rates import ExchangeRate

__all__ = [
    "Alliance",
    "ExchangeRate",
    "Participant",
    "ParticipantRole",
    "Partner",
    "PartnerRole",
    "Visibility",
]
