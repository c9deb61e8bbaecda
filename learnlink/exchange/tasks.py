"""Background work of the exchange app."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from learnlink.exchange.models import HeldMessage
from learnlink.exchange.subscriptions import tell


@db_task(retries=3, retry_delay=60)
def send_rejection(held_id: int, reason: str) -> None:
    """Tell the sender of a rejected message why, so they can fix it and write again; a reply
    reaches the group's mentors."""
    held = HeldMessage.objects.select_related("group").get(pk=held_id)
    tell(held.group, held.sender_address, "rejected", {"held": held, "reason": reason},
         reply_to=held.group.owner_address)


@db_task(retries=3, retry_delay=60)
def send_held_notices(held_id: int) -> None:
    """Each moderator who wants it hears of the held message at once (held_notices)."""
    from learnlink.exchange.held_notices import send_notices

    send_notices(held_id)


@db_periodic_task(crontab(minute="*/15"))
def send_digests() -> None:
    """Each group's digests leave at its own digest time, within a quarter of an hour."""
    from learnlink.exchange.digests import send_due

    send_due()


@db_periodic_task(crontab(hour="7", minute="0"))
def morning_round() -> None:
    """Once a day: unconfirmed subscriptions expire. (What waits for the moderators is in the
    mentors' morning summary, sent by the mentoring app.)"""
    from learnlink.exchange.subscriptions import expire_old

    expire_old()
