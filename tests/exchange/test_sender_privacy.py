"""Guests never learn a member's address: a mail with no display name (or with the address as
its display name) shows its author's name, or "a member of ...", through the API, the search
page and its API, and search by email; and a guest's search cannot test whether an address
ever posted, because the address is not in the text a search matches."""

import json

import pytest
from django.test import Client

from learnlink.exchange.models import Message
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.people.models import Person
from tests.conftest import email_from

ADDRESS = "halima@example.org"


def post(group, sender: str, subject: str) -> Message:
    receive(email_from(sender, group.address, subject, "Grade A sells at 150 a kilo.\n")
            .as_bytes(), [group.address], Source.PIPE)
    return Message.objects.get(subject=subject)


@pytest.fixture
def bare(oranges, learner) -> Message:
    """Halima's phone sends her address alone; another client repeats it as the name."""
    post(oranges, f'"{ADDRESS}" <{ADDRESS}>', "Re: Kilulu prices")
    return post(oranges, ADDRESS, "Kilulu prices")


def test_the_api_names_the_author_and_never_shows_the_address(client: Client, bare: Message):
    thread = client.get(f"/api/threads/{bare.thread_id}")
    found = client.get("/api/search", {"q": "kilulu"})

    assert [m["sender"] for m in thread.json()["messages"]] == ["Halima Omari"]
    assert {hit["sender"] for hit in found.json()["items"]} == {"Halima Omari"}
    for response in (thread, found, client.get("/search/", {"q": "kilulu"})):
        assert ADDRESS not in response.content.decode()


def test_a_guest_cannot_test_whether_an_address_posted(client: Client, bare: Message):
    def count(**query: str) -> int:
        return client.get("/api/search", query).json()["count"]

    assert count(q="kilulu") == 2
    assert count(q=ADDRESS) == count(q="example.org") == 0
    def titles(sender: str) -> int:
        page = client.get("/search/", {"q": "kilulu", "sender": sender}).content.decode()
        return page.count("Kilulu prices</a>")

    assert titles("Halima") == 2  # the name finds her posts
    assert titles(ADDRESS) == titles("example.org") == 0


def test_an_author_nobody_knows_is_a_member_of_the_group(client: Client, bare: Message):
    Person.objects.filter(name="Halima Omari").delete()  # gone from the directory
    thread = client.get(f"/api/threads/{bare.thread_id}").json()
    assert thread["messages"][0]["sender"] == "a member of Muheza orange growers"
    assert ADDRESS not in json.dumps(thread)
