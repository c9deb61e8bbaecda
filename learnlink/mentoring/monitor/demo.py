"""The demo network's learning contracts and the last two months' mail, so that its monitor
judges what the network did. The mail (`demo_mail`) goes through the real inbox like any
member's, then the labeller labels it as the worker would. Each group where learners write
gets a contract with the five commitments, from the start of the month three months ago for a
year, and every learner's organisation that wrote agreed to it by mail in its first days,
named by one of its writers. Only where a group has no contract yet: the contracts' own demo
(offered by mail, agreed by "I agree") makes them when it runs first, and then this step only
posts the mail."""

from __future__ import annotations

import datetime
import email.utils
from email.mime.text import MIMEText

from django.db import transaction
from django.utils import timezone, translation

from learnlink.exchange.models import Group, Membership, Message, Role
from learnlink.mail.inbox import process, receive
from learnlink.mail.models import Source
from learnlink.mentoring.labels.labelling import label_new_messages
from learnlink.mentoring.models.contracts import (
    AgreedVia,
    CommitmentKind,
    Contract,
    ContractAgreement,
)
from learnlink.mentoring.monitor.demo_mail import MAIL, Mail
from learnlink.mentoring.monitor.figures import monitors
from learnlink.mentoring.monitor.months import Month
from learnlink.mentoring.monitor.states import BROKEN, KEPT, SLIPPING
from learnlink.people.models import Affiliation

MONTHS_AGO = 3
NAIROBI_HOURS = 9  # when the demo's mail was written, local time


def load_demo() -> str:
    posted = sum(_post(mail) for mail in MAIL)
    while label_new_messages():
        pass
    return _contracts(posted)


@transaction.atomic
def _contracts(posted: int) -> str:
    start = Month.current().plus(-MONTHS_AGO)
    made = 0
    for group in Group.objects.filter(contracts__isnull=True).order_by("pk"):
        made += _contract(group, start)
    tables = monitors(list(Group.objects.filter(contracts__isnull=False).distinct()),
                      Month.current().previous())
    counts = {state: sum(table.count(state) for table in tables.values())
              for state in (KEPT, SLIPPING, BROKEN)}
    return (f"contract monitor: {posted} messages posted, {made} contracts agreed; last month "
            f"{counts[KEPT]} kept, "
            f"{counts[SLIPPING]} slipping, {counts[BROKEN]} broken")


def _contract(group: Group, start: Month) -> int:
    """The group's contract, if learners' organisations write in it; how many were made."""
    writers = Affiliation.objects.filter(
        person__memberships__group=group, person__memberships__role=Role.LEARNER,
        person__messages__group=group).select_related("organisation").order_by(
        "organisation__name", "person__name").distinct()
    signatories = {affiliation.organisation: affiliation.person for affiliation in writers}
    if not signatories:
        return 0
    mentor = Membership.objects.filter(group=group, role=Role.MENTOR, person__isnull=False
                                       ).select_related("person").order_by("pk").first()
    with translation.override(group.language):
        contract = Contract.objects.create(
            group=group, title=translation.gettext("Learning contract of %(group)s") % {
                "group": group.name}, starts=start.first_day,
            ends=start.plus(12).first_day - datetime.timedelta(days=1),
            created_by=(mentor.person if mentor and mentor.person
                        else next(iter(signatories.values()))))
        for position, kind in enumerate(CommitmentKind):
            contract.commitments.create(position=position, text=str(kind.label), kind=kind)
    agreed = start.start + datetime.timedelta(days=2, hours=9)
    ContractAgreement.objects.bulk_create(
        ContractAgreement(contract=contract, organisation=organisation, agreed_by=person,
                          agreed=min(agreed, timezone.now()), via=AgreedVia.MAIL)
        for organisation, person in signatories.items())
    return 1


def _post(mail: Mail) -> int:
    """Send one message of the demo's mail to its group, dated in its month; 1 if it is new."""
    group = Group.objects.filter(slug=mail.group).first()
    message_id = f"{mail.key}@monitor.demo.example.net"
    if group is None or Message.objects.filter(group=group, message_id=message_id).exists():
        return 0
    month = Month.current().plus(-mail.months_ago)
    written = min(month.start + datetime.timedelta(days=mail.day - 1, hours=NAIROBI_HOURS),
                  timezone.now())
    raw = MIMEText(mail.body, "plain", "utf-8")
    raw["From"], raw["To"], raw["Subject"] = mail.sender, group.address, mail.subject
    raw["Date"] = email.utils.format_datetime(written)
    raw["Message-ID"] = f"<{message_id}>"
    if mail.reply_to:
        raw["In-Reply-To"] = raw["References"] = f"<{mail.reply_to}@monitor.demo.example.net>"
    [inbound] = receive(raw.as_bytes(), [group.address], Source.PIPE, process=False)
    inbound.received = written  # it arrived when it was written, in the demo's dated history
    inbound.save(update_fields=["received"])
    process(inbound)
    return 1
