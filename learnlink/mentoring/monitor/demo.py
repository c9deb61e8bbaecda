"""The demo network's last two months of mail, so that its monitor judges what the network did
under the contracts the contracts' demo offered and its organisations agreed to by mail (that
loader runs first). The mail (`demo_mail`) goes through the real inbox like any member's, then
the labeller labels it as the worker would."""

from __future__ import annotations

import datetime
import email.utils
from email.mime.text import MIMEText

from django.utils import timezone

from learnlink.exchange.models import Group, Message
from learnlink.mail.inbox import process, receive
from learnlink.mail.models import Source
from learnlink.mentoring.labels.labelling import label_new_messages
from learnlink.mentoring.monitor.demo_mail import MAIL, Mail
from learnlink.mentoring.monitor.figures import monitors
from learnlink.mentoring.monitor.months import Month
from learnlink.mentoring.monitor.states import BROKEN, KEPT, SLIPPING

NAIROBI_HOURS = 9  # when the demo's mail was written, local time


def load_demo() -> str:
    posted = sum(_post(mail) for mail in MAIL)
    while label_new_messages():
        pass
    tables = monitors(list(Group.objects.filter(contracts__isnull=False).distinct()),
                      Month.current().previous())
    counts = {state: sum(table.count(state) for table in tables.values())
              for state in (KEPT, SLIPPING, BROKEN)}
    return (f"contract monitor: {posted} messages posted; last month "
            f"{counts[KEPT]} kept, "
            f"{counts[SLIPPING]} slipping, {counts[BROKEN]} broken")


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
