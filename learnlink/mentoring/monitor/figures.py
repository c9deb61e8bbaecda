"""The monitor's table: each organisation of a group in a month, its figures and its state.

Computed from the records as they are, never stored: messages (by the month's date in the
network's time zone), their labels (`MessageLabels`, set by the labeller and corrected by
mentors) and the questions noted as messages were archived (`Question`: who answered first
and when). A message counts for each organisation of its writer (an umbrella association is
not credited with its member groups' messages, as the labeller reads them); a writer the
directory does not place in an organisation is not counted. Answers are the questions of other
organisations this one answered first, in the month; their speed is the median time from the
question to that answer.

Every figure of every group comes from one query per kind of record (`monitors`), so the
network view of many groups costs what one group's table costs: eleven queries."""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Q
from django.utils import timezone

from learnlink.exchange.models import Group, Membership, Message, Role
from learnlink.mentoring.labels.labelling import people_organisations
from learnlink.mentoring.models import Question
from learnlink.mentoring.models.contracts import Contract, ContractAgreement
from learnlink.mentoring.monitor.agreements import agreements_by_month_end, contracts_in_force
from learnlink.mentoring.monitor.months import Month
from learnlink.mentoring.monitor.states import NAMES, NO_CONTRACT, SEVERITY, contract_state
from learnlink.people.models import Organisation

INNER, OUTER = "inner", "outer"
INNER_ROLES = (Role.LEARNER, Role.MENTOR, Role.OWNER)
LABELLED = {"plans": "plan", "achievements": "achievement", "questions": "question"}


@dataclass
class Row:
    """One organisation in one month."""

    organisation: Organisation
    circle: str
    agreement: ContractAgreement | None = None
    messages: int = 0
    plans: int = 0
    achievements: int = 0
    questions: int = 0
    answer_hours: list[float] = field(default_factory=list)
    quiet_months: int | None = None  # in a row, up to this month; None without a contract
    owed: int = 0
    state: str = NO_CONTRACT

    @property
    def answers(self) -> int:
        return len(self.answer_hours)

    @property
    def section(self) -> str:
        """Where the page shows it: under the contract, else in its circle."""
        return "contract" if self.agreement is not None else self.circle

    @property
    def state_name(self) -> str:
        return str(NAMES[self.state])

    @property
    def median_answer_hours(self) -> float | None:
        return round(statistics.median(self.answer_hours), 1) if self.answer_hours else None


@dataclass
class GroupMonitor:
    group: Group
    month: Month
    contract: Contract | None
    rows: list[Row]

    @property
    def has_data(self) -> bool:
        """Whether the month has anything to show: a contract in force, or anyone writing."""
        return self.contract is not None or any(row.messages for row in self.rows)

    @property
    def under_contract(self) -> list[Row]:
        return [row for row in self.rows if row.agreement is not None]

    @property
    def inner_without_contract(self) -> list[Row]:
        return [row for row in self.rows if row.agreement is None and row.circle == INNER]

    @property
    def outer_circle(self) -> list[Row]:
        return [row for row in self.rows if row.agreement is None and row.circle == OUTER]

    @property
    def in_sections(self) -> list[Row]:
        """The rows as the page lists them: under the contract (the worst state first), the
        inner circle without a contract, the outer circle."""
        return self.under_contract + self.inner_without_contract + self.outer_circle

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)


def monitor(group: Group, month: Month) -> GroupMonitor:
    return monitors([group], month)[group.pk]


def monitors(groups: Sequence[Group], month: Month) -> dict[int, GroupMonitor]:
    """Each group's table for `month`, by the group's pk."""
    ids = [group.pk for group in groups]
    contracts = contracts_in_force(ids, month)
    agreed = agreements_by_month_end(contracts.values(), month)
    members = list(Membership.objects.filter(group_id__in=ids)
                   .values_list("group_id", "organisation_id", "person_id", "role"))
    written = _month_counts(ids, month)
    last_written = _last_written(contracts, month)
    answered = [(group_id, answerer, asker, (when - asked).total_seconds() / 3600)
                for group_id, answerer, asker, asked, when in Question.objects.filter(
                    group_id__in=ids, answered__gte=month.start, answered__lt=month.end,
                    answered_by__sender__isnull=False).values_list(
                    "group_id", "answered_by__sender_id", "message__sender_id", "asked",
                    "answered") if when is not None]
    owed = list(Question.objects.filter(
        Q(answered__isnull=True) | Q(answered__gte=month.end), group_id__in=ids,
        due__gte=month.start, due__lt=month.end, message__parent__sender__isnull=False)
        .values_list("group_id", "message__parent__sender_id", "message__sender_id"))
    people = ({person for _g, _o, person, _r in members if person}
              | {person for _g, person in written} | {person for _g, person in last_written}
              | {person for _g, *pair, _h in answered for person in pair if person}
              | {person for _g, *pair in owed for person in pair if person})
    of = people_organisations(people)

    rows = _rows(ids, _circles(members, of), contracts, agreed)
    for (group_id, person), counts in written.items():
        for row in _credited(rows[group_id], of.get(person, set())):
            row.messages += counts["messages"]
            for name in LABELLED:
                setattr(row, name, getattr(row, name) + counts[name])
    for group_id, answerer, asker, hours in answered:
        for row in _credited(rows[group_id], of.get(answerer, set()) - of.get(asker, set())):
            row.answer_hours.append(hours)
    for group_id, addressee, asker in owed:
        for row in _credited(rows[group_id], of.get(addressee, set()) - of.get(asker, set())):
            row.owed += 1
    last = _last_by_organisation(last_written, of)
    for group_id, contract in contracts.items():
        kinds = {commitment.kind for commitment in contract.commitments.all()}
        for organisation, agreement in agreed.get(contract.pk, {}).items():
            row = rows[group_id][organisation]
            row.agreement = agreement
            row.quiet_months = _quiet_months(contract, agreement, month,
                                             last.get((group_id, organisation)))
            row.state = contract_state(kinds, row.quiet_months, row.owed)
    return {group.pk: GroupMonitor(group, month, contracts.get(group.pk), sorted(
        rows[group.pk].values(), key=lambda row: (SEVERITY[row.state], row.organisation.name)))
        for group in groups}


