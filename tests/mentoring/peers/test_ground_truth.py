"""The peer finder against what the demo network's stories say: who did what, as the
learners who learned it from them tell it (tests/data/peers/ground_truth.json says which
messages and directory rows each judgement rests on). The measure is the mean reciprocal rank
of the first peer who really did it, over questions in English, Kiswahili and French, after
the whole `learnlink demo` is loaded; as a visitor (the public groups) and as a network mentor
(every group)."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.management import call_command

from learnlink.mentoring.peers.finder import find_peers
from learnlink.mentoring.permissions import peer_finder_groups
from learnlink.people.roles import MENTOR
from tests.conftest import TEST_DATA

GOAL = 0.6
JUDGED = 20  # peers of each answer looked at: a peer further down counts as not found


def reciprocal_ranks(user) -> dict[str, float]:
    groups = set(peer_finder_groups(user).values_list("pk", flat=True))
    judged = json.loads((TEST_DATA / "peers" / "ground_truth.json").read_text())
    ranks = {}
    for item in judged["questions"]:
        found = [f"{peer.kind}:{peer.name}"
                 for peer in find_peers(item["question"], groups, limit=JUDGED).peers]
        first = next((n for n, name in enumerate(found, 1) if name in item["relevant"]), None)
        ranks[item["question"]] = 1 / first if first else 0.0
    return ranks


@pytest.mark.django_db
def test_the_mean_reciprocal_rank_on_the_demo_network_is_at_least_the_goal(record_property):
    call_command("demo", stdout=StringIO())
    mentor = User.objects.filter(groups__name=MENTOR).first()
    for who, user in (("visitor", AnonymousUser()), ("mentor", mentor)):
        ranks = reciprocal_ranks(user)
        mrr = sum(ranks.values()) / len(ranks)
        record_property(f"mrr_{who}", round(mrr, 3))
        print(f"\npeer finder MRR as a {who}: {mrr:.3f} over {len(ranks)} questions")
        for question, rank in ranks.items():
            print(f"  {rank:.2f}  {question}")
        assert mrr >= GOAL, ranks
