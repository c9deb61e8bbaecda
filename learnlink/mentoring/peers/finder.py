"""The peer finder: "who has done X?" answered with organisations and people, best first, each
with the evidence that they did it and where they are.

The question is read (`question`), widened with the other languages' names of an enterprise it
names (`directory.enterprise_terms`), put to every registered source (`sources`) within the
groups the asker may read, and the documents found vote (`voting`). Filters by country and
enterprise keep the candidates that are in that country or work in that enterprise (a person
through their own place or their organisations). Web, API and mail all call `find_peers`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from learnlink.lib.links import absolute
from learnlink.mentoring.peers.directory import enterprise_terms
from learnlink.mentoring.peers.question import MOST_WORDS, Question, read_question
from learnlink.mentoring.peers.sources import (
    ORGANISATION,
    PERSON,
    Candidate,
    Evidence,
    sources,
)
from learnlink.mentoring.peers.voting import Vote, rank
from learnlink.people.models import Affiliation, Enterprise, Organisation, Person, Place
from learnlink.search.query import Query, parse_query
from learnlink.search.snippets import make_snippet

# Documents each source gives for a question: enough for the ten best peers and their
# evidence. Each message found costs its snippet and its link: on bench/peers.py (SQLite, CPU
# per question, p50/p95) 30 took 51/84 ms, 50 took 59/92 ms, 100 took 84/122 ms.
DOCUMENTS = 50
EVIDENCE_SHOWN = 3
MOST_PEERS = 50
SHOWN_KINDS = ("district", "region", "country")


@dataclass(frozen=True)
class Shown:
    """A document as the answer shows it: the snippet marked for the web, plain for mail."""

    url: str
    title: str
    snippet: str
    snippet_html: SafeString
    date: datetime.datetime | None

    @property
    def link(self) -> str:
        """For mail: the address of the page."""
        return absolute(self.url)


@dataclass(frozen=True)
class Where:
    """A candidate's district, region and country as the directory holds them ("" unknown)."""

    district: str = ""
    region: str = ""
    country: str = ""

    def __str__(self) -> str:
        return ", ".join(filter(None, (self.district, self.region, self.country)))

    def __bool__(self) -> bool:
        return bool(self.district or self.region or self.country)


@dataclass(frozen=True)
class Peer:
    kind: str  # ORGANISATION or PERSON
    id: int
    name: str
    url: str
    place: Where
    score: float
    evidence: list[Shown]

    @property
    def link(self) -> str:
        return absolute(self.url)


@dataclass(frozen=True)
class Answer:
    """The peers found, best first, and why there are none or fewer words were searched
    (`notice`: "", "empty", "no_words", "nothing" or "cut")."""

    question: Question
    peers: list[Peer] = field(default_factory=list)
    notice: str = ""

    @property
    def notice_text(self) -> str:
        """The notice in the active language."""
        example = _("who has done warehouse receipts?")
        return {
            "": "",
            "empty": _("Ask who has done something, for example: %(example)s")
            % {"example": example},
            "no_words": _("Your question has only question words: say what was done, for "
                          "example: %(example)s") % {"example": example},
            "nothing": _("Nobody was found for “%(words)s”. Try other words, words of another "
                         "language, or fewer filters.") % {"words": self.question.shown},
            "cut": _("Your question was long: only its first %(count)s words were searched "
                     "for (%(words)s).") % {"count": MOST_WORDS, "words": self.question.shown},
        }[self.notice]


def find_peers(text: str, group_ids: Collection[int], *, country: Place | None = None,
               enterprise: Enterprise | None = None, limit: int = 10) -> Answer:
    """Who has done what `text` asks, with evidence from `group_ids` (the groups the asker may
    read: the caller takes them from mentoring.permissions) and the public directory."""
    question = read_question(text)
    if not question.terms:
        return Answer(question, notice="no_words" if text.strip() else "empty")
    question = question.also_searching(enterprise_terms(question))
    found = [(source, list(source.find(question, group_ids, DOCUMENTS))) for source in sources()]
    found = [(source, evidence) for source, evidence in found if evidence]
    candidates = {c for _source, evidence in found for e in evidence for c in e.candidates}
    profiles: dict[Candidate, int] = defaultdict(int)
    for source, _evidence in found:
        if source.profile is not None:
            for candidate, size in source.profile(candidates, group_ids).items():
                profiles[candidate] += size
    peers = _peers(rank(found, profiles), question, country, enterprise,
                   max(1, min(limit, MOST_PEERS)))
    notice = "cut" if question.cut else ""
    return Answer(question, peers, notice if peers else "nothing")


