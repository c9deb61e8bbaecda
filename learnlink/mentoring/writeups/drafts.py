"""The first draft of a write-up: the learner's words quoted from a thread, or the mentor's notes
of an interview under the guide's headings. Written in the write-up's language (its headings,
its dates), whatever language the mentor's pages are in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models import Message, Thread
from learnlink.lib.dates import shown
from learnlink.lib.links import absolute
from learnlink.mentoring.writeups.text import ATTRIBUTION, HEADING, QUOTE
from learnlink.people.models import Organisation, Person

# The messages a mentor chooses from: a write-up quotes a few, and the form must stay light.
MOST_MESSAGES = 50

# The interview guide: each answer's name, its heading in the write-up, the question asked.
GUIDE = (
    ("problem", _("The problem"), _("What problem did they want to solve?")),
    ("tried", _("What was tried, and with whom"),
     _("What did they try, with which group, service provider or buyer?")),
    ("happened", _("What happened"),
     _("What came of it: volumes, prices, how many members took part?")),
    ("differently", _("What they would do differently"),
     _("Knowing what they know now, what would they change?")),
    ("contact", _("Whom to contact"),
     _("Who can tell another group more: a person, an organisation?")),
)


def quotable(thread: Thread) -> list[Message]:
    """The thread's messages in the order they were written, each with its author's
    organisations (for the attribution), at most MOST_MESSAGES."""
    return list(Message.objects.filter(thread=thread, is_placeholder=False)
                .select_related("sender", "group")
                .prefetch_related("sender__affiliations__organisation")
                .order_by("date", "pk")[:MOST_MESSAGES])


def organisation_of(person: Person | None) -> Organisation | None:
    """The first of the person's organisations (their affiliations, prefetched), if any."""
    if person is None:
        return None
    affiliation = next(iter(person.affiliations.all()), None)
    return affiliation.organisation if affiliation else None


def from_thread(messages: Iterable[Message], language: str) -> str:
    """The chosen messages' own words (quotes and signatures were cut when they were archived),
    each quoted with who wrote it, their organisation, the day (in the write-up's language) and
    the link to the message. Messages with no words of their own are left out; '' when none
    has any."""
    with translation.override(language):
        quotes = [_quoted(message) for message in messages if message.text.strip()]
    return "\n\n".join(quotes) + "\n" if quotes else ""


def _quoted(message: Message) -> str:
    lines = [f"{QUOTE} {line}".rstrip() for line in message.text.strip().splitlines()]
    organisation = organisation_of(message.sender)
    who = [message.sender_label(), organisation.name if organisation else "",
           shown(message.date, "long_day")]
    attribution = ATTRIBUTION + ", ".join(part for part in who if part)
    return "\n".join([*lines, "", attribution, absolute(message.get_absolute_url())])


def from_guide(answers: Mapping[str, str], language: str) -> str:
    """Each answered question under its heading; '' when nothing was answered."""
    with translation.override(language):
        sections = [f"{HEADING}{heading}\n\n{answers[name].strip()}"
                    for name, heading, _question in GUIDE if answers.get(name, "").strip()]
    return "\n\n".join(sections) + "\n" if sections else ""
