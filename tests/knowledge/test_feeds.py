"""The Atom feeds of the public site: the latest published practices, and a public group's
latest discussions. Feed readers never sign in: a draft and a members-only group's threads are
in no feed, and a members-only group has none (404 to everyone, its members too)."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # parses our own feeds

from django.urls import reverse

from learnlink.exchange.membership import add_member, create_group
from tests.knowledge.conftest import posted

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, address: str) -> list[ET.Element]:
    answer = client.get(address)
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(answer.content)  # noqa: S314  # our own output
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text and root.find(f"{ATOM}updated").text
    return root.findall(f"{ATOM}entry")


def test_the_practices_feed_holds_published_practices_with_summary_and_authors(
        client, published, draft, learner, mentor):
    published.authors.set([learner.person])
    published.mentor = mentor.person
    published.save(update_fields=["mentor"])

    found = entries(client, reverse("feeds:practices"))

    assert [entry.find(f"{ATOM}title").text for entry in found] == [published.title]
    entry = found[0]
    assert entry.find(f"{ATOM}summary").text == "A broker found a buyer in Tanga."
    assert entry.find(f"{ATOM}updated").text
    assert entry.find(f"{ATOM}link").get("href").endswith(published.get_absolute_url())
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Halima Omari, Joseph Mshana (mentor)"


def test_a_signed_in_author_still_finds_no_draft_in_the_feed(client, published, draft,
                                                             learner):
    client.force_login(learner)
    titles = [e.find(f"{ATOM}title").text for e in entries(client, reverse("feeds:practices"))]
    assert titles == [published.title]


def test_a_public_group_has_a_feed_of_its_latest_discussions(client, oranges):
    posted(oranges, "Grading oranges for the Tanga buyer")

    found = entries(client, reverse("group_feed", args=[oranges.slug]))

    assert [entry.find(f"{ATOM}title").text for entry in found] == [
        "Grading oranges for the Tanga buyer"]
    assert "three sizes before the lorry" in found[0].find(f"{ATOM}summary").text
    assert found[0].find(f"{ATOM}link").get("href").endswith(
        reverse("exchange:thread", args=[oranges.slug, oranges.threads.get().pk]))


def test_a_members_only_group_has_no_feed_even_for_its_members(client, network, learner, mentor):
    room = create_group("mentors-room", "Mentors' room", private=True)
    add_member(room, "halima@example.org")
    posted(room, "Who visits Muheza next")
    address = reverse("group_feed", args=[room.slug])

    assert client.get(address).status_code == 404
    client.force_login(learner)
    assert client.get(address).status_code == 404
    client.force_login(mentor)
    assert client.get(address).status_code == 404
    assert client.get(reverse("group_feed", args=["no-such-group"])).status_code == 404


def test_the_library_and_a_public_group_page_announce_their_feeds(client, published, oranges):
    library = client.get(reverse("knowledge:practices")).content.decode()
    group = client.get(oranges.get_absolute_url()).content.decode()

    assert (f'<link rel="alternate" type="application/atom+xml" title="Practices of the '
            f'Learnlink network" href="{reverse("feeds:practices")}">') in library
    assert f'href="{reverse("group_feed", args=[oranges.slug])}"' in group
