"""The mail of learning contracts, for the catalogue (learnlink.lib.emails): the offer to an
organisation, and the answer to a reply. Samples from the demo network's orange growers,
built without the database."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models import Group
from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute
from learnlink.mentoring.contracts.actions import default_commitments
from learnlink.mentoring.models import AgreedVia, Contract, ContractAgreement
from learnlink.people.models import Person

GROUP = "Machungwa Muheza: kuuza pamoja"
ORGANISATION = "Kicheba Orange Growers Group"


def _contract() -> Contract:
    return Contract(pk=1, group=Group(name=GROUP, slug="oranges-muheza"),
                    title="Mkataba wa kujifunza 2026", starts=datetime.date(2026, 1, 1),
                    ends=datetime.date(2026, 12, 31))


def _offer() -> dict[str, Any]:
    return {"contract": _contract(), "group": GROUP, "organisation": ORGANISATION,
            "mentor": "Zuhura Shemdoe", "commitments": [c.text for c in default_commitments()],
            "page": absolute("/mentoring/contracts/1/"),
            "address": "contract-0123456789abcdef0123@learnlink.localhost",
            "until": datetime.date(2026, 12, 31)}


def _answer(outcome: str = "agreed") -> dict[str, Any]:
    agreement = ContractAgreement(agreed_by=Person(name="Athumani Kaniki"),
                                  agreed=timezone.now(), via=AgreedVia.MAIL)
    return {"outcome": outcome, "address": "kicheba.oranges@example.net",
            "contract": _contract(), "group": GROUP, "organisation": ORGANISATION,
            "agreement": agreement, "page": absolute("/mentoring/contracts/1/")}


KINDS = [
    Kind("mentoring", "contract_offer",
         _("the people of a group's organisation, offered its learning contract"), _offer),
    Kind("mentoring", "contract_answer",
         _("whoever replied to a contract's offer: what became of their reply"), _answer),
]
