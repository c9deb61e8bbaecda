"""Which contract binds a group in a month, and who had agreed to it by then: what the monitor
holds an organisation to."""

from __future__ import annotations

from collections.abc import Iterable

from learnlink.mentoring.models.contracts import Contract, ContractAgreement
from learnlink.mentoring.monitor.months import Month


def contracts_in_force(groups: Iterable[int], month: Month) -> dict[int, Contract]:
    """Each group's contract in force during `month`, with its commitments: the one that
    started last when a renewal overlaps the contract it renews. Two queries for any number
    of groups."""
    found: dict[int, Contract] = {}
    for contract in (Contract.objects.filter(group_id__in=list(groups),
                                             starts__lte=month.last_day,
                                             ends__gte=month.first_day)
                     .prefetch_related("commitments").order_by("starts", "pk")):
        found[contract.group_id] = contract
    return found


def agreements_by_month_end(contracts: Iterable[Contract],
                            month: Month) -> dict[int, dict[int, ContractAgreement]]:
    """For each contract (by pk), the organisations (by pk) that had agreed to it before
    `month` ended: an organisation that agrees later is not held to the months before."""
    found: dict[int, dict[int, ContractAgreement]] = {}
    for agreement in (ContractAgreement.objects
                      .filter(contract__in=list(contracts), agreed__lt=month.end)
                      .select_related("agreed_by").only("contract_id", "organisation_id",
                                                        "agreed", "via", "agreed_by__name")):
        found.setdefault(agreement.contract_id, {})[agreement.organisation_id] = agreement
    return found
