"""Stories, news and interviews: who reads and writes them, what their pages show, their Atom
feeds and their place in the answers to a search."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from learnlink.exchange.search_sections import as_text
from learnlink.knowledge import story_actions
from learnlink.knowledge.models import Practice, Story
from tests.web.test_pages import PAGE_BUDGET, page_weight

ATOM = "{http://www.w3.org/2005/Atom}"


def piece(title: str, kind: str = "story", publish: bool = True, **fields) -> Story:
    story = Story.objects.create(title=title, kind=kind, summary=fields.pop("summary", "s"),
                                 language=fields.pop("language", "en"), **fields)
    if publish:
        story_actions.publish(story)
    return story


@pytest.fixture
def published(network, mentor) -> Story:
    story = piece("Muheza orange growers stop waiting", author=mentor.person,
                  summary="A service provider found a big buyer in Tanga.",
                  body="The groups agreed on **three grades**.\n\n"
                       "![a crate](https://tracker.example.com/crate.jpg)")
    story.organisations.set([network["union"]])
    return story


@pytest.fixture
def draft(learner) -> Story:
    return piece("Market spies in Babati", publish=False, author=learner.person,
                 summary="Prices on village billboards.")


def listed(client, **query) -> str:
    return client.get(reverse("stories:list"), query).content.decode()


def test_a_guest_reads_published_pieces_but_not_a_draft(client, published, draft):
    html = listed(client)

    assert published.title in html and draft.title not in html
    assert client.get(published.get_absolute_url()).status_code == 200
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_a_draft_is_read_by_its_author_mentors_and_staff_not_by_a_stranger(
        client, draft, learner, mentor, outsider, staff):
    for user, status in ((outsider, 404), (learner, 200), (mentor, 200), (staff, 200)):
        client.force_login(user)
        assert client.get(draft.get_absolute_url()).status_code == status, user
    client.force_login(outsider)
    assert draft.title not in listed(client)


def test_a_learner_who_is_no_mentor_cannot_write_or_publish(client, draft, learner):
    assert client.get(reverse("stories:new")).status_code == 302  # a guest: sign in first
    client.force_login(learner)

    assert client.get(reverse("stories:new")).status_code == 404
    assert client.get(reverse("stories:edit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("stories:publish", args=[draft.pk])).status_code == 404
    assert client.post(reverse("stories:new"), {"title": "Mine", "kind": "news"}).status_code \
        == 404
    draft.refresh_from_db()
    assert draft.state == "draft" and Story.objects.count() == 1
    assert "Write a story" not in listed(client)


def questions(*pairs: tuple[str, str], extra: int = 1) -> dict[str, str]:
    """The formset's fields: the pairs given, then empty ones, as the browser sends them."""
    data = {"questions-TOTAL_FORMS": str(len(pairs) + extra), "questions-INITIAL_FORMS": "0"}
    for number, (question, answer) in enumerate(pairs):
        data |= {f"questions-{number}-question": question, f"questions-{number}-answer": answer}
    return data


PAIRS = (("What does a market spy do?", "I call the traders."),
         ("Where did the idea come from?", "From Mufindi."))


def form(network, mentor, pairs=PAIRS, **changes) -> dict[str, str]:
    return {"kind": "interview", "title": "Daudi Tlatla, market spy in Babati",
            "date": "2006-05-08", "author": str(mentor.person.pk), "summary": "Billboards.",
            "language": "en", "organisations": [str(network["spies"].pk)],
            **questions(*pairs), **changes}


def test_a_mentor_writes_an_interview_publishes_it_and_a_guest_reads_it(
        client, network, mentor):
    client.force_login(mentor)
    response = client.post(reverse("stories:new"), form(network, mentor))
    interview = Story.objects.get()
    assert response.status_code == 302 and response["Location"] == interview.get_absolute_url()
    assert interview.state == "draft" and interview.author == mentor.person

    client.post(reverse("stories:publish", args=[interview.pk]))
    client.logout()
    html = client.get(interview.get_absolute_url()).content.decode()

    assert html.index("What does a market spy do?") < html.index("Where did the idea come from")
    assert "I call the traders." in html and "Joseph Mshana" in html
    assert f'href="{network["spies"].get_absolute_url()}"' in html
    assert "Not yet translated" not in html


def test_an_interview_without_questions_and_a_piece_without_author_are_refused(
        client, network, mentor):
    client.force_login(mentor)
    html = client.post(reverse("stories:new"), form(network, mentor, pairs=(), author="")
                       ).content.decode()

    assert "An interview needs at least one question" in html
    assert "Choose the author, or write the byline." in html
    assert not Story.objects.exists()


