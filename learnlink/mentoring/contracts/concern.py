"""The dashboard's row for an organisation offered a contract 14 days ago or more that has not
answered, while the contract runs: its people may not have seen the mail, or not understood it;
the mentor looks at the contract and gets in touch."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learnlink.exchange.models import Group
from learnlink.mentoring.concerns import Concern, Row
from learnlink.mentoring.contracts.offering import contract_path
from learnlink.mentoring.models import ContractOffer
from learnlink.mentoring.models.contract_offers import UNANSWERED_AFTER


def unanswered(groups: QuerySet[Group], now: datetime.datetime) -> QuerySet[ContractOffer]:
    """One bounded query per page: the offers of `groups`' contracts, oldest first."""
    return (ContractOffer.objects.unanswered_since(now - UNANSWERED_AFTER)
            .filter(contract__group__in=groups)
            .select_related("contract__group", "organisation"))


def row(offer: ContractOffer) -> Row:
    text = _("%(organisation)s has not answered the learning contract “%(title)s”, offered "
             "%(since)s ago") % {"organisation": offer.organisation.name,
                                 "title": offer.contract.title, "since": timesince(offer.sent)}
    url = contract_path(offer.contract)
    return Row(text, url, _("View"), f"{url}#offers", offer.contract.group, offer.sent)


CONCERN = Concern("contracts", gettext_lazy("Contracts offered, not answered after 14 days"),
                  unanswered, row)
