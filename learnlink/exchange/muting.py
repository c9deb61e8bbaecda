"""Muting a thread: a person receives nothing more of it, by message or in digests, until they
follow it again. Done from the link in each copy's footer, by replying "mute" to a copy, or
with the button on the thread page.

The footer's link carries a token of its own, `PERSON.THREAD.ISSUED.SIGNATURE`: members quote
whole copies, so it may do only what its one purpose needs, mute or follow that one thread for
that one person. It signs nobody in, changes no address or membership, and expires
LEARNLINK_MEMBER_LINK_DAYS after it was mailed.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from learnlink.exchange.member_links import BadLink, read_link
from learnlink.exchange.models import MutedThread, Thread
from learnlink.lib import dated_tokens
from learnlink.lib.links import absolute_url
from learnlink.people.models import Person

PURPOSE = "mute"


def mute_token(person: int, thread: int, issued: int | None = None) -> str:
    return dated_tokens.make(PURPOSE, person, thread, issued=issued)


def mute_url(token: str) -> str:
    return absolute_url("exchange:mute_link", token)


def read_token(token: str) -> tuple[Person, Thread]:
    """The person and thread a mute link speaks for; BadLink if forged or expired."""
    (person, thread), _issued = read_link(token, PURPOSE, (int, int))
    found = Thread.objects.select_related("group").filter(pk=thread).first()
    someone = Person.objects.filter(pk=person).first()
    if found is None or someone is None:
        raise BadLink(_("This thread is no longer in the archive: nothing was changed."))
    return someone, found


def mute(person: Person, thread: Thread) -> bool:
    """Stop sending `thread` to `person`; False when it was already muted."""
    _mute, created = MutedThread.objects.get_or_create(person=person, thread=thread)
    return created


def follow(person: Person, thread: Thread) -> bool:
    """Send `thread` to `person` again; False when it was not muted."""
    deleted, _kinds = MutedThread.objects.filter(person=person, thread=thread).delete()
    return bool(deleted)


def is_muted(person: Person | None, thread: Thread) -> bool:
    return person is not None and MutedThread.objects.filter(person=person,
                                                             thread=thread).exists()


def muted_people(thread_id: int) -> set[int]:
    """Who muted the thread: one query per post, whatever the group's size."""
    return set(MutedThread.objects.filter(thread_id=thread_id)
               .values_list("person_id", flat=True))


def mutes_among(thread_ids: set[int]) -> dict[int, frozenset[int]]:
    """For a digest: each person's muted threads among those it covers, in one query."""
    found: dict[int, set[int]] = {}
    for person, thread in MutedThread.objects.filter(thread_id__in=thread_ids).values_list(
            "person_id", "thread_id"):
        found.setdefault(person, set()).add(thread)
    return {person: frozenset(threads) for person, threads in found.items()}

