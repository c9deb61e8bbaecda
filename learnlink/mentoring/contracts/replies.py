"""Mail to a contract offer's reply address, `contract-TOKEN@` the mail domain.

The token names one offer: one organisation, one contract. A reply that says "I agree" (on a
line of its own: agreement.py) from the address of one of that organisation's people records
its agreement, naming them and when they wrote. Every reply gets an answer by mail saying what
became of it, and nothing else happens: a sender who is not of the organisation (quarantined,
for a mentor to see), a reply that does not say it agrees (quarantined: it may be a question),
an organisation that had agreed already, an address past the contract's end or that names no
offer (rejected). Automatic replies are answered by nobody (mail.inbox.request_to_answer).
"""

from __future__ import annotations

import datetime
import enum
import re
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from learnlink.lib import emails
from learnlink.lib.links import absolute
from learnlink.mail.inbox import finish, request_within_limit
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.mail.routing import split_address
from learnlink.mentoring.contracts import actions
from learnlink.mentoring.contracts.agreement import agrees
from learnlink.mentoring.contracts.offering import contract_path
from learnlink.mentoring.models import AgreedVia, ContractOffer
from learnlink.mentoring.models.contract_offers import ADDRESS_PREFIX
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Affiliation, Person
from learnlink.people.person_language import language_of

ANSWER = "mentoring.contract_answer"
_LOCAL = re.compile(rf"^{ADDRESS_PREFIX}([0-9a-f]{{20}})$")


class Outcome(enum.StrEnum):
    AGREED = "agreed"
    ALREADY = "already"
    NOT_OF_ORGANISATION = "stranger"
    NO_AGREEMENT = "unclear"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


STATES = {Outcome.AGREED: State.DONE, Outcome.NOT_OF_ORGANISATION: State.QUARANTINED,
          Outcome.NO_AGREEMENT: State.QUARANTINED}  # anything else: rejected


def is_offer_address(local: str, _domain: str = "") -> bool:
    return _LOCAL.match(local) is not None


def offer_at(local: str) -> ContractOffer | None:
    found = _LOCAL.match(local.lower())
    return (ContractOffer.objects.select_related("contract__group", "organisation")
            .filter(token=found.group(1)).first()) if found else None


def take_reply(inbound: InboundMessage) -> None:
    """The mail route's work for one stored message (see the module's docstring)."""
    parsed = request_within_limit(inbound, "contract-reply")
    if parsed is None:
        return
    offer = offer_at(split_address(inbound.recipient)[0])
    person = person_for_address(parsed.from_address)
    outcome = _outcome(offer, inbound, parsed, person)
    with transaction.atomic():  # the agreement, its answer and the inbox row's end
        if outcome is Outcome.AGREED and offer and person and actions.agree(
                offer, person, AgreedVia.MAIL, _written(offer, inbound, parsed)) is None:
            outcome = Outcome.ALREADY
        _answer(parsed, outcome, offer, person)
        finish(inbound, STATES.get(outcome, State.REJECTED), _reason(outcome, offer, parsed))


def _outcome(offer: ContractOffer | None, inbound: InboundMessage, parsed: ParsedMessage,
             person: Person | None) -> Outcome:
    if offer is None:
        return Outcome.UNKNOWN
    if inbound.received > offer.takes_agreements_until():
        return Outcome.EXPIRED
    if person is None or not Affiliation.objects.filter(
            person=person, organisation_id=offer.organisation_id).exists():
        return Outcome.NOT_OF_ORGANISATION
    if offer.contract.agreements.filter(organisation_id=offer.organisation_id).exists():
        return Outcome.ALREADY
    return Outcome.AGREED if agrees(parsed.new_text) else Outcome.NO_AGREEMENT


def _written(offer: ContractOffer, inbound: InboundMessage,
             parsed: ParsedMessage) -> datetime.datetime:
    """When the reply was written, as its Date says, kept between the offer and the moment it
    arrived (a wrong clock must not agree before the offer)."""
    arrived = inbound.received or timezone.now()
    return arrived if parsed.date is None else min(max(parsed.date, offer.sent), arrived)


def _answer(parsed: ParsedMessage, outcome: Outcome, offer: ContractOffer | None,
            person: Person | None) -> None:
    """Tell the sender, in their language, what became of their reply."""
    context: dict[str, Any] = {"outcome": outcome.value, "address": parsed.from_address}
    if offer is not None:
        agreement = offer.contract.agreements.select_related("agreed_by").filter(
            organisation_id=offer.organisation_id).first()
        context |= {"contract": offer.contract, "group": offer.contract.group.name,
                    "organisation": offer.organisation.name, "agreement": agreement,
                    "page": absolute(contract_path(offer.contract))}
    emails.send(ANSWER, parsed.from_address, context,
                language_of(person) or settings.LANGUAGE_CODE,
                headers={"In-Reply-To": f"<{parsed.message_id}>",
                         "Auto-Submitted": "auto-replied"})


def _reason(outcome: Outcome, offer: ContractOffer | None, parsed: ParsedMessage) -> str:
    sender = f"from {parsed.from_address}"
    if offer is None:
        return f"{sender}: no contract offer has this address; answered"
    about = f"{offer.organisation.name}, contract {offer.contract_id}"
    return {
        Outcome.AGREED: f"{sender}: agreement recorded ({about})",
        Outcome.ALREADY: f"{sender}: not recorded, {about} had agreed already; answered",
        Outcome.NOT_OF_ORGANISATION: f"{sender}: not recorded, nobody of {about}; answered",
        Outcome.NO_AGREEMENT: f"{sender}: not recorded, no line saying \"I agree\" ({about}); "
                              f"answered",
        Outcome.EXPIRED: f"{sender}: not recorded, the contract ended "
                         f"{offer.contract.ends:%Y-%m-%d} ({about}); answered",
    }[outcome]
