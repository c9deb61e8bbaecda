"""A message removed in the admin is gone at once: from its thread's cached pages, from search,
from its thread's count; its replies stay."""

import pytest
from django.urls import reverse

from learnlink.exchange.models import Thread
from tests.conftest import email_from
from tests.exchange.admin_steps import as_staff, remove
from tests.exchange.test_archive_pages import GROUP, conversation, post


@pytest.fixture
def admin_client(client, db):
    return as_staff(client)


def test_a_removed_message_leaves_its_cached_page_search_and_count_at_once(admin_client,
                                                                           oranges):
    messages = conversation(3)
    thread = messages[0].thread
    assert "Reply 1: we graded" in admin_client.get(thread.get_absolute_url()).content.decode()
    assert "3 messages found" in admin_client.get(reverse("search"), {"q": "oranges"}).content \
        .decode()

    assert remove(admin_client, messages[1]).status_code == 302

    page = admin_client.get(thread.get_absolute_url()).content.decode()
    assert f'id="m{messages[1].pk}"' not in page, "not even from the cache"
    assert f'id="m{messages[2].pk}"' in page, "its reply stays"
    assert "2 messages found" in admin_client.get(reverse("search"), {"q": "oranges"}).content \
        .decode()
    thread.refresh_from_db()
    assert thread.message_count == 2


def test_removing_a_threads_only_message_removes_the_thread(admin_client, oranges):
    [question] = conversation(1)
    other = post(email_from("halima@example.org", GROUP, "Black pepper", "Who buys pepper?"))
    assert remove(admin_client, question).status_code == 302
    assert list(Thread.objects.filter(group=oranges)) == [other.thread]
    group_page = admin_client.get(oranges.get_absolute_url()).content.decode()
    assert ">Selling oranges together</a>" not in group_page and ">Black pepper</a>" in group_page
