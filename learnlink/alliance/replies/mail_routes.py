"""The alliance's reply addresses, `alliance+...@` the mail domain (address.py)."""

from learnlink.alliance.replies.address import is_reply_address
from learnlink.mail.models import InboundMessage
from learnlink.mail.routing import Route


def take(inbound: InboundMessage) -> None:
    from learnlink.alliance.replies.inbox import take_reply  # loaded on use

    take_reply(inbound)


ROUTE = Route("alliance-replies", accepts=is_reply_address, process=take)
