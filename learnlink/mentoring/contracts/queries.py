"""What other tools ask of learning contracts (the contract monitor above all): which contract
a group has in force, and which organisations agreed to it."""

from __future__ import annotations

import calendar
import datetime

from django.db.models import QuerySet

from learnlink.exchange.models import Group
from learnlink.mentoring.models import Contract
from learnlink.people.models import Organisation


def month_bounds(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month `month` falls in."""
    last = calendar.monthrange(month.year, month.month)[1]
    return month.replace(day=1), month.replace(day=last)


def contracts_in_force(group: Group, month: datetime.date) -> QuerySet[Contract]:
    """The group's contracts whose cycle covers at least one day of that month (two, in the
    month one cycle ends and its renewal starts)."""
    first, last = month_bounds(month)
    return Contract.objects.filter(group=group, starts__lte=last, ends__gte=first)


def agreed_organisations(group: Group, month: datetime.date) -> QuerySet[Organisation]:
    """The organisations bound by a contract of `group` in the month `month` falls in: those
    that agreed to a contract in force that month, whenever they agreed (an organisation that
    agrees in a cycle's third month commits to the whole cycle). One query; by name."""
    return (Organisation.objects.filter(
        contract_agreements__contract__in=contracts_in_force(group, month))
        .distinct().order_by("name"))
