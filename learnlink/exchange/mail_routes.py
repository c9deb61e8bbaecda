"""The mail addresses the exchange app answers to: every group, its command addresses
(SLUG+subscribe@, SLUG-request@ ...), its mentors (SLUG-owner@), search@ and get@, the
moderators' replies to the notice of a held message (moderate+TOKEN@) and of a request to
join (admit+TOKEN@), and the
address our notices come from (DEFAULT_FROM_EMAIL), so that a reply to any mail Learnlink sends
gets an answer rather than a bounce."""

from learnlink.exchange.models import Group
from learnlink.mail.models import InboundMessage
from learnlink.mail.routing import Route

SERVICES = ("search", "get")


def is_group(local: str, domain: str) -> bool:
    return Group.objects.filter(slug=local).exists()


def post_to_group(inbound: InboundMessage) -> None:
    from learnlink.exchange.posting import process_inbound  # the whole pipeline, loaded on use

    process_inbound(inbound)


def is_command(local: str, domain: str) -> bool:
    from learnlink.exchange.email_commands import is_command_address

    return is_command_address(local, domain)


def command(inbound: InboundMessage) -> None:
    from learnlink.exchange.email_commands import process

    process(inbound)


def is_owner(local: str, domain: str) -> bool:
    from learnlink.exchange.owner_mail import owner_group

    return owner_group(local) is not None


def to_mentors(inbound: InboundMessage) -> None:
    from learnlink.exchange.owner_mail import forward_to_mentors

    forward_to_mentors(inbound)


def is_not_read(local: str, domain: str) -> bool:
    from learnlink.exchange.owner_mail import is_not_read_address

    return is_not_read_address(local, domain)


def not_read(inbound: InboundMessage) -> None:
    from learnlink.exchange.owner_mail import answer_not_read

    answer_not_read(inbound)


def is_moderation_reply(local: str, domain: str) -> bool:
    from learnlink.exchange.held_notices import ADDRESSES

    return ADDRESSES.accepts(local, domain)


def moderate(inbound: InboundMessage) -> None:
    from learnlink.exchange.moderate_by_email import take_reply

    take_reply(inbound)


def is_join_reply(local: str, domain: str) -> bool:
    from learnlink.exchange.join_requests import ADDRESSES

    return ADDRESSES.accepts(local, domain)


def admit(inbound: InboundMessage) -> None:
    from learnlink.exchange.join_by_email import take_reply

    take_reply(inbound)


def service(name: str) -> Route:
    def answer(inbound: InboundMessage) -> None:
        from learnlink.exchange.by_email import answer as reply

        reply(inbound, name)

    return Route(name, accepts=lambda local, _domain: local == name, process=answer)


GROUPS = Route("groups", accepts=is_group, process=post_to_group)
COMMANDS = Route("commands", accepts=is_command, process=command)
OWNERS = Route("owners", accepts=is_owner, process=to_mentors)
NOT_READ = Route("not-read", accepts=is_not_read, process=not_read)
MODERATION = Route("moderation-replies", accepts=is_moderation_reply, process=moderate)
ADMISSION = Route("join-replies", accepts=is_join_reply, process=admit)
ROUTES = [GROUPS, COMMANDS, *(service(name) for name in SERVICES), OWNERS, NOT_READ,
          MODERATION, ADMISSION]
