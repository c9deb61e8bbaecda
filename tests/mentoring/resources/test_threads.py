"""Resources on a thread's page: attached by a mentor of its group ("Resources for this
discussion"), suggested by the words the thread and the library share, and attached in one
click; read in a few queries however long the thread and however large the library."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from learnlink.exchange.membership import add_member, create_group
from learnlink.mentoring.models import ThreadResource
from tests.conftest import email_from
from tests.mentoring.resources.conftest import add, start_thread


def block(client, thread) -> str:
    """The thread page's resources block."""
    html = client.get(thread.get_absolute_url()).content.decode()
    found = re.search(r'<section class="card" id="resources".*?</section>', html, re.DOTALL)
    assert found, "every thread's page has the block, with the library one link away"
    return found.group()


def suggested(html: str) -> str:
    return html.partition("The library suggests")[2]


def attach_url(thread, resource) -> str:
    return reverse("mentoring:resource_attach", args=[thread.pk, resource.pk])


def test_a_thread_about_warehouse_receipts_is_offered_the_warehouse_receipts_guide(
        client, library, receipts_thread):
    html = block(client, receipts_thread)
    assert "How the Mbonzo warehouse receipts work" in suggested(html)
    assert "Brokering a deal" not in html and "Hussein Lema" not in html
    assert f'href="{reverse("mentoring:resources")}"' in html
    assert "Attach" not in html, "only the group's mentors attach"


def test_a_thread_in_swahili_is_offered_what_is_tagged_in_english(client, library, oranges):
    thread = start_thread(oranges, "Stakabadhi za ghala kwa machungwa?",
                          "Mbonzo wanatoa stakabadhi ya ghala kwa mahindi. Je, ghala "
                          "linaweza kuhifadhi machungwa yetu?")
    assert "How the Mbonzo warehouse receipts work" in suggested(block(client, thread))


def test_a_thread_about_something_else_is_offered_nothing(client, library, oranges):
    thread = start_thread(oranges, "Kilimo cha uyoga",
                          "Tunajenga nyumba ndogo ya uyoga, tunachemsha majani ya mpunga.")
    html = block(client, thread)
    assert "The library suggests" not in html


def test_a_mentor_attaches_a_suggestion_in_one_click(client, library, receipts_thread, mentor):
    client.force_login(mentor)
    guide = library["receipts"]
    assert f'action="{attach_url(receipts_thread, guide)}"' in block(client, receipts_thread)

    response = client.post(attach_url(receipts_thread, guide))
    assert response["Location"] == receipts_thread.get_absolute_url() + "#resources"
    html = block(client, receipts_thread)
    assert guide.title in html and guide.title not in suggested(html), "attached, not suggested"
    assert reverse("mentoring:resource_detach", args=[receipts_thread.pk, guide.pk]) in html
    assert ThreadResource.objects.get().attached_by == mentor
    client.post(attach_url(receipts_thread, guide))
    assert ThreadResource.objects.count() == 1, "twice is once"

    client.logout()
    html = block(client, receipts_thread)
    assert guide.title in html and "Detach" not in html, "every reader sees what was attached"
    page = client.get(guide.get_absolute_url()).content.decode()
    assert receipts_thread.subject in page, "the resource's page lists its discussions"


def test_a_mentor_attaches_from_the_library_what_was_not_suggested_and_detaches_it(
        client, library, receipts_thread, mentor):
    client.force_login(mentor)
    expert = library["radio"]
    html = block(client, receipts_thread)
    find = re.search(r'href="([^"]+)">Find a resource to attach', html)
    assert find
    assert find.group(1) == f"{reverse('mentoring:resources')}?thread={receipts_thread.pk}"
    listed = client.get(reverse("mentoring:resources"), {
        "thread": receipts_thread.pk, "q": "radio"}).content.decode()
    assert f"Choose what to attach to “{receipts_thread.subject}”" in listed
    assert f'name="thread" value="{receipts_thread.pk}"' in listed, "the filters keep it"
    assert f'action="{attach_url(receipts_thread, expert)}"' in listed
    client.post(attach_url(receipts_thread, expert))
    assert "Hussein Lema" in block(client, receipts_thread)

    client.post(reverse("mentoring:resource_detach", args=[receipts_thread.pk, expert.pk]))
    assert "Hussein Lema" not in block(client, receipts_thread)
    assert not ThreadResource.objects.exists()


