"""The reminders' mail address: SLUG+reminders@ the mail domain, for every group (by_email.py
says what becomes of each message)."""

from learnlink.mail.models import InboundMessage
from learnlink.mail.routing import Route


def is_reminders(local: str, _domain: str) -> bool:
    from learnlink.mentoring.nudges.by_email import reminders_group

    return reminders_group(local) is not None


def take(inbound: InboundMessage) -> None:
    from learnlink.mentoring.nudges.by_email import take as take_reply  # loaded on use

    take_reply(inbound)


ROUTE = Route("reminders", accepts=is_reminders, process=take)
