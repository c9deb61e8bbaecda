"""The network's rhythm (see the package's docstring): who reads and steers a group's learning
agenda, its contracts and their monitor, and what a nudge's links may do."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from learnlink.exchange.models import Group, Membership
from learnlink.exchange.models.groups import INNER_CIRCLE
from learnlink.exchange.permissions import (
    can_moderate,
    memberships,
    person_id,
    sees_every_group,
    sees_members,
)
from learnlink.mentoring.models import (
    Contract,
    ContractOffer,
    Topic,
)
from learnlink.mentoring.nudges.links import read_not_now, read_opt_out
from learnlink.mentoring.permissions.workbench import AnyUser
from learnlink.people.guests import refuse
from learnlink.people.models import Organisation, Person


def nudge_snooze_for_link(token: str) -> tuple[Organisation, str]:
    """A nudge's "not now" link acts for the organisation and the kind it names, and only
    snoozes: the signed, expiring link is the permission (nudges.links); BadNudgeLink else."""
    return read_not_now(token)


def person_for_opt_out_link(token: str) -> Person:
    """A nudge's opt-out link stops nudges for the person it was mailed to, nothing more."""
    return read_opt_out(token)


# The learning agenda (agenda/). A group's agenda is read by its members (observers too) and
# those who mentor it; to anyone else it does not exist. The inner circle (learners, mentors,
# owners) propose topics and support them, each for their organisation; only those who mentor
# the group move a topic between states, record a workshop, link threads and syntheses, and run
# dialogues.
def may_read_agenda(user: AnyUser, group: Group) -> bool:
    return can_moderate(user, group) or memberships(user).filter(group=group).exists()


def _group(request: HttpRequest, slug: str, may: Callable[[AnyUser, Group], bool]) -> Group:
    """The group if `may` lets this user at it; refused otherwise (a guest asked to sign in)."""
    group = Group.objects.filter(slug=slug).first()
    if group is None or not may(request.user, group):
        refuse(request)
    return group


def group_for_agenda_reader(request: HttpRequest, slug: str) -> Group:
    return _group(request, slug, may_read_agenda)


def takes_part(user: AnyUser, group: Group) -> bool:
    """Whether this user is of the group's inner circle: they propose and support topics."""
    return memberships(user).filter(group=group, role__in=INNER_CIRCLE).exists()


def person_takes_part(person: Person | None, group: Group) -> bool:
    """`takes_part` for someone writing from their address (SLUG+agenda@)."""
    return person is not None and Membership.objects.filter(
        Q(person=person) | Q(organisation__affiliations__person=person),
        group=group, role__in=INNER_CIRCLE).exists()


def may_steer_agenda(user: AnyUser, group: Group) -> bool:
    return can_moderate(user, group)


def group_for_agenda_mentor(request: HttpRequest, slug: str) -> Group:
    return _group(request, slug, may_steer_agenda)


def topic_for_reader(request: HttpRequest, slug: str, pk: int) -> Topic:
    group = group_for_agenda_reader(request, slug)
    topic = Topic.objects.select_related("group", "proposed_by").filter(pk=pk, group=group).first()
    if topic is None:
        refuse(request)
    return topic


def topic_for_mentor(request: HttpRequest, slug: str, pk: int) -> Topic:
    topic = topic_for_reader(request, slug, pk)
    if not may_steer_agenda(request.user, topic.group):
        refuse(request)
    return topic


# Learning contracts. A group's contracts are its members' business, as Dgroups kept them: its
# members (in person or through their organisation), the network's mentors and staff read them;
# to anyone else, a public group's visitors too, they do not exist (a guest is asked to sign in).
# The group's mentors draft, offer and renew them. Someone of an organisation the contract was
# offered to agrees for it, on the web as by mail.


may_read_contracts = sees_members


def group_for_contract_reader(request: HttpRequest, slug: str) -> Group:
    return _group(request, slug, may_read_contracts)


def may_draft_contract(user: AnyUser, group: Group) -> bool:
    return can_moderate(user, group)


def group_for_contract_mentor(request: HttpRequest, slug: str) -> Group:
    return _group(request, slug, may_draft_contract)


def contract_for_reader(request: HttpRequest, pk: int) -> Contract:
    contract = (Contract.objects.select_related("group", "created_by", "renews", "renewal")
                .filter(pk=pk).first())
    if contract is None or not may_read_contracts(request.user, contract.group):
        refuse(request)
    return contract


def contract_for_mentor(request: HttpRequest, pk: int) -> Contract:
    contract = contract_for_reader(request, pk)
    if not may_draft_contract(request.user, contract.group):
        refuse(request)
    return contract


def offers_to_agree(user: AnyUser, contract: Contract) -> QuerySet[ContractOffer]:
    """The offers of `contract` this user may agree to: those of their organisations that
    have not agreed yet."""
    pid = person_id(user)
    if pid is None:
        return ContractOffer.objects.none()
    return (contract.offers.filter(organisation__affiliations__person_id=pid)
            .exclude(organisation__contract_agreements__contract=contract)
            .select_related("organisation", "contract"))


# The contract monitor (monitor/). A group's table and its organisations' learning journals are
# read by those the contract binds and those who help them keep it: the group's inner circle
# (its learners, mentors and owners, in person or through their organisation), and the
# network's mentors and staff. The outer circle (observers: donors, other networks,
# researchers) reads the archive but not who keeps the contract: that is the peers' own
# account to each other. Guests are asked to sign in, anyone else gets 404, even for a public
# group. The view across every group is for the network's mentors and staff.


def reads_monitor(user: AnyUser, group: Group) -> bool:
    return sees_every_group(user) or takes_part(user, group)


def monitored_group(user: AnyUser, slug: str) -> Group | None:
    """The group if this user reads its monitor (for the API, which answers 404 itself)."""
    group = Group.objects.filter(slug=slug).first()
    return group if group is not None and reads_monitor(user, group) else None


def group_for_monitor(request: HttpRequest, slug: str) -> Group:
    return _group(request, slug, reads_monitor)


def reads_network_monitor(user: AnyUser) -> bool:
    return sees_every_group(user)


def network_monitor_or_refuse(request: HttpRequest) -> None:
    if not reads_network_monitor(request.user):
        refuse(request)
