"""The registry of evidence: a tool registers a source (syntheses, write-ups) and its documents
vote with the messages and the directory, within the groups the asker may read."""

import pytest

from learnlink.exchange.models import Group
from learnlink.mentoring.peers import sources
from learnlink.mentoring.peers.finder import find_peers
from learnlink.mentoring.peers.sources import Evidence, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def write_ups(peers):
    """A write-up source as another tool would register it: one write-up, of the private
    group, crediting Wanjiru and her organisation."""
    asked = []

    def find(question, group_ids, limit):
        asked.append(set(group_ids))
        if peers.private.pk not in group_ids or "vanilla" not in question.search_text:
            return []
        return [Evidence(score=7.5, url="/write-ups/1/", title="Vanilla curing in Limuru",
                         snippet="How we cure vanilla pods in wooden boxes.", date=None,
                         people=(peers.wanjiru.pk,), organisations=(peers.limuru.pk,))]

    sources.register(Source("write-ups", find, weight=1.0))
    yield asked
    sources._SOURCES.pop("write-ups")


def test_a_registered_source_gives_evidence_to_those_who_may_read_it(peers, write_ups):
    everyone = set(Group.objects.values_list("pk", flat=True))
    public = set(Group.objects.filter(pk=peers.public.pk).values_list("pk", flat=True))

    answer = find_peers("Who has cured vanilla?", everyone)
    assert [peer.name for peer in answer.peers] == ["Limuru Farmers Service Centre",
                                                    "Wanjiru Kamau"]
    assert answer.peers[0].evidence[0].url == "/write-ups/1/"
    assert "<mark>vanilla</mark>" in answer.peers[0].evidence[0].snippet_html

    assert find_peers("Who has cured vanilla?", public).peers == []
    assert write_ups == [everyone, public]