def test_an_edit_reorders_removes_and_adds_questions(client, network, mentor):
    client.force_login(mentor)
    client.post(reverse("stories:new"), form(network, mentor))
    interview = Story.objects.get()
    first, second = interview.questions.all()
    data = {**form(network, mentor), "questions-TOTAL_FORMS": "3",
            "questions-INITIAL_FORMS": "2",
            "questions-0-id": str(first.pk), "questions-0-DELETE": "on",
            "questions-1-id": str(second.pk),
            "questions-2-question": "Who else took it up?", "questions-2-answer": "Magugu."}

    client.post(reverse("stories:edit", args=[interview.pk]), data)

    assert [q.question for q in interview.questions.all()] == [
        "Where did the idea come from?", "Who else took it up?"]


def test_the_page_neutralises_remote_images_and_the_form_refuses_them(
        client, network, mentor, published):
    html = client.get(published.get_absolute_url()).content.decode()
    assert "<strong>three grades</strong>" in html
    assert "tracker.example.com" not in html and "[a crate]" in html

    client.force_login(mentor)
    html = client.post(reverse("stories:new"), form(
        network, mentor, body="![x](https://tracker.example.com/x.png)")).content.decode()
    assert "Images from other sites are not shown here" in html
    assert Story.objects.count() == 1


def test_the_list_filters_by_kind_and_marks_pieces_not_in_the_readers_language(
        client, published):
    news = piece("Songea asks Kakamega for moringa seed", kind="news")
    swahili = piece("Wakulima wa Muheza", language="sw", translation_of=published)

    only_news = listed(client, kind="news")
    assert news.title in only_news and published.title not in only_news
    client.cookies["django_language"] = "sw"
    assert "Not yet translated" not in client.get(published.get_absolute_url()).content.decode()
    client.cookies["django_language"] = "fr"
    html = client.get(published.get_absolute_url()).content.decode()
    assert "Pas encore traduit" in html and f'href="{swahili.get_absolute_url()}"' in html


def test_the_list_is_paginated_light_and_in_few_queries(
        client, network, settings, django_assert_max_num_queries):
    settings.LEARNLINK_PAGE_SIZE = 5
    for number in range(12):
        piece(f"News {number:02}", kind="news", date=datetime.date(2007, 1, number + 1))

    with django_assert_max_num_queries(8):
        html = listed(client, kind="news", page=2)

    assert "News 06" in html and "News 11" not in html and "kind=news&amp;page=3" in html
    assert page_weight(client, html) < PAGE_BUDGET


def test_the_feeds_are_valid_atom_of_the_latest_20_published_pieces(client, draft):
    for number in range(22):
        piece(f"News {number:02}", kind="news")
    piece("An interview", kind="interview")
    piece("A story")

    news = ET.fromstring(client.get(reverse("feeds:news")).content)  # noqa: S314  # our own
    stories = ET.fromstring(client.get(reverse("feeds:stories")).content)  # noqa: S314

    assert news.tag == f"{ATOM}feed"
    titles = [entry.findtext(f"{ATOM}title") for entry in news.iter(f"{ATOM}entry")]
    assert len(titles) == 20 and titles[0] == "News 21" and "News 01" not in titles
    story_titles = {entry.findtext(f"{ATOM}title") for entry in stories.iter(f"{ATOM}entry")}
    assert story_titles == {"An interview", "A story"}
    for entry in stories.iter(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
        assert entry.findtext(f"{ATOM}updated") and entry.findtext(f"{ATOM}id")


def test_a_search_finds_published_pieces_by_mail_and_on_the_page(client, published, draft):
    piece("Billboards again", publish=False, summary="Market spies and their billboards.")

    by_mail = "\n".join(as_text("orange growers", AnonymousUser()))
    assert published.title in by_mail and published.get_absolute_url() in by_mail
    hidden = "".join(as_text("billboards", AnonymousUser()))
    assert "Billboards again" not in hidden and draft.title not in hidden
    html = client.get(reverse("search"), {"q": "buyer Tanga"}).content.decode()
    assert "In stories, news and interviews" in html and published.title in html


def test_a_related_practice_is_linked_when_published(client, published):
    practice = Practice.objects.create(title="Brokering deals", summary="s", language="en",
                                       state="published")
    hidden = Practice.objects.create(title="A draft practice", summary="s", language="en")
    published.practices.set([practice, hidden])

    html = client.get(published.get_absolute_url()).content.decode()

    assert practice.get_absolute_url() in html and hidden.title not in html


def test_latest_public_gives_the_home_page_the_latest_published(published, draft):
    older = piece("Older", date=datetime.date(2001, 1, 1))

    assert Story.objects.latest_public(2) == [published, older]


def test_a_piece_is_light_and_shown_in_few_queries(client, published,
                                                   django_assert_max_num_queries):
    piece("Wakulima wa Muheza", language="sw", translation_of=published)
    with django_assert_max_num_queries(10):
        html = client.get(published.get_absolute_url()).content.decode()

    assert page_weight(client, html) < PAGE_BUDGET
