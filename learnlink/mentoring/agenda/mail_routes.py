"""The agenda's mail address: SLUG+agenda@ the mail domain, for every group (by_email.py says
what becomes of each message)."""

from learnlink.mail.models import InboundMessage
from learnlink.mail.routing import Route


def is_agenda(local: str, _domain: str) -> bool:
    from learnlink.mentoring.agenda.by_email import agenda_group

    return agenda_group(local) is not None


def take(inbound: InboundMessage) -> None:
    from learnlink.mentoring.agenda.by_email import take_proposal  # loaded on use

    take_proposal(inbound)


ROUTE = Route("agenda", accepts=is_agenda, process=take)