@pytest.mark.parametrize("persona", [None, "outsider", "learner", "coordinator"])
def test_only_the_groups_mentors_attach_or_detach(client, library, receipts_thread, persona,
                                                   request):
    ThreadResource.objects.create(thread=receipts_thread, resource=library["board"])
    if persona:
        client.force_login(request.getfixturevalue(persona))
    answers = [client.post(attach_url(receipts_thread, library["receipts"])),
               client.post(reverse("mentoring:resource_detach",
                                   args=[receipts_thread.pk, library["board"].pk]))]
    assert {a.status_code for a in answers} == ({302} if persona is None else {404})
    if persona is None:
        assert all("/accounts/login/" in a["Location"] for a in answers)
    assert list(ThreadResource.objects.values_list("resource__title", flat=True)) == [
        library["board"].title]
    listed = client.get(reverse("mentoring:resources"),
                        {"thread": receipts_thread.pk}).content.decode()
    assert "Attach to this discussion" not in listed and "Choose what to attach" not in listed


@pytest.mark.parametrize("value", ["", "x", "-1", "99999999999999999999999", "1 OR 1=1"])
def test_a_thread_the_library_cannot_read_is_no_error(client, library, mentor, value):
    client.force_login(mentor)
    response = client.get(reverse("mentoring:resources"), {"thread": value, "page": value})
    assert response.status_code == 200
    assert "Choose what to attach" not in response.content.decode()


def test_a_private_groups_discussion_stays_private_on_the_library_pages(
        client, library, learner, outsider, mentor):
    private = create_group("mentors-room", "Mentors' room", private=True)
    add_member(private, "halima@example.org")
    thread = start_thread(private, "Receipts for the Songea store: the bank's officer",
                          "The bank officer asked about warehouse receipts.")
    ThreadResource.objects.create(thread=thread, resource=library["receipts"])
    for user in (None, outsider):
        if user:
            client.force_login(user)
        page = client.get(library["receipts"].get_absolute_url()).content.decode()
        assert "Songea store" not in page
        listed = client.get(reverse("mentoring:resources"), {"thread": thread.pk})
        assert "Songea store" not in listed.content.decode()
    client.force_login(learner)
    assert "Songea store" in client.get(library["receipts"].get_absolute_url()).content.decode()
    client.force_login(mentor)
    assert "Songea store" in client.get(reverse("mentoring:resources"),
                                        {"thread": thread.pk}).content.decode()


@pytest.mark.parametrize("text", [
    "",  # an empty message
    "> All of it quoted\n> from an earlier mail\n",
    "Asante. Merci. Thanks. 12 345",  # no word that says anything
])
def test_a_thread_with_nothing_to_match_shows_its_page(client, library, oranges, text):
    thread = start_thread(oranges, "Re:", text)
    html = block(client, thread)
    assert "The library suggests" not in html


def test_the_thread_page_reads_the_same_few_queries_however_long_the_thread_and_library(
        client, library, receipts_thread, mentor, django_assert_max_num_queries):
    from django.core.cache import cache

    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source

    client.force_login(mentor)
    ThreadResource.objects.create(thread=receipts_thread, resource=library["board"])
    url = receipts_thread.get_absolute_url()
    client.get(url)
    cache.clear()  # the archive's rendered messages: both reads below start cold
    with django_assert_max_num_queries(100) as short:
        client.get(url)
    first = receipts_thread.messages.get()
    for n in range(15):
        reply = email_from("joseph.mshana@example.org", receipts_thread.group.address,
                           f"Re: {receipts_thread.subject}",
                           f"The warehouse in Mbeya weighs every bag, answer {n}.",
                           In_Reply_To=f"<{first.message_id}>")
        receive(reply.as_bytes(), [receipts_thread.group.address], Source.PIPE)
    for n in range(40):
        add("guide", f"Receipts guide {n}", "Warehouse receipts and the store's records.", [], [])
    cache.clear()
    with django_assert_max_num_queries(len(short.captured_queries)):
        html = client.get(url).content.decode()
    assert "The library suggests" in html


def test_a_resource_added_later_is_suggested_on_the_threads_next_view(
        client, library, oranges, mentor):
    thread = start_thread(oranges, "Drying black pepper in the rain",
                          "Our pepper rots on the mats when it rains. Who dries pepper on "
                          "raised racks under a roof?")
    assert "The library suggests" not in block(client, thread), "read once, and kept"
    client.force_login(mentor)
    client.post(reverse("mentoring:resource_add", args=["guide"]), {
        "title": "Drying pepper on raised racks",
        "description": "Racks under a roof keep the pepper off the ground when it rains."})
    assert "Drying pepper on raised racks" in suggested(block(client, thread))
    client.post(reverse("mentoring:resource_remove", args=[
        library["receipts"].pk]))  # another change of the library
    assert "Drying pepper on raised racks" in suggested(block(client, thread))
