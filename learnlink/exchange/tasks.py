"""Background work of the exchange app."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from huey.contrib.djhuey import db_task

from learnlink.exchange.models import HeldMessage


@db_task(retries=3, retry_delay=60)
def send_rejection(held_id: int, reason: str) -> None:
    """Tell the sender of a rejected message why, so they can fix it and write again."""
    held = HeldMessage.objects.select_related("group").get(pk=held_id)
    context = {"held": held, "group": held.group, "reason": reason}
    with translation.override(held.group.language):
        subject = render_to_string("exchange/email/rejected_subject.txt", context).strip()
        body = render_to_string("exchange/email/rejected.txt", context)
    send_mail(subject, body, None, [held.sender_address])
