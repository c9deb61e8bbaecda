"""Background work of the exchange app."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from learnlink.exchange.models import HeldMessage
from learnlink.people.person_language import language_for_address


@db_task(retries=3, retry_delay=60)
def send_rejection(held_id: int, reason: str) -> None:
    """Tell the sender of a rejected message why, in their language, so they can fix it and
    write again."""
    held = HeldMessage.objects.select_related("group").get(pk=held_id)
    context = {"held": held, "group": held.group, "reason": reason}
    with translation.override(language_for_address(held.sender_address, held.group.language)):
        subject = render_to_string("exchange/email/rejected_subject.txt", context).strip()
        body = render_to_string("exchange/email/rejected.txt", context)
    send_mail(subject, body, None, [held.sender_address])


@db_periodic_task(crontab(minute="*/15"))
def send_digests() -> None:
    """Each group's digests leave at its own digest time, within a quarter of an hour."""
    from learnlink.exchange.digests import send_due

    send_due()


@db_periodic_task(crontab(hour="7", minute="0"))
def morning_round() -> None:
    """Once a day: moderators hear what waits; unconfirmed subscriptions expire."""
    from learnlink.exchange.notices import summarise_for_moderators
    from learnlink.exchange.subscriptions import expire_old

    summarise_for_moderators()
    expire_old()