def _rows(groups: list[int], circles: dict[int, dict[int, str]], contracts: dict[int, Contract],
          agreed: dict[int, dict[int, ContractAgreement]]) -> dict[int, dict[int, Row]]:
    """An empty row for each member organisation and each that agreed (in the inner circle
    unless it is an observing member), by group and organisation."""
    for contract in contracts.values():
        for organisation in agreed.get(contract.pk, {}):
            circles[contract.group_id].setdefault(organisation, INNER)
    names = Organisation.objects.only("name", "slug").in_bulk(
        {organisation for found in circles.values() for organisation in found})
    return {group_id: {organisation: Row(names[organisation], circle)
                       for organisation, circle in circles[group_id].items()}
            for group_id in groups}


def _credited(rows: dict[int, Row], organisations: set[int]) -> list[Row]:
    """The rows of these organisations in the group (others are not in its table)."""
    return [rows[organisation] for organisation in organisations if organisation in rows]


def _month_counts(groups: list[int], month: Month) -> dict[tuple[int, int], dict[str, Any]]:
    """Each writer's messages in the month and how many carry each label, by (group, person)."""
    found = (Message.objects.filter(group_id__in=groups, is_placeholder=False,
                                    sender__isnull=False, date__gte=month.start,
                                    date__lt=month.end)
             .order_by().values("group_id", "sender_id")
             .annotate(messages=Count("pk"), **{
                 name: Count("pk", filter=Q(**{f"labels__{label}": True}))
                 for name, label in LABELLED.items()}))
    return {(row["group_id"], row["sender_id"]): dict(row) for row in found}


def _last_written(contracts: dict[int, Contract],
                  month: Month) -> dict[tuple[int, int], datetime.datetime]:
    """When each writer last wrote in each group with a contract, by the month's end and since
    the earliest of those contracts began: months without exchange are counted from it."""
    if not contracts:
        return {}
    since = min(Month.of(contract.starts) for contract in contracts.values())
    found = (Message.objects.filter(group_id__in=list(contracts), is_placeholder=False,
                                    sender__isnull=False, date__gte=since.start,
                                    date__lt=month.end)
             .order_by().values_list("group_id", "sender_id").annotate(last=Max("date")))
    return {(group_id, person): last for group_id, person, last in found}


def _circles(members: Sequence[tuple[int, int | None, int | None, str]],
             organisations_of: dict[int, set[int]]) -> dict[int, dict[int, str]]:
    """Each group's member organisations (members themselves, or through their people) and
    their circle: inner if any of their memberships is a learner's, mentor's or owner's, the
    outer circle if all are observers'."""
    found: dict[int, dict[int, str]] = defaultdict(dict)
    for group_id, organisation, person, role in members:
        circle = INNER if role in INNER_ROLES else OUTER
        for member in ({organisation} if organisation else organisations_of.get(person or 0,
                                                                                 set())):
            if found[group_id].get(member) != INNER:
                found[group_id][member] = circle
    return found


def _last_by_organisation(last_written: dict[tuple[int, int], datetime.datetime],
                          organisations_of: dict[int, set[int]]
                          ) -> dict[tuple[int, int], datetime.datetime]:
    """When each organisation last wrote in each group, from its people's last messages."""
    found: dict[tuple[int, int], datetime.datetime] = {}
    for (group_id, person), when in last_written.items():
        for organisation in organisations_of.get(person, ()):
            key = (group_id, organisation)
            if key not in found or when > found[key]:
                found[key] = when
    return found


def _quiet_months(contract: Contract, agreement: ContractAgreement, month: Month,
                  last: datetime.datetime | None) -> int:
    """Months in a row, ending with `month`, in which the organisation wrote nothing, counted
    from the month it became bound (the contract's start or its agreement, the later). The
    month in progress is not one yet: there is time left to write."""
    bound = max(Month.of(contract.starts), Month.of(timezone.localdate(agreement.agreed)))
    if last is None or last < bound.start:
        quiet = month.index() - bound.index() + 1
    else:
        quiet = month.index() - Month.of(timezone.localdate(last)).index()
    return max(0, quiet - 1) if quiet and month >= Month.current() else quiet
