"""Threading suggestions beyond threading's own ("Re: X" without references, see
exchange.thread_core): replies to a digest, and subjects that say "was: ..." .

- A reply to a digest ("Re: GROUP Digest, Vol 12, Issue 3", or "Re: <group>: daily digest, ..."
  as ours are named) answers one of the messages it quotes: the thread of the message whose
  text its quote holds is suggested. A reader who quoted the whole digest quotes many threads;
  then the thread whose words its own text shares most is suggested, if one clearly leads,
  and none otherwise (a wrong suggestion costs a mentor more than a missing one).
- "New topic (was: Old topic)": with nothing real above it, the latest thread named "Old topic"
  is suggested; placed in a thread whose messages go on about something else, the message is
  flagged as a split (a SplitSuggestion: accepting splits the thread there).

A suggested thread is the exchange's `Message.suggested_thread`, which the dashboard, the group
page and the thread page read, as they read threading's own. The text matching is plain Python
over word 5-grams (`shingles`), also used to find the message a digest reply answers when a
mentor accepts it (`quoted_parent`).
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.utils import translation

from learnlink.exchange.models import DeliveryMode, Group, Message, Thread
from learnlink.exchange.thread_core import SUBJECT_WINDOW
from learnlink.exchange.thread_headers import strip_reply_prefixes
from learnlink.mentoring.cleanup.trees import Tree
from learnlink.mentoring.models import SplitSuggestion

DIGEST_WINDOW = datetime.timedelta(days=35)  # a monthly digest and a few days to answer it
CANDIDATES = 500  # the latest messages before a digest reply that its quote is compared with
_SHINGLE = 5
_QUOTED = 0.5  # the share of a message's 5-grams a quote must hold to quote it
_QUOTED_AT_LEAST = 30  # or this many of them (a long message the digest cut short)
_DISTINCT = 3  # words of a reply only one quoted thread uses, for that thread to be suggested
_LEAD = 2  # how far the best thread must lead the next to be suggested

_MAILING_LIST_DIGESTS = re.compile(
    r"\bdigest,?\s+vol(?:ume)?\b|\bdigest\s+number\s+\d+|^(?:\[[^\]]*\]\s*)?digest\s+for\s",
    re.IGNORECASE)
_WAS = re.compile(r"^(?P<new>.*?)\s*[(\[]\s*(?:was|ilikuwa|[ée]tait)\b\s*:?\s*(?P<old>.+?)"
                  r"\s*[)\]]?\s*$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_LINKED = re.compile(r"/groups/[\w-]+/messages/(\d+)/")


def shingles(text: str) -> set[tuple[str, ...]]:
    """Runs of five words, lower case, without punctuation or quote marks: what survives being
    quoted, rewrapped and cut by a mail program."""
    words = _WORD.findall(text.casefold())
    return {tuple(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def subject_key(subject: str) -> str:
    """A subject as threads are compared by it: without reply prefixes, list tags such as
    "[LTP]" or "[PATCH v2]", case and extra spaces."""
    return " ".join(_BRACKETS.sub(" ", strip_reply_prefixes(subject)).split()).casefold()


def is_digest_reply(subject: str, group: Group) -> bool:
    stripped = strip_reply_prefixes(subject)
    return bool(_MAILING_LIST_DIGESTS.search(stripped)) or stripped.casefold().startswith(
        _our_digest_names(group.name))


@functools.lru_cache(maxsize=256)
def _our_digest_names(group_name: str) -> tuple[str, ...]:
    """How our own digests of a group begin, in every language ("<group>: daily digest")."""
    names = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names += [f"{group_name}: {DeliveryMode(mode).label}".casefold()
                      for mode in (DeliveryMode.DAILY, DeliveryMode.WEEKLY, DeliveryMode.MONTHLY)]
    return tuple(names)


@dataclass(frozen=True)
class Was:
    new: str
    old: str


def was(subject: str) -> Was | None:
    """"New topic (was: Old topic)" read: the new and old subjects, or None."""
    match = _WAS.match(strip_reply_prefixes(subject))
    if match is None or not subject_key(match["old"]) or not match["new"].strip():
        return None
    return Was(match["new"], strip_reply_prefixes(match["old"]))


def suggest_on_archive(group: Group, messages: Sequence[Message]) -> None:
    """The exchange's on_archive hook: a suggestion for each new digest reply or "was:" subject
    change that threading did not suggest a thread for already."""
    for message in messages:
        if message.suggested_thread_id is not None or message.date is None:
            continue
        found = suggestion_for(group, message, message.date)
        if found == SPLIT:
            SplitSuggestion.objects.get_or_create(message=message, defaults={"group": group})
        elif found is not None:
            Message.objects.filter(pk=message.pk).update(suggested_thread_id=found)
            message.suggested_thread_id = found


SPLIT: Literal["split"] = "split"


def suggestion_for(group: Group, message: Message,
                   date: datetime.datetime) -> int | Literal["split"] | None:
    """The thread suggested for `message`, SPLIT (split its thread there), or None."""
    if is_digest_reply(message.subject, group):
        found = digest_match(group, message)
        return None if found is None else found[0]
    changed = was(message.subject)
    return None if changed is None else _was_suggestion(group, message, changed, date)


def _was_suggestion(group: Group, message: Message, changed: Was,
                    date: datetime.datetime) -> int | Literal["split"] | None:
    parent = (Message.objects.filter(pk=message.parent_id).only("subject", "is_placeholder")
              .first() if message.parent_id else None)
    if parent is not None and not parent.is_placeholder:
        # A reply that names a new topic splits off, unless it answers the new topic already.
        return None if subject_key(parent.subject) == subject_key(message.subject) else SPLIT
    tree = Tree.of(message.thread_id)
    if tree.real() - tree.subtree(message.pk):
        return SPLIT  # below a message we never got, in a thread about more
    return _old_thread(group, message, changed.old, date)


def _old_thread(group: Group, message: Message, old: str,
                date: datetime.datetime) -> int | None:
    """The thread a "was:" names, among those started before the message and active in the
    month before it: the latest named exactly so (a list's "[tag]" before the name aside),
    else the latest of the same name once tags are left out ("[PATCH v3] x" for "[PATCH] x"),
    else the latest whose name begins so (a subject cut short in the "was:")."""
    exact, key = strip_reply_prefixes(old).casefold(), subject_key(old)
    window = (Thread.objects.filter(group=group, started__lte=date,
                                    last_activity__gte=date - SUBJECT_WINDOW)
              .exclude(pk=message.thread_id).order_by("-last_activity").only("subject"))
    tiers: dict[int, int] = {}
    for thread in window[:CANDIDATES]:
        name = thread.subject.casefold()
        tier = (0 if name.endswith(exact) else 1 if subject_key(name) == key
                else 2 if len(key) >= 10 and subject_key(name).startswith(key) else None)
        if tier is not None:
            tiers.setdefault(tier, thread.pk)
    return tiers[min(tiers)] if tiers else None


def digest_match(group: Group, message: Message) -> tuple[int, int] | None:
    """The thread and message a digest reply answers, by what its quote holds; or None."""
    quote = shingles(message.quoted)
    if not quote or message.date is None:
        return None
    candidates = _candidates(group, message, message.date)
    quoted = _quoted_messages(quote, candidates)
    threads = {thread for thread, _pk, _share in quoted}
    if not threads:
        return None
    if len(threads) > 1:
        texts = {pk: text for pk, _thread, text in candidates}
        best = _closest_thread(message.text, [(thread, texts[pk]) for thread, pk, _share
                                              in quoted])
        if best is None:
            return None
        quoted = [row for row in quoted if row[0] == best]
    thread, pk, _share = max(quoted, key=lambda row: row[2])
    return thread, pk


def quoted_parent(message: Message, thread_pk: int) -> int | None:
    """The message of `thread_pk` that a digest reply quotes most, to hang it below when a
    mentor accepts its suggestion; None (below the thread's first message) for the others."""
    if not is_digest_reply(message.subject, message.group):
        return None
    rows = Message.objects.filter(thread_id=thread_pk, is_placeholder=False).values_list(
        "pk", "thread_id", "text")
    quoted = _quoted_messages(shingles(message.quoted), rows)
    return max(quoted, key=lambda row: row[2])[1] if quoted else None


def _candidates(group: Group, message: Message,
                date: datetime.datetime) -> list[tuple[int, int, str]]:
    """(pk, thread, text) of the messages a digest before this reply may have carried: the
    latest of the weeks before it, and any our digest links to in the quote."""
    rows = (Message.objects.filter(group=group, is_placeholder=False, removed__isnull=True)
            .exclude(thread_id=message.thread_id))
    recent = list(rows.filter(date__lte=date, date__gte=date - DIGEST_WINDOW)
                  .order_by("-date").values_list("pk", "thread_id", "text")[:CANDIDATES])
    linked = {int(pk) for pk in _LINKED.findall(message.quoted)} - {row[0] for row in recent}
    return recent + list(rows.filter(pk__in=linked).values_list("pk", "thread_id", "text"))


def _quoted_messages(quote: set[tuple[str, ...]],
                     rows: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, float]]:
    """(thread, pk, share) of each message whose text the quote holds."""
    found = []
    for pk, thread, text in rows:
        own = shingles(text)
        if not own:
            continue
        shared = len(own & quote)
        if shared / len(own) >= _QUOTED or shared >= _QUOTED_AT_LEAST:
            found.append((thread, pk, shared / len(own)))
    return found


def _closest_thread(text: str, quoted: list[tuple[int, str]]) -> int | None:
    """Of the threads a whole digest quoted, the one whose messages alone use the most of the
    reply's own words (of four letters or more, used by no other thread quoted), if it has at
    least three such words and twice as many as the next. Words every thread of a digest uses
    ("price", "buyer" in a farmers' group; "patch" on a developers' list) say nothing, and
    most replies ("Thanks, we will try") say nothing particular: on the LTP list's replies
    rewritten as whole-digest replies, any looser rule was wrong four times in ten
    (bench/cleanup_suggestions.py)."""
    own = _content_words(text)
    vocabulary: defaultdict[int, set[str]] = defaultdict(set)
    for thread, body in quoted:
        vocabulary[thread] |= _content_words(body)
    used = Counter(word for words in vocabulary.values() for word in words)
    ranked = Counter({thread: sum(1 for word in own & words if used[word] == 1)
                      for thread, words in vocabulary.items()}).most_common(2)
    if not ranked or ranked[0][1] < _DISTINCT:
        return None
    if len(ranked) > 1 and ranked[0][1] < _LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def _content_words(text: str) -> set[str]:
    """Words of four letters or more: short ones are mostly grammar in our three languages."""
    return {word for word in _WORD.findall(text.casefold()) if len(word) >= 4}
