"""The messages of the groups as evidence: what someone wrote about it is a sign they did it.

A message speaks for its sender, as the directory knows them from the address it came from,
and for each organisation the sender belongs to; a message from an address nobody in the
directory holds speaks for nobody. It is found by the search engine (any of the question's
words, the messages with more of them and in the subject first) in the groups the asker may
read, and nowhere else. A message that only asks about it ("has anyone tried warehouse
receipts?") counts for a quarter: asking is a sign of wanting to do it, not of having done it,
and the mentor who asks every group about it would otherwise be its expert.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from django.core.cache import cache
from django.db.models import Count, Max

from learnlink.drafting.cues import is_question
from learnlink.drafting.sentences import message_sentences
from learnlink.exchange.models import Message
from learnlink.mentoring.peers.question import Question
from learnlink.mentoring.peers.sources import ORGANISATION, PERSON, Candidate, Evidence
from learnlink.people.models import Affiliation
from learnlink.search.engine import MAX_LIMIT, search
from learnlink.search.text import words

ASKING = 0.25
PROFILE_SECONDS = 600


def message_evidence(question: Question, group_ids: Collection[int],
                     limit: int) -> list[Evidence]:
    """The best `limit` messages (at most the engine's page) for the question's words."""
    if not question.search_text or not group_ids:
        return []
    results = search(question.search_text, group_ids=group_ids, match_any=True,
                     limit=min(limit, MAX_LIMIT))
    found = (Message.objects.select_related("group").only("subject", "date", "sender_id",
                                                          "group__slug")
             .filter(sender__isnull=False).in_bulk([hit.object_id for hit in results.hits]))
    organisations = _organisations_of({m.sender_id for m in found.values() if m.sender_id})
    evidence = []
    for hit in results.hits:
        message = found.get(hit.object_id)
        if message is None or message.sender_id is None:
            continue
        weight = ASKING if asks(hit.snippet_text, question) else 1.0
        evidence.append(Evidence(
            score=hit.rank * weight, url=message.get_absolute_url(), title=message.subject,
            snippet=hit.snippet_text, snippet_html=hit.snippet_html, date=message.date,
            people=(message.sender_id,),
            organisations=organisations.get(message.sender_id, ())))
    return evidence


def message_profile(candidates: Collection[Candidate],
                    group_ids: Collection[int]) -> dict[Candidate, int]:
    """How many messages each candidate wrote in the groups the asker may read: a person's
    own, an organisation's people's."""
    readable = set(group_ids)
    written = _written()
    people = {pk for kind, pk in candidates if kind == PERSON}
    organisations = [pk for kind, pk in candidates if kind == ORGANISATION]
    members = list(Affiliation.objects.filter(organisation_id__in=organisations)
                   .values_list("organisation_id", "person_id"))

    def count(person: int) -> int:
        return sum(n for group, n in written.get(person, {}).items() if group in readable)

    sizes: dict[Candidate, int] = {(PERSON, pk): count(pk) for pk in people}
    for organisation, person in members:
        key = (ORGANISATION, organisation)
        sizes[key] = sizes.get(key, 0) + count(person)
    return sizes


def _written() -> dict[int, dict[int, int]]:
    """How many messages each person wrote in each group, kept in the cache until a message
    comes or for PROFILE_SECONDS: counting the messages of a prolific organisation's people in
    a 100,000-message archive took seconds, reading this takes a fraction of a millisecond.
    A message moved or removed meanwhile shifts a count by one: it only weighs volume."""
    newest = Message.objects.aggregate(newest=Max("pk"))["newest"]
    key = f"peers:written:{newest}"
    written: dict[int, dict[int, int]] | None = cache.get(key)
    if written is None:
        written = defaultdict(dict)
        for person, group, count in (Message.objects.filter(is_placeholder=False,
                                                            sender__isnull=False)
                                     .values_list("sender_id", "group_id")
                                     .annotate(n=Count("pk")).order_by()):
            written[person][group] = count
        written = dict(written)
        cache.set(key, written, PROFILE_SECONDS)
    return written


def asks(snippet: str, question: Question) -> bool:
    """Whether every sentence of the passage found that holds one of the question's words
    asks something."""
    about = [sentence for sentence in message_sentences(snippet, relaxed=True)
             if any(term.matches(word) for word in words(sentence)
                    for term in question.all_terms)]
    return bool(about) and all(is_question(sentence) for sentence in about)


def _organisations_of(people: Collection[int]) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = defaultdict(list)
    for person, organisation in (Affiliation.objects.filter(person_id__in=people)
                                 .values_list("person_id", "organisation_id")):
        found[person].append(organisation)
    return {person: tuple(organisations) for person, organisations in found.items()}
