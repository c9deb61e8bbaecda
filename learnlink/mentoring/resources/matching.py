"""Finding resources by their words: for the library's search box, for `search@`, and for the
suggestions on a thread's page.

Each resource keeps its words in `ResourceWord` (folded and stemmed the same way in every
language, title and tags weighing more than the description), rewritten whenever it is saved.
A thread's page asks for the few words that say what the thread is about (its subject and
first messages) and reads only those words' rows: the cost grows with the library's use of those
words, never with the archive.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from django.db.models import Count, Sum

from learnlink.drafting.words import STOP_WORDS, words_of
from learnlink.exchange.models import Message, Thread
from learnlink.mentoring.models import Resource, ResourceWord, Theme
from learnlink.people.models import Enterprise
from learnlink.search.text import fold

TAG, TITLE, BODY = 3, 2, 1
QUERY_WORDS = 8  # a search box's words, all of which a resource must have
THREAD_WORDS = 30  # the words that say what a thread is about
THREAD_MESSAGES = 3  # its first messages say it; later replies drift
MESSAGE_CHARS = 3000  # of each: a long first message says enough in its opening
SUGGESTIONS = 3
MIN_MATCHED = 3  # words a suggestion shares with the thread: one or two alone are chance
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
    """Write the words `resource` is found by (after its tags are saved)."""
    weights: dict[str, int] = {}
    tags = " ".join([*map(_names, resource.enterprises.all()), *map(_names, resource.themes.all())])
    for text, weight in [(tags, TAG), (resource.title, TITLE),
                         (f"{resource.description} {resource.organisation}", BODY)]:
        for word in words(text):
            weights[word] = max(weight, weights.get(word, 0))
    ResourceWord.objects.filter(resource=resource).delete()
    ResourceWord.objects.bulk_create(ResourceWord(resource=resource, word=word, weight=weight)
                                     for word, weight in weights.items())


def _names(tag: Enterprise | Theme) -> str:
    """An enterprise's or theme's names in every language: a search or a thread in any of
    them finds what is tagged with it."""
    return f"{tag.name} {tag.name_sw} {tag.name_fr}"


def matching_all(query: str) -> list[int] | None:
    """The ids of resources having every word of `query`, best first (title and tag words
    before description words); None when the query has no word to look for."""
    wanted = list(dict.fromkeys(words(query)))[:QUERY_WORDS]
    if not wanted:
        return None
    rows = (ResourceWord.objects.filter(word__in=wanted).values("resource_id")
            .annotate(found=Count("word"), score=Sum("weight")).filter(found=len(wanted))
            .order_by("-score", "resource_id"))
    return [row["resource_id"] for row in rows]


def thread_words(thread: Thread) -> Counter[str]:
    """What the thread is about: the most frequent words of its subject (counted twice) and of
    its first messages' new text, with how often each is used. One bounded read of the
    thread's first rows."""
    texts = (Message.objects.filter(thread=thread, is_placeholder=False)
             .order_by("date", "pk").values_list("text", flat=True)[:THREAD_MESSAGES])
    counts = Counter(words(thread.subject) * 2)
    for text in texts:
        counts.update(words(text[:MESSAGE_CHARS]))
    return Counter(dict(counts.most_common(THREAD_WORDS)))


def suggested_for(thread: Thread, leave_out: Iterable[int] = ()) -> list[int]:
    """The ids of the resources most like the thread, best first, leaving out those already
    attached.

    Each word a resource shares with the thread counts its weight in the resource (tags, then
    title, then description), more for a word few resources have and for a word the thread
    uses often. A suggestion shares at least MIN_MATCHED words, one of them from its title or
    tags, and scores at least a third of the best match (the attached ones included): a
    thread clearly about one thing is not offered everything that mentions a word of it."""
    about = {word: count for word, count in thread_words(thread).items()
             if word not in COMMON}
    if not about:
        return []
    postings = list(ResourceWord.objects.filter(word__in=about).values_list(
        "resource_id", "word", "weight"))
    if not postings:
        return []
    library = Resource.objects.count()
    spread = Counter(word for _resource, word, _weight in postings)
    scores: dict[int, float] = {}
    matched: Counter[int] = Counter()
    titled: set[int] = set()
    for resource_id, word, weight in postings:
        rarity = math.log(1 + library / spread[word])
        scores[resource_id] = (scores.get(resource_id, 0.0)
                               + weight * rarity * (1 + math.log(about[word])))
        matched[resource_id] += 1
        if weight > BODY:
            titled.add(resource_id)
    best = max(scores.values())
    skip = set(leave_out)
    ranked = sorted(scores, key=lambda pk: (-scores[pk], pk))
    return [pk for pk in ranked
            if matched[pk] >= MIN_MATCHED and pk in titled and scores[pk] >= best / 3
            and pk not in skip][:SUGGESTIONS]
