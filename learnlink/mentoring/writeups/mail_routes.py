"""The address write-ups answer to: each write-up's own reply address (reply_address)."""

from learnlink.mail.models import InboundMessage
from learnlink.mail.routing import Route


def is_reply(local: str, domain: str) -> bool:
    from learnlink.mentoring.writeups.reply_address import is_reply_address

    return is_reply_address(local, domain)


def reply(inbound: InboundMessage) -> None:
    from learnlink.mentoring.writeups.replies import take_reply  # loaded on use

    take_reply(inbound)


ROUTES = [Route("writeup-replies", accepts=is_reply, process=reply)]
