"""What the contract monitor asks: which organisations agreed to a group's contract in force
in a month, whenever in the cycle they agreed."""

from __future__ import annotations

import datetime

from learnlink.mentoring.contracts import actions
from learnlink.mentoring.contracts.queries import agreed_organisations
from learnlink.mentoring.models import AgreedVia


def test_the_organisations_that_agreed_to_the_contract_in_force_that_month(
        people, django_assert_num_queries):
    cycle = actions.Terms("2026", datetime.date(2026, 1, 16), datetime.date(2027, 1, 15),
                          actions.default_commitments())
    contract = actions.draft(people.group, cycle, people.joseph)
    first = {o.organisation.name: o for o in actions.offer(contract, people.joseph)}
    actions.agree(first["Kilulu Orange Growers"], people.chair, AgreedVia.MAIL,
                  datetime.datetime(2026, 5, 2, tzinfo=datetime.UTC))
    renewal = actions.renew(contract, people.joseph)
    assert (renewal.starts, renewal.ends) == (datetime.date(2027, 1, 16),
                                              datetime.date(2028, 1, 15))
    second = {o.organisation.name: o for o in actions.offer(renewal, people.joseph)}
    actions.agree(second["Babati Market Spies"], people.daudi, AgreedVia.WEB)

    with django_assert_num_queries(1):
        assert list(agreed_organisations(people.group, datetime.date(2026, 2, 1))) == [
            people.growers], "agreed in May, bound from the cycle's first month"
    assert list(agreed_organisations(people.group, datetime.date(2027, 3, 9))) == [
        people.spies]
    assert list(agreed_organisations(people.group, datetime.date(2027, 1, 1))) == [
        people.spies, people.growers], "the month one cycle ends and the next starts"
    assert not agreed_organisations(people.group, datetime.date(2025, 12, 1)).exists()
