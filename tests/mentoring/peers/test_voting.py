"""The voting model on its own: documents' scores summed with recency, normalised by how much
each candidate writes."""

import datetime

from learnlink.mentoring.peers.sources import PERSON, Evidence, Source
from learnlink.mentoring.peers.voting import HALF_LIFE_DAYS, rank

DAY = datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC)
SOURCE = Source("test", lambda question, groups, limit: [])


def evidence(person: int, score: float, days_old: int = 0) -> Evidence:
    return Evidence(score, f"/m/{person}/{score}/{days_old}", "", "",
                    DAY - datetime.timedelta(days=days_old), people=(person,))


def test_a_candidate_who_matches_well_in_few_documents_beats_one_who_matches_often_in_many():
    prolific, expert = (PERSON, 1), (PERSON, 2)
    found = [evidence(1, 0.5) for _ in range(6)] + [evidence(2, 1.0), evidence(2, 1.0)]
    assert sum(e.score for e in found if e.people == (1,)) > 2.0  # volume alone: prolific

    votes = rank([(SOURCE, found)], {prolific: 30, expert: 2})
    assert [vote.candidate for vote in votes] == [expert, prolific]


def test_one_weak_document_does_not_beat_many_good_ones():
    occasional, expert = (PERSON, 1), (PERSON, 2)
    found = [evidence(1, 0.2)] + [evidence(2, 1.0) for _ in range(8)]
    votes = rank([(SOURCE, found)], {occasional: 1, expert: 20})
    assert [vote.candidate for vote in votes] == [expert, occasional]


def test_a_vote_halves_every_half_life_counted_from_the_newest_document():
    found = [evidence(1, 1.0), evidence(2, 1.0, days_old=HALF_LIFE_DAYS)]
    votes = {vote.candidate: vote.score for vote in rank([(SOURCE, found)], {})}
    assert abs(votes[(PERSON, 2)] / votes[(PERSON, 1)] - 0.5) < 1e-9


def test_each_source_counts_its_best_document_alike_whatever_its_scale():
    bm25 = Source("messages", SOURCE.find)
    words = Source("directory", SOURCE.find, weight=0.5)
    votes = rank([(bm25, [evidence(1, 12.0)]), (words, [evidence(2, 3.0)])], {})
    scores = {vote.candidate: vote.score for vote in votes}
    assert abs(scores[(PERSON, 2)] / scores[(PERSON, 1)] - 0.5) < 1e-9
