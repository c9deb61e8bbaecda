"""The write-up pages in the crawler's walk: from the home page, each persona reaches the pages
meant for them by following links, every page answers, and a draft's words show to nobody
but its learner and the mentors."""

from __future__ import annotations

import re

import pytest

from learnlink.mentoring.writeups import actions
from tests.crawling import crawl, same_site_page
from tests.mentoring.writeups.conftest import start

PERSONAS = [None, "outsider", "learner", "mentor", "staff"]
DRAFT_WORDS = "Kilulu sells again on the first Friday"  # in Halima's draft only
PUBLIC_TITLE = "How Kilulu grades its oranges"


@pytest.fixture
def writeups(grading, mentor, halima, network):
    """A published write-up from the grading thread and a draft, both Halima's; a third, about
    Kilulu's chairperson, is with her: Halima may not read it."""
    published = start(grading, mentor, halima, network["growers"], title=PUBLIC_TITLE)
    actions.edit(published, PUBLIC_TITLE, "They grade in three sizes before the lorry.\n",
                 actions.Actor.on_web(mentor))
    actions.send_to_learner(published, actions.Actor.on_web(mentor))
    actions.approve(published, actions.Actor.on_web(halima), publish=True)
    draft = start(grading, mentor, halima, network["growers"], title="Grading: the draft")
    actions.edit(draft, draft.title, f"{draft.text}\n{DRAFT_WORDS}.\n",
                 actions.Actor.on_web(mentor))
    chair = actions.Start(grading.group, network["chair"], network["growers"],
                          "The chairperson's story", "en")
    hers = actions.start_from_guide(chair, {"problem": "Brokers paid little."},
                                    actions.Actor.on_web(mentor))
    return {"published": published, "draft": draft, "hers": hers}


def paths(pages: dict) -> set[str]:
    return {re.sub(r"\d+", "N", url.split("?")[0]) for url in pages}


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_write_up_page_is_reached_by_links_and_shows_only_what_its_reader_may(
        client, writeups, persona, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    pages = crawl(client, "/", same_site_page, limit=300)
    assert {url: r.status_code for url, r in pages.items() if r.status_code >= 400} == {}
    reached = paths(pages)
    html = "".join(r.content.decode() for r in pages.values()
                   if "text/html" in r.get("Content-Type", ""))

    assert {"/mentoring/writeups/published/", "/mentoring/writeups/N/"} <= reached
    assert PUBLIC_TITLE in html and "They grade in three sizes" in html
    coach = persona in ("mentor", "staff")
    assert (DRAFT_WORDS in html) == (persona in ("learner", "mentor", "staff"))
    assert ("Brokers paid little." in html) == coach
    mentors_pages = {"/mentoring/writeups/", "/mentoring/writeups/new/thread/N/",
                     "/mentoring/writeups/new/group/muheza-oranges/",
                     "/mentoring/writeups/N/edit/", "/mentoring/writeups/N/versions/N/"}
    assert (mentors_pages <= reached) == coach
    assert not (mentors_pages - {"/mentoring/writeups/N/versions/N/"}) & reached or coach
