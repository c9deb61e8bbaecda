"""The mail addresses the exchange app answers to: every group, its command addresses
(SLUG+subscribe@, SLUG-request@ ...), and search@ and get@."""

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


def service(name: str) -> Route:
    def answer(inbound: InboundMessage) -> None:
        from learnlink.exchange.by_email import answer as reply

        reply(inbound, name)

    return Route(name, accepts=lambda local, _domain: local == name, process=answer)


GROUPS = Route("groups", accepts=is_group, process=post_to_group)
COMMANDS = Route("commands", accepts=is_command, process=command)
ROUTES = [GROUPS, COMMANDS, *(service(name) for name in SERVICES)]
