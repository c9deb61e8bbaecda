"""Daily, weekly and monthly digests: one mail per member with the new text of the period.

A digest is rendered once per group, mode and language of its readers (each reads it in their
own) and handed to the outbox with one delivery per member, so 10,000 members cost at most
three renderings, and one more for each set of muted threads some reader has (a muted thread
is left out of that reader's digest). Each digest starts after the newest message of
the previous one of its kind; the first one covers one period back. Mail imported from old
archives is history, not news, and is never digested. A digest of nothing is not sent.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Sequence
from email.mime.multipart import MIMEMultipart
from email.utils import format_datetime, formataddr, make_msgid

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone, translation

from learnlink.exchange.digest_leads import Lead, leads
from learnlink.exchange.list_mail import footer, list_headers, subject_header
from learnlink.exchange.models import DeliveryMode, Digest, Group, Message
from learnlink.exchange.muting import mutes_among
from learnlink.exchange.recipients import by_language
from learnlink.exchange.subject_prefix import with_prefix
from learnlink.lib import emails
from learnlink.lib.links import absolute, absolute_url
from learnlink.mail.decorate import as_bytes, text_part
from learnlink.mail.models import Source
from learnlink.mail.models.outbox import Kind
from learnlink.mail.outbox import enqueue, new_marker

MODES = (DeliveryMode.DAILY, DeliveryMode.WEEKLY, DeliveryMode.MONTHLY)
TEXT_BUDGET = 16_000  # characters of new text per digest: 50 messages stay under 60 KB
EXCERPT = (200, 3_000)  # the least and most one message gets


def scheduled(group: Group, mode: str, now: datetime.datetime) -> datetime.datetime:
    """The latest moment at or before `now` when this digest was due, in the group's zone."""
    local = now.astimezone(zoneinfo.ZoneInfo(group.time_zone))
    moment = datetime.datetime.combine(local.date(), group.digest_time, tzinfo=local.tzinfo)
    if mode == DeliveryMode.MONTHLY:
        moment = moment.replace(day=1)
        if moment > local:
            moment = (moment - datetime.timedelta(days=1)).replace(day=1)
        return moment
    step = datetime.timedelta(days=1)
    while moment > local or (mode == DeliveryMode.WEEKLY
                             and moment.weekday() != group.digest_weekday):
        moment -= step
    return moment


def period(mode: str) -> datetime.timedelta:
    days = 1 if mode == DeliveryMode.DAILY else 7 if mode == DeliveryMode.WEEKLY else 31
    return datetime.timedelta(days=days)


def send_due(now: datetime.datetime | None = None) -> list[Digest]:
    """Every digest whose time has come and that has something to say."""
    now = now or timezone.now()
    sent = []
    for group in Group.objects.filter(memberships__mode__in=MODES).distinct():
        for mode in MODES:
            moment = scheduled(group, mode, now)
            last = group.digests.filter(mode=mode).order_by("-created").first()
            if last is not None and last.created >= moment:
                continue
            if not group.memberships.filter(mode=mode).exists():
                continue
            messages = list(news(group, last, moment - period(mode), moment))
            if messages:
                sent.append(build(group, mode, messages, now))
    return sent


def news(group: Group, last: Digest | None, since: datetime.datetime,
         until: datetime.datetime) -> QuerySet[Message]:
    """What arrived before the digest's time and after the previous digest; mail that comes
    later waits for the next one, so no digest leaves before its time."""
    messages = (Message.objects.filter(group=group, is_placeholder=False, inbound__isnull=False,
                                       inbound__received__lt=until, removed__isnull=True)
                .exclude(inbound__source=Source.MBOX).select_related("thread", "sender")
                .order_by("pk"))
    if last is not None:
        return messages.filter(pk__gt=last.last_message)
    return messages.filter(inbound__received__gte=since)


def build(group: Group, mode: str, messages: Sequence[Message],
          now: datetime.datetime | None = None) -> Digest:
    """Render the digest once per language its readers read, and queue each rendering for
    the members in `mode` who read that language; the Digest row keeps the first. What other
    apps published since the previous digest of this kind leads it (digest_leads)."""
    now = now or timezone.now()
    last = group.digests.filter(mode=mode).order_by("-created").first()
    since = last.created if last is not None else now - period(mode)
    queued = []
    mutes = mutes_among({message.thread_id for message in messages})
    for (language, muted, plain), readers in by_language(group, mode, group.language,
                                                         mutes).items():
        shown = [message for message in messages if message.thread_id not in muted]
        if not shown:
            continue
        marker = new_marker()
        with translation.override(language), timezone.override(group.time_zone):
            raw, subject = _render(group, mode, shown, marker, now, language,
                                   leads(group, since, now, language), plain)
        queued.append(enqueue(raw, readers, kind=Kind.DIGEST, channel=group.slug,
                              subject=subject, marker=marker))
    outgoing = queued[0] if queued else None
    return Digest.objects.create(group=group, mode=mode, created=now, outgoing=outgoing,
                                 last_message=max(m.pk for m in messages),
                                 messages=len(messages))


def _render(group: Group, mode: str, messages: Sequence[Message], marker: str,
            now: datetime.datetime, language: str, first: Sequence[Lead],
            plain: bool = False) -> tuple[bytes, str]:
    """The kind `exchange.digest`, rendered once, in bytes for the outbox (one copy for many
    readers, each token put in by the sender); `plain`: its text part alone, for readers who
    chose the lightest mail."""
    digest = emails.render("exchange.digest", {
        "group": group, "mode": DeliveryMode(mode).label, "message_count": len(messages),
        "threads": _by_thread(group, messages), "footer": footer(group, marker), "leads": first,
        "archive": absolute(group.get_absolute_url())}, language)
    if plain:
        mail = text_part(digest.text)
        mail["MIME-Version"] = "1.0"
    else:
        mail = MIMEMultipart("alternative")
        mail.attach(text_part(digest.text))
        mail.attach(text_part(digest.html, "html"))
    headers = {"From": formataddr((group.name, group.address), "utf-8"), "To": group.address,
               "Subject": subject_header(group, digest.subject), "Date": format_datetime(now),
               "Message-ID": make_msgid("digest", settings.LEARNLINK_MAIL_DOMAIN),
               **list_headers(group, marker)}
    for name, value in headers.items():
        mail[name] = value
    return as_bytes(mail), with_prefix(digest.subject, group.subject_prefix)


def _by_thread(group: Group, messages: Sequence[Message]) -> list[dict[str, object]]:
    """Threads in the order their first new message came, each with its messages' excerpts."""
    size = max(EXCERPT[0], min(EXCERPT[1], TEXT_BUDGET // max(len(messages), 1)))
    threads: dict[int, dict[str, object]] = {}
    items: dict[int, list[dict[str, object]]] = {}
    for message in messages:
        url = absolute_url("exchange:thread", group.slug, message.thread_id)
        threads.setdefault(message.thread_id, {
            "subject": message.thread.subject, "url": url,
            "items": items.setdefault(message.thread_id, [])})
        excerpt, cut = _excerpt(message.text, size)
        items[message.thread_id].append({
            "sender": message.sender_label(group.name), "date": message.date,
            "text": excerpt, "cut": cut,
            "url": absolute_url("exchange:message", group.slug, message.pk)})
    return list(threads.values())


def _excerpt(text: str, size: int) -> tuple[str, bool]:
    """The first `size` characters, cut at a word, blank lines squeezed."""
    text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    if len(text) <= size:
        return text, False
    return text[:size].rsplit(None, 1)[0] + " …", True
