"""Where the peer finder looks for evidence: a registry of sources.

The finder knows no kind of document itself. Each source gives, for a question and the groups
the asker may read, its documents that answer it, scored by its own measure, each naming the
organisations and people it speaks for; the voting model (`voting`) weighs them all together.
The messages of the groups and the directory are registered from `MentoringConfig.ready()`;
any tool with documents of its own (syntheses, write-ups) registers a source the same way:

    from learnlink.mentoring.peers.sources import Evidence, Source, register

    def synthesis_evidence(question, group_ids, limit):
        ...  # published syntheses of threads in `group_ids` that match question.search_text
        return [Evidence(score=..., url=synthesis.get_absolute_url(), title=thread.subject,
                         snippet=..., date=synthesis.published, people=(...), organisations=(...))
                for synthesis in found]

    register(Source("syntheses", synthesis_evidence, weight=1.0))

A source must give only what someone who may read `group_ids` may read: a document of a private
group outside `group_ids` must never come back. Its scores need only be comparable among its
own documents (the finder divides each by the source's best); `weight` says how much its best
document counts against the best message. `profile`, if given, counts each candidate's
documents in the source (that the asker may read), matching or not: a candidate who wrote a
great deal is expected to match often, and the voting model discounts that volume.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from django.utils.safestring import SafeString

from learnlink.mentoring.peers.question import Question

# A candidate: ("organisation", pk) or ("person", pk).
ORGANISATION, PERSON = "organisation", "person"
Candidate = tuple[str, int]


@dataclass(frozen=True)
class Evidence:
    """One document that shows its candidates have done what was asked.

    `url` is the site's path of the document, `snippet` plain text around the words asked,
    `snippet_html` the same with the words marked if the source has it (else the finder marks
    them), `date` when it was written (None: timeless, like a directory entry). `people` and
    `organisations` are the candidates it speaks for."""

    score: float
    url: str
    title: str
    snippet: str
    date: datetime.datetime | None
    people: tuple[int, ...] = ()
    organisations: tuple[int, ...] = ()
    snippet_html: SafeString | None = None

    @property
    def candidates(self) -> list[Candidate]:
        return ([(ORGANISATION, pk) for pk in self.organisations]
                + [(PERSON, pk) for pk in self.people])


Find = Callable[[Question, Collection[int], int], Iterable[Evidence]]
Profile = Callable[[Collection[Candidate], Collection[int]], dict[Candidate, int]]


@dataclass(frozen=True)
class Source:
    """`find(question, group_ids, limit)` gives at most `limit` documents, best first;
    `profile(candidates, group_ids)` how many documents each candidate has in this source."""

    key: str
    find: Find
    weight: float = 1.0
    profile: Profile | None = None


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    """Called from an AppConfig.ready(); registering the same key again replaces it."""
    _SOURCES[source.key] = source


def sources() -> list[Source]:
    return list(_SOURCES.values())
