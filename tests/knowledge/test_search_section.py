"""Searching finds practices: on the search page and in the answer by mail, the practices
whose title or summary holds every word of the query, at most ten; a guest finds only the
published ones, an author their own draft too."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from learnlink.exchange import search_sections
from learnlink.knowledge.models import Practice
from learnlink.knowledge.search_section import RESULTS
from learnlink.lib.links import absolute


def search(client, query: str) -> str:
    return client.get(reverse("search"), {"q": query}).content.decode()


def test_a_guest_finds_published_practices_and_no_draft(client, published, draft):
    page = search(client, "broker buyer")
    assert "In the library of practices" in page
    assert f'href="{published.get_absolute_url()}"' in page

    assert draft.get_absolute_url() not in search(client, "billboards")
    assert "In the library of practices" not in search(client, "billboards")


def test_an_author_finds_their_own_draft(client, draft, learner):
    client.force_login(learner)
    page = search(client, "village billboards")
    assert f'href="{draft.get_absolute_url()}"' in page and "draft" in page


def test_every_word_must_match_and_results_are_bounded(client, network):
    for n in range(RESULTS + 3):
        Practice.objects.create(title=f"Grading oranges {n}", summary="Three sizes.",
                                language="en", state="published")

    page = search(client, "grading sizes")
    assert page.count('lang="en">Grading oranges') == RESULTS
    assert "In the library of practices" not in search(client, "grading pepper")


def test_the_answer_by_mail_lists_practices_with_their_address(published, draft):
    [text] = [part for part in search_sections.as_text("broker", AnonymousUser())
              if "In the library of practices:" in part]
    assert "- Brokering deals with big buyers" in text
    assert absolute(published.get_absolute_url()) in text
    assert draft.title not in text
