"""Finding resources by their words: for the library's search box, for `search@`, and for the
suggestions on a thread's page.

Each resource keeps its words in `ResourceWord` (folded and stemmed the same way in every
language; tags weigh most, then the title, then the description), rewritten whenever it is
saved, and `LibraryWord` counts how many resources each word is in. A thread's page reads the
opening of its first messages, the counts of the thirty words that say what it is about, and
the index rows of those words that few resources share: a bounded read, whatever the size of
the archive, and of the library (a word in more than MAX_SPREAD resources tells nothing and is
not read). A thread's words and its suggestions are kept in the cache until the thread or the
library changes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from django.core.cache import cache
from django.db.models import F, QuerySet, Sum
from django.db.models.functions import Substr

from learnlink.drafting.words import STOP_WORDS, words_of
from learnlink.exchange.models import Message, Thread
from learnlink.mentoring.models import LibraryWord, Resource, ResourceWord, Theme
from learnlink.people.models import Enterprise
from learnlink.search.text import fold

TAG, TITLE, BODY = 3, 2, 1
QUERY_WORDS = 8  # a search box's words, all of which a resource must have
THREAD_WORDS = 30  # the words that say what a thread is about
THREAD_MESSAGES = 3  # its first messages say it; later replies drift
MESSAGE_CHARS = 3000  # of each: a long first message says enough in its opening
MAX_SPREAD = 50  # resources a word may be in and still tell one from another
SUGGESTIONS = 3
RANKED_KEPT = 20  # suggestions kept per thread, for those attached to be left out
KEPT = 24 * 60 * 60  # a thread's words and suggestions, until it or the library changes
LIBRARY_VERSION = "resources:library-version"  # changes whenever a resource is indexed
MIN_MATCHED = 3  # words a suggestion shares with the thread: one or two alone are chance
RANKED = 50  # a search's newest matches ranked by where their words stand
WORD_LENGTH = 64
_STOP_WORDS = frozenset(map(fold, STOP_WORDS))


def words(text: str) -> list[str]:
    """The meaningful words of a text, in order: case and accents folded first ("Récépissés"
    and "recepisses" are one word), then stop words of our three languages out and plurals
    off."""
    return [word[:WORD_LENGTH] for word in words_of(fold(text), _STOP_WORDS)]


# Words nearly every thread of a network of farmer groups uses: sharing them says nothing.
COMMON = frozenset(words(
    "group member farmer question ask work help need week day time thanks kikundi vikundi "
    "wanachama mwanachama wakulima mkulima swali maswali habari asante groupe membre "
    "agriculteur merci semaine jour"))


def index_resource(resource: Resource) -> None:
    """Write the words `resource` is found by (after its tags are saved), and count them."""
    weights: dict[str, int] = {}
    tags = " ".join([*map(_names, resource.enterprises.all()), *map(_names, resource.themes.all())])
    for text, weight in [(tags, TAG), (resource.title, TITLE),
                         (f"{resource.description} {resource.organisation}", BODY)]:
        for word in words(text):
            weights[word] = max(weight, weights.get(word, 0))
    unindex_resource(resource)
    ResourceWord.objects.bulk_create(ResourceWord(resource=resource, word=word, weight=weight)
                                     for word, weight in weights.items())
    LibraryWord.objects.bulk_create([LibraryWord(word=word) for word in weights],
                                    ignore_conflicts=True)
    LibraryWord.objects.filter(word__in=weights).update(resources=F("resources") + 1)


def unindex_resource(resource: Resource) -> None:
    """Take the resource's words out of the index and out of the counts."""
    old = ResourceWord.objects.filter(resource=resource)
    LibraryWord.objects.filter(word__in=old.values("word")).update(resources=F("resources") - 1)
    old.delete()
    _library_changed()


def _library_changed() -> None:
    """A new version of the library: every thread's suggestions are worked out again."""
    try:
        cache.incr(LIBRARY_VERSION)
    except ValueError:  # not in the cache yet (or evicted)
        cache.set(LIBRARY_VERSION, 1, None)


def _names(tag: Enterprise | Theme) -> str:
    """An enterprise's or theme's names in every language: a search or a thread in any of
    them finds what is tagged with it."""
    return f"{tag.name} {tag.name_sw} {tag.name_fr}"


