"""The introduction's own address, intro-TOKEN@: the copy of each answer that Learnlink keeps.

The token names one introduction and does nothing else: it signs nobody in and posts nowhere.
An address whose token names no introduction is refused when the mail arrives (550, like any
unknown address). Each message that is taken ends done or refused with its reason:

- from one of the two sides (anyone of either organisation, from any address the directory
  knows them by) or the introducer: recorded under the introduction; the first from a side
  marks it answered, by whom and when;
- from anyone else: quarantined, not recorded: the page tells its mentors that a mail came
  from someone who is neither side (a side writing from an address the directory does not
  know yet, or a stranger the mail was forwarded to);
- an automatic reply, a copy already recorded, an address past its time, or one more answer
  than an introduction keeps: refused, not recorded, with the reason.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from learnlink.lib.fields import fitted
from learnlink.mail.inbox import finish, quarantine
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage, ParseError, parse
from learnlink.mail.routing import split_address
from learnlink.mentoring.models import Introduction, IntroductionReply
from learnlink.mentoring.models.introductions import ADDRESS_PREFIX, MAX_REPLIES, Side
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Affiliation, Person

MAX_TEXT = 20_000  # characters of an answer's new text kept for the page


def introduction_at(local: str) -> Introduction | None:
    """The introduction whose address has this local part."""
    if not local.startswith(ADDRESS_PREFIX):
        return None
    return Introduction.objects.filter(token=local.removeprefix(ADDRESS_PREFIX)).first()


def side_of(introduction: Introduction, person: Person | None) -> Side | None:
    """Which side `person` speaks for; the introducer when they are on neither."""
    if person is None:
        return None
    for side, organisation, contact in [
            (Side.SEEKER, introduction.seeker_organisation_id, introduction.seeker_id),
            (Side.PEER, introduction.peer_organisation_id, introduction.peer_id)]:
        if person.pk == contact or Affiliation.objects.filter(
                person=person, organisation_id=organisation).exists():
            return side
    return Side.INTRODUCER if person.pk == introduction.introducer_id else None


def receive_answer(inbound: InboundMessage) -> None:
    """The mail route's work for one stored message (see the module's list)."""
    introduction = introduction_at(split_address(inbound.recipient)[0])
    if introduction is None:
        quarantine(inbound, "no introduction has this address")
        return
    try:
        parsed = parse(bytes(inbound.raw))
    except ParseError as error:
        quarantine(inbound, f"cannot be read as an email: {error}")
        return
    refused = _refusal(introduction, inbound, parsed)
    if refused:
        finish(inbound, State.REJECTED, f"not recorded: {refused}")
        return
    person = person_for_address(parsed.from_address)
    side = side_of(introduction, person)
    if person is None or side is None:
        quarantine(inbound, f"not recorded: from {parsed.from_address or 'nobody'}, who is "
                            f"neither side of introduction {introduction.pk} nor its introducer")
        return
    with transaction.atomic():  # the answer and the inbox row's end, in one commit
        if not record(introduction, inbound, parsed, person, side):
            finish(inbound, State.REJECTED, f"not recorded: {parsed.message_id} is already "
                                            f"recorded with introduction {introduction.pk}")
            return
        finish(inbound, State.DONE, f"recorded with introduction {introduction.pk}: an "
                                    f"answer from {parsed.from_address} ({side.value})")


def _refusal(introduction: Introduction, inbound: InboundMessage,
             parsed: ParsedMessage) -> str:
    if inbound.received > introduction.address_expires():
        return (f"the address of introduction {introduction.pk} took answers until "
                f"{introduction.address_expires():%Y-%m-%d}")
    if parsed.auto_reply:
        return f"an automatic reply ({parsed.auto_reply}), not an answer"
    if introduction.replies.count() >= MAX_REPLIES:
        return f"introduction {introduction.pk} already keeps {MAX_REPLIES} answers"
    return ""


def record(introduction: Introduction, inbound: InboundMessage, parsed: ParsedMessage,
           person: Person, side: Side) -> bool:
    """Keep the answer; the first from a side answers the introduction. False when this
    Message-ID is already kept (the same mail copied to us twice)."""
    try:
        with transaction.atomic():
            reply = IntroductionReply.objects.create(
                introduction=introduction, inbound=inbound,
                message_id=fitted(IntroductionReply, "message_id", parsed.message_id),
                person=person, side=side,
                sender_name=fitted(IntroductionReply, "sender_name", person.name),
                subject=fitted(IntroductionReply, "subject", parsed.subject),
                text=parsed.new_text[:MAX_TEXT], date=_written(introduction, inbound, parsed))
            if side != Side.INTRODUCER:
                Introduction.objects.filter(pk=introduction.pk, answered__isnull=True).update(
                    answered=reply.date, answered_by=person)
    except IntegrityError:
        return False
    return True


def _written(introduction: Introduction, inbound: InboundMessage,
             parsed: ParsedMessage) -> datetime.datetime:
    """When the answer was written, as its Date says, kept between the introduction and the
    moment it arrived (a wrong clock must not answer before the question)."""
    arrived = inbound.received or timezone.now()
    if parsed.date is None:
        return arrived
    return min(max(parsed.date, introduction.sent), arrived)
