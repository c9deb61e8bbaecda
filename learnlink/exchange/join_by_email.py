"""A mentor's reply to the notice of a request to join a members-only group, at the notice's
own address `admit+REQUEST.PERSON.ISSUED.SIG@` (join_requests.ADDRESSES): "approve" (kubali,
approuver...) lets the asker in and welcomes them, "reject" (kataa, rejeter...) refuses them
kindly, with the reason that follows the word if there is one, as the requests page's buttons
do. Who may decide, and every refusal of the reply, are moderation's by reply
(moderate_by_email); a request answered already, or expired, decides nothing."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from learnlink.exchange.command_words import ADD, APPROVE, REJECT, decision_of, decision_words
from learnlink.exchange.join_requests import ADDRESSES, approve, refuse
from learnlink.exchange.models import Subscription
from learnlink.exchange.moderate_by_email import Refused, answer_reply, moderator
from learnlink.lib.links import absolute_url
from learnlink.lib.reply_addresses import BadAddress
from learnlink.mail.models import InboundMessage
from learnlink.mail.parsing import ParsedMessage
from learnlink.mail.routing import split_address


def take_reply(inbound: InboundMessage) -> None:
    answer_reply(inbound, _decide)


def _decide(inbound: InboundMessage, parsed: ParsedMessage) -> tuple[str, str, dict[str, Any]]:
    try:
        request_pk, mailed_to = ADDRESSES.read(split_address(inbound.recipient)[0])
    except BadAddress as error:
        raise Refused(error.explained(), str(error)) from None
    asked = (Subscription.objects.select_related("group")
             .filter(pk=request_pk, confirmed__isnull=False).first())
    if asked is None or asked.expired:
        raise Refused(_("This request to join was answered already, or has expired, so "
                        "nothing was done."), f"join request {request_pk} is gone")
    group = asked.group
    queue = {"queue": absolute_url("exchange:join_requests", group.slug)}
    person = moderator(inbound, parsed, group, mailed_to, f"join request {asked.pk}", queue)
    word, rest = decision_of(parsed.new_text)
    values = {"name": asked.name or asked.address, "group": group.name}
    record = f"join request {asked.pk}: {word} ({person.name})"
    if word in (APPROVE, ADD):  # "add" (the held message's word) says the same here
        approve(asked)
        return _("Approved: %(name)s is a member of %(group)s now, and welcomed.") % values, \
            record, queue
    if word == REJECT:
        refuse(asked, rest)
        return _("Refused: %(name)s is told, kindly, that they were not added to %(group)s.") \
            % values, record, queue
    words = decision_words(translation.get_language() or "")
    raise Refused(_("The first line of your reply was not understood, so nothing was done: "
                    "write “%(approve)s”, or “%(reject)s” and your reason.")
                  % {"approve": words[APPROVE], "reject": words[REJECT]},
                  f"join request {asked.pk}: not understood", **queue)