def matching_all(query: str) -> QuerySet[Resource] | None:
    """The resources having every word of `query` (each word one indexed join, which the
    database starts from the rarest); None when the query has no word to look for."""
    wanted = list(dict.fromkeys(words(query)))[:QUERY_WORDS]
    if not wanted:
        return None
    found = Resource.objects.all()
    for word in wanted:
        found = found.filter(words__word=word)
    return found


def best_matching(query: str, limit: int) -> list[int]:
    """The ids of the best `limit` resources having every word of `query`: of the newest
    RANKED matches, those whose words stand in their tags and titles first."""
    found = matching_all(query)
    if found is None:
        return []
    newest = list(found.order_by("-updated", "-pk").values_list("pk", flat=True)[:RANKED])
    scores = dict(ResourceWord.objects.filter(resource_id__in=newest, word__in=words(query))
                  .values("resource_id").annotate(score=Sum("weight"))
                  .values_list("resource_id", "score"))
    return sorted(newest, key=lambda pk: -scores.get(pk, 0))[:limit]


def thread_words(thread: Thread) -> Counter[str]:
    """What the thread is about: the most frequent words of its subject (counted twice) and of
    the opening of its first messages, with how often each is used. Kept in the cache until
    the thread changes, as the page's rendered messages are."""
    version = thread.last_activity.timestamp()
    key = f"resources:thread-words:{thread.pk}:{thread.message_count}:{version}"
    found: Counter[str] | None = cache.get(key)
    if found is None:
        texts = (Message.objects.filter(thread=thread, is_placeholder=False)
                 .order_by("date", "pk")
                 .values_list(Substr("text", 1, MESSAGE_CHARS), flat=True)[:THREAD_MESSAGES])
        counts = Counter(words(thread.subject) * 2)
        for text in texts:
            counts.update(words(text))
        found = Counter(dict(counts.most_common(THREAD_WORDS)))
        cache.set(key, found, KEPT)
    return found


def suggested_for(thread: Thread, leave_out: Iterable[int] = ()) -> list[int]:
    """The ids of the resources most like the thread, best first, leaving out those already
    attached. Kept in the cache until the thread or the library changes."""
    key = (f"resources:suggested:{thread.pk}:{thread.message_count}:"
           f"{thread.last_activity.timestamp()}:{cache.get(LIBRARY_VERSION, 0)}")
    ranked: list[int] | None = cache.get(key)
    if ranked is None:
        ranked = _ranked(thread)
        cache.set(key, ranked, KEPT)
    skip = set(leave_out)
    return [pk for pk in ranked if pk not in skip][:SUGGESTIONS]


def _ranked(thread: Thread) -> list[int]:
    """The resources that may be suggested for the thread, best first (a few more than are
    shown, for those already attached to be left out).

    Each telling word a resource shares with the thread counts its weight in the resource
    (tags, then title, then description), more for a word few resources have and for a word
    the thread uses often. A suggestion shares at least MIN_MATCHED words, one of them from its
    title or tags, and scores at least a third of the best match (the attached ones included):
    a thread clearly about one thing is not offered everything that mentions a word of it.
    (Summed here rather than by the database: a query with a factor per word took three times
    the CPU to build, with a library of 100 resources, than these few rows take to add up.)"""
    about = {word: count for word, count in thread_words(thread).items()
             if word not in COMMON}
    spread = dict(LibraryWord.objects.filter(word__in=about, resources__gt=0,
                                             resources__lte=MAX_SPREAD)
                  .values_list("word", "resources"))
    if not spread:
        return []
    library = Resource.objects.count()
    worth = {word: math.log(1 + library / spread[word]) * (1 + math.log(about[word]))
             for word in spread}
    scores: dict[int, float] = {}
    matched: Counter[int] = Counter()
    titled: set[int] = set()
    for resource_id, word, weight in ResourceWord.objects.filter(word__in=worth).values_list(
            "resource_id", "word", "weight"):
        scores[resource_id] = scores.get(resource_id, 0.0) + weight * worth[word]
        matched[resource_id] += 1
        if weight > BODY:
            titled.add(resource_id)
    if not scores:
        return []
    best = max(scores.values())
    ranked = sorted(scores, key=lambda pk: (-scores[pk], pk))
    return [pk for pk in ranked if matched[pk] >= MIN_MATCHED and pk in titled
            and scores[pk] >= best / 3][:RANKED_KEPT]
