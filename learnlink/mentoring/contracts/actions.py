"""The state changes of learning contracts, which the pages, the mail route and the demo all
call: draft a contract, change its commitments while nobody was offered it, offer it, record an
organisation's agreement, renew it for the next cycle.

A contract is offered as it stands: once an organisation has it, its commitments no longer
change (what an organisation agreed to stays what it read); a mentor who wants other
commitments renews it, or drafts the next cycle's.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from learnlink.exchange.models import Group
from learnlink.mentoring.contracts import offering
from learnlink.mentoring.models import (
    AgreedVia,
    CommitmentKind,
    Contract,
    ContractAgreement,
    ContractCommitment,
    ContractOffer,
)
from learnlink.people.models import Person


@dataclass(frozen=True)
class Commitment:
    text: str
    kind: str = ""  # a CommitmentKind, or "" when no figure of the monitor measures it


@dataclass(frozen=True)
class Terms:
    """What a mentor writes in the contract's form."""

    title: str
    starts: datetime.date
    ends: datetime.date
    commitments: list[Commitment]


def default_commitments() -> list[Commitment]:
    """The five of the network's contracts, in the language active now (the mentor's)."""
    return [Commitment(str(kind.label).capitalize(), kind.value) for kind in CommitmentKind]


class Frozen(Exception):
    """The contract was offered: its terms stay as the organisations read them."""


@transaction.atomic
def draft(group: Group, terms: Terms, by: Person, renews: Contract | None = None) -> Contract:
    contract = Contract.objects.create(group=group, title=terms.title, starts=terms.starts,
                                       ends=terms.ends, created_by=by, renews=renews)
    _write_commitments(contract, terms.commitments)
    return contract


@transaction.atomic
def change(contract: Contract, terms: Terms) -> None:
    """New title, dates and commitments; Frozen once it was offered to anyone."""
    locked = Contract.objects.select_for_update().get(pk=contract.pk)
    if locked.offers.exists():
        raise Frozen
    contract.title, contract.starts, contract.ends = terms.title, terms.starts, terms.ends
    contract.save(update_fields=["title", "starts", "ends"])
    contract.commitments.all().delete()
    _write_commitments(contract, terms.commitments)


def _write_commitments(contract: Contract, commitments: list[Commitment]) -> None:
    ContractCommitment.objects.bulk_create(
        ContractCommitment(contract=contract, position=position, text=c.text, kind=c.kind)
        for position, c in enumerate(commitments, start=1))


@transaction.atomic
def offer(contract: Contract, by: Person,
          sent: datetime.datetime | None = None) -> list[ContractOffer]:
    """Mail the contract to each member organisation not offered it yet (one mail per
    organisation and language, to its people in the group; an organisation none of whose
    people has a working address is left out) and keep each offer with its reply
    address; the offers and their mail commit together. `sent` is for the demo."""
    Contract.objects.select_for_update().filter(pk=contract.pk).first()  # one offering at once
    done = set(contract.offers.values_list("organisation_id", flat=True))
    commitments = [c.text for c in contract.commitments.all()]
    made = [offering.send(contract, party, by, sent or timezone.now(), commitments)
            for party in offering.parties(contract.group) if party.organisation.pk not in done]
    return [offer for offer in made if offer is not None]


def agree(offer: ContractOffer, person: Person, via: AgreedVia,
          when: datetime.datetime | None = None) -> ContractAgreement | None:
    """Record that `person` agreed for the offer's organisation; None when it had agreed
    already (the first agreement stands, with who and when)."""
    try:
        with transaction.atomic():
            return ContractAgreement.objects.create(
                contract=offer.contract, organisation=offer.organisation, agreed_by=person,
                agreed=when or timezone.now(), via=via)
    except IntegrityError:
        return None


def renewal_terms(contract: Contract) -> Terms:
    """The next cycle: as long as this one, starting the day after it ends, with its
    commitments."""
    starts = contract.ends + datetime.timedelta(days=1)
    return Terms(contract.title, starts, starts + (contract.ends - contract.starts),
                 [Commitment(c.text, c.kind) for c in contract.commitments.all()])


def renew(contract: Contract, by: Person) -> Contract:
    """The contract of the next cycle (made once: renewing again gives the same one), to be
    offered again."""
    existing = Contract.objects.filter(renews=contract).first()
    return existing or draft(contract.group, renewal_terms(contract), by, renews=contract)
