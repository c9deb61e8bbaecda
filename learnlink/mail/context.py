"""Template context of the mail app: whether the menu offers the outgoing mail page."""

from django.http import HttpRequest

from learnlink.mail.permissions import can_read_outbox


def outbox_reader(request: HttpRequest) -> dict[str, bool]:
    return {"reads_outbox": can_read_outbox(request.user)}
