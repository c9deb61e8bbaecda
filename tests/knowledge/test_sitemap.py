"""sitemap.xml and robots.txt: crawlers find the home, the library, its report, every
published practice, story, news item and interview, the public groups and their threads, in a
sitemap index whose sections are split into pages; never a draft or a members-only group's
threads. robots.txt keeps them out of people's own pages and points to the sitemap."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # parses our own sitemap

from django.urls import reverse

from learnlink.exchange.membership import add_member, create_group
from learnlink.knowledge import sitemaps
from learnlink.knowledge.models import Story
from tests.knowledge.conftest import posted

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(client, address: str, tag: str) -> list[str]:
    answer = client.get(address)
    assert answer.status_code == 200
    root = ET.fromstring(answer.content)  # noqa: S314  # our own output
    return [element.text for element in root.iter(f"{NS}{tag}")]


def every_address(client) -> list[str]:
    sections = locations(client, reverse("sitemap"), "loc")
    return [address for section in sections
            for address in locations(client, section.removeprefix("http://testserver"), "loc")]


def test_the_sitemap_lists_the_public_site_and_nothing_private(client, published, draft,
                                                               oranges, learner):
    thread = posted(oranges, "Grading oranges")
    room = create_group("mentors-room", "Mentors' room", private=True)
    add_member(room, "halima@example.org")
    secret = posted(room, "Who visits Muheza next")
    story = Story.objects.create(title="Oranges to Dar", summary="s", language="en",
                                 state="published")
    story_draft = Story.objects.create(title="Not yet", summary="s", language="en")
    client.force_login(learner)  # a crawler's view, whoever asks

    found = every_address(client)

    site = "http://testserver"
    for page in (reverse("home"), reverse("knowledge:practices"), reverse("knowledge:report"),
                 published.get_absolute_url(), story.get_absolute_url(),
                 oranges.get_absolute_url(),
                 thread.get_absolute_url()):
        assert site + page in found
    for hidden in (draft.get_absolute_url(), story_draft.get_absolute_url(),
                   room.get_absolute_url(),
                   secret.get_absolute_url()):
        assert site + hidden not in found


def test_a_long_archive_is_split_into_sitemap_pages(client, oranges, monkeypatch):
    for n in range(3):
        posted(oranges, f"Grading oranges, round {n}")
    monkeypatch.setattr(sitemaps.ThreadsSitemap, "limit", 2)

    sections = locations(client, reverse("sitemap"), "loc")

    assert "http://testserver/sitemap-threads.xml?p=2" in sections
    assert len(locations(client, "/sitemap-threads.xml?p=2", "loc")) == 1


def test_robots_keeps_crawlers_out_of_peoples_pages_and_names_the_sitemap(client):
    answer = client.get("/robots.txt")

    assert answer["Content-Type"] == "text/plain; charset=utf-8"
    lines = answer.content.decode().splitlines()
    for private in ("/accounts/", "/mentoring/", "/me/", "/membership/", "/outbox/", "/admin/"):
        assert f"Disallow: {private}" in lines
    assert "Allow: /" in lines
    # the published write-ups and the resources are public, under the mentors' workbench
    assert lines.index("Allow: /mentoring/writeups/") < lines.index("Disallow: /mentoring/")
    assert "Allow: /mentoring/resources/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
