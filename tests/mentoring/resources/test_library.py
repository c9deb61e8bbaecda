"""The library of resources on the web: open to everyone to read and filter, added to and
edited by mentors only; documents are size-limited, stored once and always downloaded."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learnlink.mentoring.models import Resource, ThreadResource
from tests.mentoring.resources.conftest import theme

LIST = reverse("mentoring:resources")


def titles(client, **query: str) -> set[str]:
    html = client.get(LIST, query).content.decode()
    return {title for title in Resource.objects.values_list("title", flat=True)
            if f">{title}</a>" in html}


def test_everyone_reads_the_library_and_filters_it(client, library):
    assert titles(client) == set(Resource.objects.values_list("title", flat=True))
    assert titles(client, enterprise="oranges") == {"Brokering a deal with a big buyer"}
    assert titles(client, theme="warehouse-receipts") == {
        "How the Mbonzo warehouse receipts work", "Warehouse Receipt Regulatory Board (Tanzania)"}
    assert titles(client, kind="contact") == {"Hussein Lema"}
    assert titles(client, kind="link", theme="warehouse-receipts") == {
        "Warehouse Receipt Regulatory Board (Tanzania)"}


@pytest.mark.parametrize(("words", "found"), [
    ("warehouse receipts", {"receipts", "board"}),
    ("receipt sacco", {"receipts"}),  # every word, in the title or the text
    ("stakabadhi", {"receipts", "board"}),  # the tag's Kiswahili name
    ("Récépissés", {"receipts", "board"}),  # and its French one, accents or not
    ("recepisses", {"receipts", "board"}),
    ("radio Babati", {"radio"}),  # an expert's organisation
    ("mushrooms", set()),
    ("the and of", set()),  # only stop words: nothing to look for, nothing found
])
def test_the_library_searches_its_words_in_three_languages(client, library, words, found):
    html = client.get(LIST, {"q": words}).content.decode()
    shown = {key for key, item in library.items() if f">{item.title}</a>" in html}
    assert shown == found
    if not found:
        assert "Nothing in the library matches." in html


def test_an_unknown_filter_value_shows_the_whole_library_and_says_why(client, library):
    html = client.get(LIST, {"enterprise": "no-such-thing", "kind": "poem"}).content.decode()
    assert "Select a valid choice." in html
    assert all(f">{item.title}</a>" in html for item in library.values())


def test_the_list_reads_a_few_queries_however_many_resources(
        client, library, django_assert_max_num_queries):
    from tests.mentoring.resources.conftest import add

    for n in range(30):
        add("guide", f"Guide {n}", "Grading and bulking.", [], [theme("new-enterprises",
                                                                      "New enterprises")])
    with django_assert_max_num_queries(8):
        html = client.get(LIST).content.decode()
    assert "Page 1 of 2" in html


def test_a_mentor_adds_a_guide_with_its_tags_and_finds_it(client, library, mentor, network):
    client.force_login(mentor)
    stores = theme("warehouse-receipts", "Warehouse receipts")
    response = client.post(reverse("mentoring:resource_add", args=["guide"]), {
        "title": "Before a warehouse stores a new crop",
        "description": "How dry is dry? What damages it in store? Who lends on the receipt?",
        "enterprises": [network["oranges"].pk], "themes": [stores.pk]})
    made = Resource.objects.get(title="Before a warehouse stores a new crop")
    assert response.status_code == 302 and response["Location"] == made.get_absolute_url()
    assert made.kind == "guide" and made.added_by == mentor
    page = client.get(made.get_absolute_url()).content.decode()
    assert "How dry is dry?" in page
    assert ">oranges</a>" in page and ">Warehouse receipts</a>" in page
    assert "is in the library" in page
    assert made.title in client.get(LIST, {"q": "lends damages"}).content.decode()


def test_a_mentor_edits_a_resource_and_the_library_finds_its_new_words(
        client, library, mentor):
    client.force_login(mentor)
    board = library["board"]
    response = client.post(reverse("mentoring:resource_edit", args=[board.pk]), {
        "title": "The licensing board of warehouse receipts", "url": "https://www.wrrb.go.tz/",
        "description": "Licenses warehouse operators and inspectors."})
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.title == "The licensing board of warehouse receipts"
    assert not board.themes.exists(), "tags unticked are taken off"
    assert board.title in client.get(LIST, {"q": "inspectors"}).content.decode()
    assert board.title not in client.get(LIST, {"q": "stakabadhi"}).content.decode()


def test_a_link_needs_its_address_and_a_contact_a_way_to_reach_them(client, mentor):
    client.force_login(mentor)
    link = client.post(reverse("mentoring:resource_add", args=["link"]), {"title": "A site"})
    assert "This field is required." in link.content.decode()
    contact = client.post(reverse("mentoring:resource_add", args=["contact"]), {
        "title": "Someone", "description": "Knows about storage."})
    assert "Give an email address or a phone number" in contact.content.decode()
    assert not Resource.objects.exists()


@pytest.mark.parametrize("persona", [None, "outsider", "learner", "coordinator"])
def test_only_mentors_add_edit_or_remove(client, library, persona, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    board = library["board"]
    asked = [client.get(reverse("mentoring:resource_add", args=["link"])),
             client.post(reverse("mentoring:resource_add", args=["link"]), {
                 "title": "Spam", "url": "https://spam.example/"}),
             client.get(reverse("mentoring:resource_edit", args=[board.pk])),
             client.post(reverse("mentoring:resource_edit", args=[board.pk]), {
                 "title": "Changed", "url": "https://spam.example/"}),
             client.post(reverse("mentoring:resource_remove", args=[board.pk]))]
    assert {answer.status_code for answer in asked} == ({302} if persona is None else {404})
    board.refresh_from_db()
    assert board.title == "Warehouse Receipt Regulatory Board (Tanzania)"
    assert not Resource.objects.filter(title="Spam").exists()
    page = client.get(board.get_absolute_url()).content.decode()
    assert "Edit" not in page and "Add to the library" not in client.get(LIST).content.decode()


def test_a_mentor_removes_a_resource_from_the_library_and_its_threads(
        client, library, mentor, receipts_thread):
    ThreadResource.objects.create(thread=receipts_thread, resource=library["receipts"])
    client.force_login(mentor)
    response = client.post(reverse("mentoring:resource_remove", args=[library["receipts"].pk]),
                           follow=True)
    assert response.redirect_chain == [(LIST, 302)]
    assert "is out of the library" in response.content.decode()
    assert not Resource.objects.filter(pk=library["receipts"].pk).exists()
    assert "How the Mbonzo" not in client.get(receipts_thread.get_absolute_url()).content.decode()
    assert client.get(reverse("mentoring:resource_remove",
                              args=[library["board"].pk])).status_code == 405


FORM = b"tarehe,soko,zao,kipimo,bei_ya_chini,bei_ya_juu,chanzo,maelezo\n"


def test_a_document_is_stored_by_its_content_and_always_downloaded(client, network, mentor):
    client.force_login(mentor)
    client.post(reverse("mentoring:resource_add", args=["document"]), {
        "title": "Fomu ya bei", "description": "The market spies' form.",
        "file": SimpleUploadedFile("fomu-ya-bei.csv", FORM, content_type="text/csv")})
    document = Resource.objects.get(title="Fomu ya bei")
    digest = hashlib.sha256(FORM).hexdigest()
    assert (document.filename, document.size, document.sha256) == (
        "fomu-ya-bei.csv", len(FORM), digest)
    assert default_storage.exists(f"attachments/{digest[:2]}/{digest}"), "as attachments are"
    page = client.get(document.get_absolute_url()).content.decode()
    assert f'href="{document.file_url()}"' in page and "Download fomu-ya-bei.csv" in page

    client.logout()
    download = client.get(document.file_url())
    assert b"".join(download.streaming_content) == FORM
    assert download["Content-Type"] == "application/octet-stream"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in download["Content-Security-Policy"]
    wrong = reverse("mentoring:resource_file", args=[document.pk, "other.csv"])
    assert client.get(wrong).status_code == 404


def test_a_document_over_the_size_limit_is_refused_and_the_limit_said(
        client, mentor, settings):
    settings.LEARNLINK_RESOURCE_SIZE_LIMIT = 1024
    client.force_login(mentor)
    form = client.get(reverse("mentoring:resource_add", args=["document"])).content.decode()
    assert "At most 1.0\xa0KB." in form
    response = client.post(reverse("mentoring:resource_add", args=["document"]), {
        "title": "A season's records",
        "file": SimpleUploadedFile("records.csv", b"x" * 1025, content_type="text/csv")})
    html = response.content.decode()
    assert response.status_code == 200
    assert "This file is 1.0\xa0KB; the library takes files of at most 1.0\xa0KB." in html
    assert not Resource.objects.exists()


def test_editing_a_document_keeps_its_file_unless_a_new_one_is_given(client, mentor):
    client.force_login(mentor)
    client.post(reverse("mentoring:resource_add", args=["document"]), {
        "title": "Fomu", "file": SimpleUploadedFile("fomu.csv", FORM)})
    document = Resource.objects.get()
    client.post(reverse("mentoring:resource_edit", args=[document.pk]), {"title": "Fomu ya bei"})
    document.refresh_from_db()
    assert (document.title, document.filename) == ("Fomu ya bei", "fomu.csv")


@pytest.mark.django_db
def test_the_network_starts_with_its_themes_in_three_languages():
    from learnlink.mentoring.models import Theme

    receipts = Theme.objects.get(slug="warehouse-receipts")
    assert (receipts.name, receipts.name_sw, receipts.name_fr) == (
        "Warehouse receipts", "Stakabadhi za ghala", "Récépissés d’entrepôt")
    assert set(Theme.objects.values_list("slug", flat=True)) >= {
        "brokering-deals-with-buyers", "collaboration-along-a-market-chain",
        "market-information", "bulking-and-joint-marketing", "new-enterprises",
        "warehouse-receipts"}
    assert all(name_sw and name_fr for name_sw, name_fr in
               Theme.objects.values_list("name_sw", "name_fr"))


def test_the_count_of_resources_each_word_is_in_follows_adds_edits_and_removals(
        client, library, mentor):
    from learnlink.mentoring.models import LibraryWord

    def spread(word: str) -> int:
        return LibraryWord.objects.get(word=word).resources

    assert (spread("warehous"), spread("sacco")) == (2, 1)
    client.force_login(mentor)
    client.post(reverse("mentoring:resource_edit", args=[library["receipts"].pk]), {
        "title": "Stored maize", "description": "A loan from the SACCO on the receipt."})
    assert (spread("warehous"), spread("sacco"), spread("stor")) == (1, 1, 1)
    client.post(reverse("mentoring:resource_remove", args=[library["receipts"].pk]))
    assert (spread("warehous"), spread("sacco"), spread("stor")) == (1, 0, 0)
