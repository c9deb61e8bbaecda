"""The library and a practice's page: who sees what, the filters, what the page shows of its
sources, its translations and its diffusion, and how light it is."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learnlink.exchange.membership import add_member, create_group
from learnlink.knowledge.models import Practice
from tests.knowledge.conftest import posted
from tests.web.test_pages import PAGE_BUDGET, page_weight


def library(client, **query) -> str:
    return client.get(reverse("knowledge:practices"), query).content.decode()


def test_a_guest_reads_the_published_library_but_not_a_draft(client, published, draft):
    html = library(client)

    assert published.title in html and draft.title not in html
    assert client.get(published.get_absolute_url()).status_code == 200
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_a_draft_is_read_by_its_author_and_its_mentor_not_by_a_stranger(
        client, draft, learner, mentor, outsider, staff):
    for user, status in ((outsider, 404), (learner, 200), (mentor, 200), (staff, 200)):
        client.force_login(user)
        assert client.get(draft.get_absolute_url()).status_code == status, user
    client.force_login(outsider)
    assert draft.title not in library(client)
    assert client.get(reverse("knowledge:edit", args=[draft.pk])).status_code == 404


def test_the_filters_narrow_the_library_by_enterprise_theme_place_and_language(
        client, network, published):
    other = Practice.objects.create(title="Simsim in Babati", summary="s", language="sw",
                                    place=network["babati"], state="published")

    assert published.title in library(client, enterprise="oranges")
    assert other.title not in library(client, enterprise="oranges")
    assert published.title in library(client, theme="brokering-deals-with-buyers")
    assert other.title not in library(client, theme="brokering-deals-with-buyers")
    inside_tanga = library(client, place=network["tanga"].pk)
    assert published.title in inside_tanga and other.title not in inside_tanga
    in_swahili = library(client, lang="sw")
    assert other.title in in_swahili and published.title not in in_swahili


def test_the_practice_page_shows_its_parts_and_where_it_travelled(client, published):
    html = client.get(published.get_absolute_url()).content.decode()

    assert "<strong>three grades</strong>" in html
    assert "<td>3,200</td>" in html
    assert "Muheza Fruit Growers Association" in html and "Babati Market Spies" in html
    assert "Rice graded by variety." in html and "a discussion thread" in html


def test_markdown_loses_its_scripts_and_images_from_other_sites(client, published):
    published.lessons = ('<script>alert("x")</script>\n\n![pixel](https://tracker.example/p.png)'
                         '\n\n[link](javascript:alert(1))')
    published.save()

    html = client.get(published.get_absolute_url()).content.decode()

    assert "<script>alert" not in html and "tracker.example" not in html
    assert 'href="javascript' not in html
    assert "[pixel]" in html, "the image's description is left as text"


def test_the_form_refuses_an_image_from_another_site_with_a_clear_message(client, draft,
                                                                           mentor):
    client.force_login(mentor)
    response = client.post(reverse("knowledge:edit", args=[draft.pk]), {
        "title": draft.title, "summary": draft.summary, "language": "en",
        "done": "![x](http://elsewhere.example/x.jpg)"})

    assert "Images from other sites are not shown here" in response.content.decode()
    draft.refresh_from_db()
    assert draft.done == ""


@pytest.mark.django_db
def test_a_private_thread_cited_shows_the_public_a_note_not_its_subject(
        client, published, oranges, learner, outsider):
    private = create_group("kilulu-board", "Kilulu board", private=True)
    add_member(private, "halima@example.org")
    published.threads.set([posted(private, "Board accounts 2005"),
                           posted(oranges, "Grading oranges")])

    for user in (None, outsider):
        if user:
            client.force_login(user)
        html = client.get(published.get_absolute_url()).content.decode()
        assert "Grading oranges" in html
        assert "Board accounts 2005" not in html
        assert "from a members-only discussion" in html
    client.force_login(learner)
    assert "Board accounts 2005" in client.get(published.get_absolute_url()).content.decode()


def test_a_reader_whose_language_has_no_translation_is_told_so(client, published):
    client.cookies["django_language"] = "sw"
    marker = "Bado haijatafsiriwa kwa lugha yako"

    assert marker in client.get(published.get_absolute_url()).content.decode()

    swahili = Practice.objects.create(title="Kufanya mikataba na wanunuzi wakubwa", summary="s",
                                      language="sw", translation_of=published, state="published")
    html = client.get(published.get_absolute_url()).content.decode()
    assert marker not in html and swahili.get_absolute_url() in html


def test_a_translation_is_in_another_language_and_one_per_language(client, published, mentor):
    client.force_login(mentor)
    form = {"title": "Négocier avec les grands acheteurs", "summary": "s",
            "translation_of": published.pk}

    same = client.post(reverse("knowledge:new"), {**form, "language": "en"}).content.decode()
    assert "A translation is in another language than its original." in same
    client.post(reverse("knowledge:new"), {**form, "language": "fr"})
    again = client.post(reverse("knowledge:new"), {**form, "language": "fr"}).content.decode()
    assert "already has a translation in that language" in again
    assert list(published.translations.values_list("language", flat=True)) == ["fr"]


def test_the_coaching_mentor_publishes_and_an_author_cannot(client, draft, learner, mentor):
    url = reverse("knowledge:state", args=[draft.pk])
    client.force_login(learner)
    client.post(url, {"state": "published"})
    draft.refresh_from_db()
    assert draft.state == "draft"

    client.force_login(mentor)
    client.post(url, {"state": "published"})
    draft.refresh_from_db()
    assert draft.state == "published" and draft.published is not None


def test_a_mentor_writes_a_practice_and_coaches_it(client, network, mentor):
    client.force_login(mentor)
    response = client.post(reverse("knowledge:new"), {
        "title": "Village billboards", "summary": "Prices where everyone reads them.",
        "language": "en", "place": network["babati"].pk, "done": "A board by the road."})

    practice = Practice.objects.get(title="Village billboards")
    assert response["Location"] == practice.get_absolute_url()
    assert practice.mentor == mentor.person and practice.state == "draft"


def test_the_pages_are_light_and_their_queries_bounded(client, published, network,
                                                       django_assert_max_num_queries):
    for n in range(30):
        Practice.objects.create(title=f"Practice {n}", summary="s" * 200, language="en",
                                place=network["muheza"], state="published")
    for url in (reverse("knowledge:practices"), published.get_absolute_url()):
        with django_assert_max_num_queries(14):
            response = client.get(url)
        assert page_weight(client, response.content.decode()) <= PAGE_BUDGET, url


def test_an_editor_records_an_adoption_and_one_before_the_origin_is_refused(
        client, network, published, mentor, outsider):
    url = reverse("knowledge:add_adoption", args=[published.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 404

    client.force_login(mentor)
    form = {"organisation": network["growers"].pk, "place": network["muheza"].pk,
            "status": "trying", "channel": "workshop", "adaptation": "Two grades only."}
    early = client.post(url, {**form, "date": "2002-05-01"}).content.decode()
    assert "an adoption cannot come before its origin" in early
    client.post(url, {**form, "date": "2007-05-01"})
    assert published.adoptions.filter(adaptation="Two grades only.").exists()
    assert "Two grades only." in client.get(published.get_absolute_url()).content.decode()
