"""The introduction pages are in the crawler's walk: a mentor reaches the form from a thread,
the list from the form and each introduction from the list; a learner reaches the form; a
guest and an outsider reach none, and nothing answers with an error."""

from __future__ import annotations

import pytest

from learnlink.exchange.models import Thread
from learnlink.mentoring.introductions.evidence import resolve_evidence
from learnlink.mentoring.introductions.sending import introduce
from learnlink.people.models import Affiliation
from tests.conftest import make_person
from tests.web.test_crawler import archive, crawl  # noqa: F401 (the crawler's own site)


@pytest.fixture
def introduction(archive, network, mentor):  # noqa: F811
    thread = Thread.objects.get(subject="Grading oranges")
    spy = make_person("Daudi Tlatla", "daudi.tlatla@example.net", network["spies"], "market spy")
    return introduce(mentor.person, Affiliation.objects.get(person=spy),
                     Affiliation.objects.get(person=network["chair"]),
                     "Babati wants to grade rice as Kilulu grades oranges.",
                     resolve_evidence(thread.get_absolute_url()), thread)


@pytest.mark.parametrize(("persona", "reached"), [
    (None, set()), ("outsider", set()), ("learner", {"new"}),
    ("mentor", {"new", "list", "introduction"}), ("staff", {"new", "list", "introduction"})])
def test_the_introduction_pages_are_reached_by_links(client, introduction, persona, reached,
                                                    request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    statuses = crawl(client)
    assert {url: code for url, code in statuses.items() if code >= 400} == {}
    pages = {"new": "/mentoring/introductions/new/?thread=",
             "list": "/mentoring/introductions/",
             "introduction": introduction.get_absolute_url()}
    found = {name for name, start in pages.items()
             if any(url == start or (name == "new" and url.startswith(start))
                    for url in statuses)}
    assert found == reached
