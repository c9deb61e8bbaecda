"""The peer finder's mail address: peers@ the mail domain."""

from learnlink.mail.models import InboundMessage
from learnlink.mail.routing import Route


def _answer(inbound: InboundMessage) -> None:
    from learnlink.mentoring.peers.by_email import answer  # the finder, loaded on use

    answer(inbound)


PEERS = Route("peers", accepts=lambda local, _domain: local == "peers", process=_answer)