def _peers(votes: list[Vote], question: Question, country: Place | None,
           enterprise: Enterprise | None, limit: int) -> list[Peer]:
    """The best `limit` candidates that pass the filters, with their names and places."""
    directory = _Directory([vote.candidate for vote in votes])
    query = parse_query(question.search_text)
    peers: list[Peer] = []
    for vote in votes:
        if len(peers) == limit:
            break
        entry = directory.entries.get(vote.candidate)
        if entry is None or not directory.passes(vote.candidate, country, enterprise):
            continue
        shown = [_shown(evidence, query) for _value, evidence in vote.evidence[:EVIDENCE_SHOWN]]
        peers.append(Peer(vote.candidate[0], vote.candidate[1], entry.name,
                          entry.get_absolute_url(), directory.where(entry.place_id),
                          round(vote.score, 3), shown))
    return peers


def _shown(evidence: Evidence, query: Query) -> Shown:
    """The evidence with its snippet marked: as its source marked it, else here."""
    html = evidence.snippet_html or make_snippet(evidence.snippet, query).html
    return Shown(evidence.url, evidence.title, evidence.snippet, html, evidence.date)


class _Directory:
    """What the answer needs of its candidates, read in a fixed number of queries: names,
    pages and places, every place's parents, and for the filters each organisation's
    enterprises and each person's organisations."""

    def __init__(self, candidates: list[Candidate]) -> None:
        organisations = [pk for kind, pk in candidates if kind == ORGANISATION]
        people = [pk for kind, pk in candidates if kind == PERSON]
        self.entries: dict[Candidate, Organisation | Person] = {}
        for org in Organisation.objects.filter(pk__in=organisations).only("name", "slug",
                                                                          "place"):
            self.entries[(ORGANISATION, org.pk)] = org
        for person in Person.objects.filter(pk__in=people).only("name", "slug", "place"):
            self.entries[(PERSON, person.pk)] = person
        self.places = {pk: (name, kind, parent) for pk, name, kind, parent
                       in Place.objects.values_list("pk", "name", "kind", "parent_id")}
        self.organisations_of: dict[int, list[int]] = defaultdict(list)
        self.place_of_organisation: dict[int, int | None] = {}
        for person_id, org_id, place_id in (
                Affiliation.objects.filter(person_id__in=people)
                .values_list("person_id", "organisation_id", "organisation__place_id")):
            self.organisations_of[person_id].append(org_id)
            self.place_of_organisation[org_id] = place_id
        wanted = organisations + list(self.place_of_organisation)
        self.enterprises_of: dict[int, set[int]] = defaultdict(set)
        for org_id, enterprise_id in (Organisation.enterprises.through.objects
                                      .filter(organisation_id__in=wanted)
                                      .values_list("organisation_id", "enterprise_id")):
            self.enterprises_of[org_id].add(enterprise_id)

    def passes(self, candidate: Candidate, country: Place | None,
               enterprise: Enterprise | None) -> bool:
        kind, pk = candidate
        organisations = [pk] if kind == ORGANISATION else self.organisations_of[pk]
        if enterprise is not None and not any(enterprise.pk in self.enterprises_of[org]
                                              for org in organisations):
            return False
        if country is None:
            return True
        places = [self.entries[candidate].place_id] + (
            [self.place_of_organisation.get(org) for org in organisations]
            if kind == PERSON else [])
        return any(country.pk in self._chain(place) for place in places)

    def where(self, place: int | None) -> Where:
        names = {kind: name for pk in self._chain(place)
                 for name, kind, _parent in [self.places[pk]] if kind in SHOWN_KINDS}
        return Where(**names)

    def _chain(self, place: int | None) -> list[int]:
        """The place and the places it is in, up to its country."""
        chain: list[int] = []
        while place is not None and place in self.places and place not in chain:
            chain.append(place)
            place = self.places[place][2]
        return chain
