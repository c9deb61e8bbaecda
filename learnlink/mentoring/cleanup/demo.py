"""The clean-up part of `learnlink demo`: the demo network's own digest answered the way a
reader on the daily digest answers, so that a mentor finds a threading suggestion waiting on the
dashboard and on the thread page. Elibariki Qamara reads the Muheza group's daily digest at a
cyber café in Babati for the Magugu rice group (see the people demo); he replies to the digest
the demo sent, quoting the thread he asks about, as a mail program quotes: his reply arrives
with the digest's subject and no References, and only its quote says which thread it answers.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from email.mime.text import MIMEText
from email.utils import format_datetime

from django.utils import timezone

from learnlink.exchange.importing import import_messages
from learnlink.exchange.models import DeliveryMode, Group, Message

GROUP = "oranges-muheza"
SENDER = "Elibariki Qamara <magugu.rice@example.net>"
REPLY_ID = "magugu-digest-reply@example.net"
TEXT = ("Tumesoma njia hii kwenye muhtasari, kwenye kikao cha Magugu. Mnunuzi alikubali vipi "
        "kuandika tarehe ya malipo kwenye makubaliano?\n\nElibariki, Magugu")


def load_demo() -> str:
    group = Group.objects.filter(slug=GROUP).first()
    digest = None if group is None else (
        group.digests.filter(mode=DeliveryMode.DAILY, outgoing__isnull=False)
        .select_related("outgoing").order_by("created").first())
    if group is None or digest is None or digest.outgoing is None:
        return "cleanup: no daily digest to answer"
    section = _first_thread(_plain(bytes(digest.outgoing.raw)))
    import_messages(group, [_reply(group, digest.outgoing.subject, section)], processes=1)
    waiting = Message.objects.filter(suggested_thread__isnull=False).count()
    return (f"cleanup: a reply to {GROUP}'s daily digest, without References; threading "
            f"suggestions waiting for a mentor: {waiting}")


def _plain(raw: bytes) -> str:
    digest = email.message_from_bytes(raw, policy=email.policy.default)
    body = digest.get_body(preferencelist=("plain",)) if isinstance(digest, EmailMessage) else None
    return "" if body is None else str(body.get_content())


def _first_thread(plain: str) -> str:
    """The digest's first thread, as a reader trims a quote to what he answers."""
    start = plain.find("\n== ")
    end = plain.find("\n== ", start + 1)
    return plain[start:end if end != -1 else None].strip()


def _reply(group: Group, subject: str, section: str) -> bytes:
    quote = "\n".join(f"> {line}" if line else ">" for line in section.splitlines())
    reply = MIMEText(f"{TEXT}\n\n{quote}\n", "plain", "utf-8")
    reply["From"], reply["To"] = SENDER, group.address
    reply["Subject"] = f"Re: {subject}"
    reply["Date"] = format_datetime(timezone.now())
    reply["Message-ID"] = f"<{REPLY_ID}>"
    return reply.as_bytes()
