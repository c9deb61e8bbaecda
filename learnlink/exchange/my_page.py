"""What "My Learnlink" shows a signed-in person: their groups, how mail reaches them and how to
change it by email too, and the addresses Learnlink knows for them.

A member who chose "web only" gets no mail and so no footer: this page is their way back.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from learnlink.exchange.forms import HeldNoticesForm, ModeForm
from learnlink.exchange.models import DeliveryMode, Group, Membership
from learnlink.people.addresses import delivery_address
from learnlink.people.models import EmailAddress, Person

# The email command that chooses each delivery mode (see exchange.email_commands.MODES).
MODE_COMMANDS = {DeliveryMode.EACH: "each", DeliveryMode.DAILY: "daily",
                 DeliveryMode.WEEKLY: "weekly", DeliveryMode.MONTHLY: "monthly",
                 DeliveryMode.NONE: "nomail"}


@dataclass(frozen=True)
class MyGroup:
    """One membership as the page shows it; `form` is None for an organisation's."""

    membership: Membership
    form: ModeForm | None
    commands: list[tuple[str, str]]
    held_form: HeldNoticesForm | None = None  # for a group they moderate in person

    @property
    def group(self) -> Group:
        return self.membership.group


@dataclass(frozen=True)
class MyAddress:
    record: EmailAddress
    current: bool
    gets_mail: bool

    @property
    def stopped(self) -> bool:
        """Bounces stopped its mail: its owner may start it again from the page."""
        return self.current and self.record.disabled is not None


def my_groups(person: Person) -> list[MyGroup]:
    """The person's own memberships (which they change here), then their organisations'."""
    found = (Membership.objects.filter(Q(person=person)
                                       | Q(organisation__affiliations__person=person))
             .select_related("group", "organisation").order_by("organisation_id", "group__name"))
    return [MyGroup(m, _mode_form(m), _commands(m.group), _held_form(m)) for m in found]


def _mode_form(membership: Membership) -> ModeForm | None:
    if membership.organisation_id:
        return None
    return ModeForm(initial={"mode": membership.mode, "plain_text": membership.plain_text},
                    auto_id=f"id_%s_{membership.group.slug}")


def _held_form(membership: Membership) -> HeldNoticesForm | None:
    if membership.organisation_id or not membership.moderates:
        return None
    return HeldNoticesForm(initial={"held_notices": membership.held_notices},
                           auto_id=f"id_%s_{membership.group.slug}")


def _commands(group: Group) -> list[tuple[str, str]]:
    """(what it does, the address to write to) for each mode, then for leaving."""
    return [(str(mode.label), group.command_address(MODE_COMMANDS[mode]))
            for mode in DeliveryMode]


def my_addresses(person: Person) -> list[MyAddress]:
    """Current addresses first, then former ones; one of the current ones receives mail."""
    receiving = delivery_address(person)
    records = sorted(person.email_addresses.all(),
                     key=lambda a: (not a.is_current(), not a.primary, a.address))
    return [MyAddress(a, a.is_current(), a.address == receiving and a.is_current())
            for a in records]
