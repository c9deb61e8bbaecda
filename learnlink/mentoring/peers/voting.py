"""The voting model: each document found votes for the organisations and people it speaks for.

Expert finding ranks people by the documents associated with them (Balog, Azzopardi and de
Rijke's "model 2", 2006; Macdonald and Ounis's voting techniques, 2006): the documents are
ranked for the question first, then each candidate's score is the sum of its documents' scores
(CombSUM). Three adjustments:

- Sources score differently (bm25 for messages, words matched for the directory), so each
  document's score is divided by the best of its source for this question and multiplied by
  the source's weight: the best message and the best directory entry count alike.
- Recency: a document's vote halves every HALF_LIFE_DAYS (exponential decay), counted back
  from the newest document found. Practice a group described last season outweighs the same
  account from five years ago, which still counts (a fifth). Only the ratio between documents
  matters, so counting from the newest rather than from today changes no ranking and keeps
  the scores readable for an archive that ended years ago. A timeless document (a directory
  entry) counts in full.
- Volume: someone who writes a lot is found often whatever is asked; a mentor who asks about
  warehouse receipts in ten messages has not done them. Each score is multiplied by
  log2(1 + average profile / profile), the candidate's profile being how many documents they
  have in all the sources (matching or not), the average over the candidates of the same kind
  found for this question: Macdonald and Ounis's profile-length normalisation ("Norm2", from
  the divergence-from-randomness models). A small profile that matches well beats a large one
  that matches as often; a candidate with one weak document does not beat one with many good
  ones.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from learnlink.mentoring.peers.sources import Candidate, Evidence, Source

HALF_LIFE_DAYS = 730


@dataclass
class Vote:
    """A candidate's score and the documents that gave it, each with what it gave, best
    first once ranked."""

    candidate: Candidate
    score: float = 0.0
    evidence: list[tuple[float, Evidence]] = field(default_factory=list)


def rank(found: Iterable[tuple[Source, list[Evidence]]],
         profiles: Mapping[Candidate, int]) -> list[Vote]:
    """Every candidate the documents speak for, best first."""
    weighted = [(source.weight * _share(evidence.score, found_by_source), evidence)
                for source, found_by_source in found for evidence in found_by_source]
    votes: dict[Candidate, Vote] = {}
    newest = max((evidence.date for _, evidence in weighted if evidence.date), default=None)
    for share, evidence in weighted:
        vote_value = share * _recency(evidence, newest)
        for candidate in evidence.candidates:
            vote = votes.setdefault(candidate, Vote(candidate))
            vote.score += vote_value
            vote.evidence.append((vote_value, evidence))
    _normalise(votes.values(), profiles)
    for vote in votes.values():
        vote.evidence.sort(key=lambda pair: -pair[0])
    return sorted(votes.values(), key=lambda vote: (-vote.score, vote.candidate))


def _share(score: float, found_by_source: list[Evidence]) -> float:
    """A document's score as a part of the best of its source; all alike if none scores."""
    best = max(evidence.score for evidence in found_by_source)
    return score / best if best > 0 else 1.0


def _recency(evidence: Evidence, newest: datetime.datetime | None) -> float:
    if evidence.date is None or newest is None:
        return 1.0
    age = (newest - evidence.date).total_seconds() / 86400
    return float(0.5 ** (max(age, 0.0) / HALF_LIFE_DAYS))


def _normalise(votes: Iterable[Vote], profiles: Mapping[Candidate, int]) -> None:
    """Norm2: each score times log2(1 + average profile / profile), the average among the
    candidates of the same kind; a profile is at least the documents that voted."""
    by_kind: dict[str, list[tuple[Vote, int]]] = defaultdict(list)
    for vote in votes:
        size = max(profiles.get(vote.candidate, 0), len(vote.evidence), 1)
        by_kind[vote.candidate[0]].append((vote, size))
    for sized in by_kind.values():
        average = sum(size for _, size in sized) / len(sized)
        for vote, size in sized:
            vote.score *= math.log2(1 + average / size)
