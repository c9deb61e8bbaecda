"""The directory as evidence: an organisation's enterprises, name, description and place, and
what a person's entry says about them. The directory is public, so every asker reads it.

Enterprises have names in English, Kiswahili and French ("warehouse receipts", "stakabadhi za
ghala", "récépissés d'entrepôt"): a question that names one in any of them is also looked for
in the messages in the other two (`enterprise_terms`), so that a French question finds the
Kiswahili discussion of the same thing.

Organisations and people are read from the database only where a question's word may be in
them (a LIKE on each word's shortest form), then scored here word by word; a word written with
accents in a description is found through the enterprise names, not the description.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from functools import reduce

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import gettext as _

from learnlink.mentoring.peers.question import Question, Term, content_words, read_terms
from learnlink.mentoring.peers.sources import Candidate, Evidence
from learnlink.people.models import Enterprise, Organisation, Person, Place
from learnlink.search.query import parse_query
from learnlink.search.snippets import make_snippet
from learnlink.search.text import words

# What a question's word found in an organisation's entry is worth: one of its enterprises
# counts most, its name next, its description or place least.
ENTERPRISE, NAME, TEXT = 3.0, 2.0, 1.0
# How many entries the directory has, for the words' rarity: kept a while, as it changes
# slowly and a few entries more or less change no ranking.
SIZE_KEY, SIZE_SECONDS = "peers:directory-size", 600


def _enterprises_named(terms: Iterable[Term]) -> list[Enterprise]:
    """The enterprises one of whose names (in any language) the question says in full: every
    word of the name that can be evidence is a form of one of the question's words."""
    terms = list(terms)
    return [enterprise for enterprise in Enterprise.objects.all()
            if any(_says(terms, name)
                   for name in (enterprise.name, enterprise.name_sw, enterprise.name_fr))]


def enterprise_terms(question: Question) -> list[Term]:
    """The words of the names, in all three languages, of the enterprises the question names."""
    named = _enterprises_named(question.terms)
    return read_terms(" ".join(f"{e.name} {e.name_sw} {e.name_fr}" for e in named))


def directory_evidence(question: Question, group_ids: Collection[int],
                       limit: int) -> list[Evidence]:
    """The organisations and people whose directory entry says what was asked, best first."""
    terms = question.all_terms
    if not terms:
        return []
    query = parse_query(question.search_text)
    entries = [*_organisation_entries(terms), *_person_entries(terms)]
    weights = _rarity(terms, [fields for _evidence, fields in entries])
    found = []
    for evidence, fields in entries:
        score = sum(weights[term] * max((weight for weight, held in fields
                                         if any(term.matches(word) for word in held)),
                                        default=0.0) for term in terms)
        if score:
            snippet = make_snippet(evidence.snippet, query)
            found.append(replace(evidence, score=score, snippet=snippet.text,
                                 snippet_html=snippet.html))
    found.sort(key=lambda evidence: -evidence.score)
    return found[:limit]


def directory_profile(candidates: Collection[Candidate],
                      group_ids: Collection[int]) -> dict[Candidate, int]:
    """Every candidate has one entry in the directory."""
    return dict.fromkeys(candidates, 1)


# An entry: its evidence (scored later) and its fields, each a weight and the entry's words.
Fields = list[tuple[float, set[str]]]
Entry = tuple[Evidence, Fields]


def _organisation_entries(terms: Sequence[Term]) -> list[Entry]:
    """The organisations that may hold one of the words: in their name, description, the
    names of their enterprises, or the name of a place they are in."""
    places = _places_named(terms)
    wanted = _mentions(terms, "name", "description", "enterprises__name",
                       "enterprises__name_sw", "enterprises__name_fr")
    if places:
        wanted |= Q(place__in=places)
    organisations = list(Organisation.objects.filter(wanted).distinct()
                         .only("name", "slug", "description", "place"))
    enterprises = _enterprises_of([org.pk for org in organisations])
    found = []
    for org in organisations:
        own = enterprises.get(org.pk, [])
        names = " ".join(f"{e.name} {e.name_sw} {e.name_fr}" for e in own)
        place = set(words(places[org.place_id])) if org.place_id in places else set()
        text = " · ".join(filter(None, [", ".join(e.local_name for e in own),
                                        org.description]))
        found.append((Evidence(0.0, org.get_absolute_url(), _("Directory"), text, None,
                               organisations=(org.pk,)),
                      [(ENTERPRISE, set(words(names))), (NAME, set(words(org.name))),
                       (TEXT, set(words(org.description)) | place)]))
    return found


def _enterprises_of(organisations: list[int]) -> dict[int, list[Enterprise]]:
    """Each organisation's enterprises, in one query whatever their number (a prefetch cost a
    query set per organisation: a tenth of a second for fifty)."""
    found: dict[int, list[Enterprise]] = {}
    for link in (Organisation.enterprises.through.objects
                 .filter(organisation_id__in=organisations).select_related("enterprise")):
        found.setdefault(link.organisation_id, []).append(link.enterprise)
    return found


def _person_entries(terms: Sequence[Term]) -> list[Entry]:
    return [(Evidence(0.0, person.get_absolute_url(), _("Directory"), person.about, None,
                      people=(person.pk,)), [(TEXT, set(words(person.about)))])
            for person in Person.objects.filter(_mentions(terms, "about"))
            .only("name", "slug", "about")]


def _rarity(terms: Sequence[Term], entries: list[Fields]) -> dict[Term, float]:
    """Each word's inverse document frequency among the directory's entries (as bm25 weighs
    it), so that "spies" counts for more than "market": the entries read are every entry
    holding any of the words, so each word's count is exact; the whole directory is counted
    once."""
    total = cache.get(SIZE_KEY)
    if total is None:
        total = Organisation.objects.count() + Person.objects.exclude(about="").count()
        cache.set(SIZE_KEY, total, SIZE_SECONDS)
    weights = {}
    for term in terms:
        holding = sum(any(term.matches(word) for _weight, words_ in fields for word in words_)
                      for fields in entries)
        weights[term] = math.log(1 + (total - holding + 0.5) / (holding + 0.5))
    return weights


def _mentions(terms: Sequence[Term], *fields: str) -> Q:
    """Rows where one of the fields may hold a form of one of the words: its shortest form is
    in most of the others ("grad" in "grades", "graded", "grading")."""
    return reduce(operator.or_, (Q(**{f"{field}__icontains": min(term.forms, key=len)})
                                 for term in terms for field in fields))


def _places_named(terms: Sequence[Term]) -> dict[int, str]:
    """The places the question names, and every place inside them, each with the name the
    question used."""
    found: dict[int, str] = {}
    for place in Place.objects.filter(reduce(operator.or_,
                                             (Q(name__iexact=term.word) for term in terms))):
        found.update(dict.fromkeys(Place.objects.descendant_ids(place), place.name))
    return found


def _says(terms: Sequence[Term], name: str) -> bool:
    needed = content_words(name)
    return bool(needed) and all(any(term.matches(word) for term in terms) for word in needed)

