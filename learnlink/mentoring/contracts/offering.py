"""Who a group's contract is offered to, and the offer's mail.

The parties are the group's learner organisations (the inner circle: observers and mentors
commit to nothing): an organisation that is a learner member itself, whose people all speak for
it, and the organisations of the learners who are members in person, spoken for by those
learners. Each gets one mail per language its people read, To all of them who have a working
address, from (and answered to) the offer's own reply address. It lists the commitments and
the lines that agree, indented, and links to the contract's page, which asks whoever opens it
to sign in: the mail carries nothing that signs anyone in.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from email.utils import formataddr
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from learnlink.exchange.models import Group, Membership, Role
from learnlink.lib import emails
from learnlink.lib.fields import fitted
from learnlink.lib.links import absolute
from learnlink.mentoring.models import Contract, ContractOffer
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Affiliation, Organisation, Person
from learnlink.people.person_language import language_of

OFFER = "mentoring.contract_offer"


@dataclass
class Party:
    organisation: Organisation
    contacts: list[Person] = field(default_factory=list)


def parties(group: Group) -> list[Party]:
    """The group's learner organisations by name, each with its people in the group (two
    queries, whatever the group's size)."""
    learners = Membership.objects.filter(group=group, role=Role.LEARNER)
    affiliations = (Affiliation.objects.filter(
        Q(person_id__in=learners.filter(person__isnull=False).values("person_id"))
        | Q(organisation_id__in=learners.filter(organisation__isnull=False)
            .values("organisation_id")))
        .select_related("organisation", "person").prefetch_related("person__email_addresses")
        .order_by("organisation__name", "person__name"))
    found: dict[int, Party] = {}
    for affiliation in affiliations:
        party = found.setdefault(affiliation.organisation_id, Party(affiliation.organisation))
        party.contacts.append(affiliation.person)
    return list(found.values())


def send(contract: Contract, party: Party, by: Person, sent: datetime.datetime,
         commitments: list[str]) -> ContractOffer | None:
    """Keep the offer and put its mail in the outbox (the caller's transaction); None, and
    nothing kept, when none of the party's people has a working address."""
    by_language = _readers_by_language(party.contacts, contract.group)
    if not by_language:
        return None
    offer = ContractOffer(contract=contract, organisation=party.organisation, sent=sent)
    offer.sent_to = fitted(ContractOffer, "sent_to", ", ".join(
        address for readers in by_language.values() for address in readers))
    offer.save()
    context = mail_context(offer, by.name, commitments)
    sender = formataddr((f"{by.name} (Learnlink)", offer.address))
    for language, readers in by_language.items():
        first, *others = readers
        emails.send(OFFER, first, context, language, from_address=sender, cc=others,
                    reply_to=offer.address)
    return offer


def _readers_by_language(people: list[Person], group: Group) -> dict[str, list[str]]:
    """Each reachable person's name and address under the language they read (the group's,
    for someone whose profile names none Learnlink speaks)."""
    default = group.language if group.language in dict(settings.LANGUAGES) else \
        settings.LANGUAGE_CODE
    readers: dict[str, list[str]] = defaultdict(list)
    for person in people:
        address = delivery_address(person)
        if address:
            readers[language_of(person) or default].append(formataddr((person.name, address)))
    return dict(readers)


def mail_context(offer: ContractOffer, mentor: str, commitments: list[str]) -> dict[str, Any]:
    contract = offer.contract
    return {"contract": contract, "group": contract.group.name,
            "organisation": offer.organisation.name, "mentor": mentor,
            "commitments": commitments,
            "page": absolute(contract_path(contract)), "address": offer.address,
            "until": contract.ends}


def contract_path(contract: Contract) -> str:
    return reverse("mentoring:contract", args=[contract.pk])
