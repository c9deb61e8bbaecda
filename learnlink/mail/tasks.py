"""Background work of the mail app, run by the worker."""

import datetime

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from learnlink.mail import inbox
from learnlink.mail.inbox import NOT_QUEUED
from learnlink.mail.models import InboundMessage, State

STALLED = datetime.timedelta(hours=3)


@db_task(retries=8, retry_delay=30, retry_backoff=2)
def process_inbound(pk: int) -> None:
    """Process one stored message unless someone got there first (crash recovery may repeat).
    A temporary failure (the database busy) raises, and the message is tried again after 30 s,
    1 min, 2 min ... for about two hours; `retry_stalled` takes over after that."""
    inbound = InboundMessage.objects.filter(pk=pk, state=State.PENDING).first()
    if inbound is not None:
        inbox.process(inbound)


def enqueue_pending() -> int:
    """At start-up: whatever was stored but not processed before a crash is processed now."""
    pending = list(InboundMessage.objects.pending().values_list("pk", flat=True))
    for pk in pending:
        process_inbound(pk)
    return len(pending)


@db_periodic_task(crontab(minute="41"))
def retry_stalled() -> None:
    """Every hour: messages still pending long after they came (the database was unavailable
    for longer than the retries of their task) are queued again."""
    stalled = InboundMessage.objects.pending().filter(received__lt=timezone.now() - STALLED)
    for pk in stalled.values_list("pk", flat=True):
        process_inbound(pk)


@db_periodic_task(crontab(minute="*"))
def queue_again() -> None:
    """Every minute: messages stored while the queue was down (inbox.queue marked them) are
    handed over now that it answers; a row the worker finished meanwhile keeps its reason."""
    for pk in InboundMessage.objects.pending().filter(reason=NOT_QUEUED).values_list(
            "pk", flat=True):
        process_inbound(pk)
        InboundMessage.objects.filter(pk=pk, state=State.PENDING, reason=NOT_QUEUED).update(
            reason="")


@db_task()
def send_outbox() -> None:
    """Queued right after new mail is committed, so it leaves at once."""
    _send()


@db_periodic_task(crontab(minute="*"))
def send_retries() -> None:
    """Every minute: deliveries whose retry time has come, and any a dead worker left."""
    _send()


@db_periodic_task(crontab(hour="3", minute="17"))
def prune_outbox() -> None:
    """Every night: sent deliveries past their retention period go (see prune_sent)."""
    from learnlink.mail.outbox import prune_sent

    prune_sent()


def _send() -> None:
    """Two senders at once are safe: each leases the deliveries it takes."""
    from learnlink.mail.sending import send_due

    send_due()
