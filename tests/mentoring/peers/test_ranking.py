"""The voting model: who has done it ranks above who talks about everything, recent practice
above old, and the question's own words are never evidence."""

import datetime

import pytest

from learnlink.exchange.models import Group, Message
from learnlink.mentoring.peers.finder import find_peers
from learnlink.mentoring.peers.sources import ORGANISATION, PERSON
from tests.conftest import make_person
from tests.mentoring.peers.conftest import post

pytestmark = pytest.mark.django_db


def everyone() -> set[int]:
    return set(Group.objects.values_list("pk", flat=True))


def names(question: str, **filters) -> list[str]:
    return [peer.name for peer in find_peers(question, everyone(), **filters).peers]


def people(question: str) -> list[str]:
    return [peer.name for peer in find_peers(question, everyone()).peers if peer.kind == PERSON]


def test_who_explained_it_twice_beats_who_mentioned_it_six_times_among_thirty(peers):
    mentioned = Message.objects.filter(sender__name="Joseph Mshana",
                                       text__icontains="warehouse receipts").count()
    explained = Message.objects.filter(sender=peers.jackson).count()
    assert mentioned > explained  # by volume alone the mentor would win

    assert people("Who has done warehouse receipts?")[:2] == ["Jackson Mwasomola",
                                                             "Wanjiru Kamau"]


def test_who_only_asks_about_it_ranks_below_who_did_it(peers):
    make_person("Musa Kalinga", "musa@example.net")
    post(peers.public, "musa@example.net", "Warehouse receipts for onions?",
         "Has anyone tried warehouse receipts for onions? How do the warehouse receipts work?")

    ranked = people("Who has done warehouse receipts?")
    assert ranked.index("Wanjiru Kamau") < ranked.index("Musa Kalinga")


def test_an_organisation_is_ranked_with_its_people_and_its_directory_entry(peers):
    answer = find_peers("who has done warehouse receipts?", everyone())
    [mbonzo] = [peer for peer in answer.peers[:2] if peer.kind == ORGANISATION]
    assert mbonzo.name == "Mbonzo Cooperative"
    assert str(mbonzo.place) == "Mbeya, Mbeya, Tanzania"
    urls = [item.url for item in mbonzo.evidence]
    assert peers.mbonzo.get_absolute_url() in urls
    assert any("/groups/stores/messages/" in url for url in urls)
    assert any("<mark>warehouse</mark>" in item.snippet_html for item in mbonzo.evidence)


def test_recent_practice_counts_for_more_than_the_same_account_years_ago(peers):
    old = make_person("Tumaini Kyando", "tumaini@example.net")
    new = make_person("Upendo Msigwa", "upendo@example.net")
    text = "We dry cocoa beans on raised racks under a roof of iron sheets."
    post(peers.public, "tumaini@example.net", "Drying cocoa", text,
         datetime.datetime(2014, 3, 1, tzinfo=datetime.UTC))
    post(peers.public, "upendo@example.net", "Drying cocoa", text,
         datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC))

    answer = find_peers("who dries cocoa beans?", everyone())
    ranked = {peer.name: peer.score for peer in answer.peers}
    assert ranked[new.name] > ranked[old.name] > 0


def test_the_question_words_are_not_evidence(peers):
    make_person("Asha Chande", "asha@example.net")
    post(peers.public, "asha@example.net", "Who has done it?",
         "Who has done this, who did it? Nani amefanya? Qui a fait cela ? Qui a déjà fait ?")

    for question in ("Who has done it?", "Nani amefanya?", "Qui a fait ?"):
        answer = find_peers(question, everyone())
        assert answer.peers == [] and answer.notice == "no_words", question
    assert "Asha Chande" not in names("Who has done warehouse receipts?")
