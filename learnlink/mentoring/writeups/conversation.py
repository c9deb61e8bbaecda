"""What the learner and the mentors see around a write-up's text: the comments, the log of
its states, its versions, the learner's buttons, and for the mentors the replies that were set
aside (quarantined) on the way, with the reason."""

from __future__ import annotations

from typing import Any

from learnlink.mail.models import InboundMessage
from learnlink.mentoring.models import WriteUp, WriteUpState
from learnlink.mentoring.permissions import AnyUser, coaches, is_its_learner
from learnlink.mentoring.writeups.forms import CommentForm
from learnlink.mentoring.writeups.reply_address import addresses_of

# A write-up's conversation is a few dozen entries; these keep a runaway one's page light.
MOST_COMMENTS = 30
MOST_EVENTS = 100
MOST_VERSIONS = 50
MOST_SET_ASIDE = 10


def conversation(user: AnyUser, writeup: WriteUp) -> dict[str, Any]:
    coach = coaches(user, writeup)
    context: dict[str, Any] = {
        "comments": list(writeup.comments.order_by("-created", "-pk")[:MOST_COMMENTS]),
        "events": list(writeup.events.order_by("-created", "-pk")[:MOST_EVENTS]),
        "versions": list(writeup.versions.select_related("by__person").defer("text")
                         .order_by("-number")[:MOST_VERSIONS]),
        "comment_form": CommentForm(),
        "may_approve": is_its_learner(user, writeup) and writeup.state in (
            WriteUpState.WITH_LEARNER, WriteUpState.IN_REVIEW),
        "approved": writeup.state == WriteUpState.APPROVED,
        "conversation": True,
    }
    if coach:
        context["set_aside"] = list(
            InboundMessage.objects.quarantined().filter(
                recipient__startswith=addresses_of(writeup)).defer("raw")[:MOST_SET_ASIDE])
    return context
