"""The web archive: light pages, threads in tree order, private groups kept private."""

import re
from email.message import EmailMessage

import pytest
from django.urls import reverse

from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Message, Thread
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from tests.conftest import email_from
from tests.web.test_pages import page_weight

GROUP = "muheza-oranges@learnlink.localhost"


def post(message: EmailMessage, to: str = GROUP) -> Message:
    receive(message.as_bytes(), [to], Source.PIPE)
    return Message.objects.get(message_id=message["Message-ID"].strip("<>"))


def conversation(length: int = 3, to: str = GROUP, sender: str = "halima@example.org"):
    """A question and replies, each quoting the one before it."""
    tag = to.split("@")[0]
    first = email_from(sender, to, "Selling oranges together",
                       "Who has sold oranges as a group to a buyer from Dar?",
                       message_id=f"<q.{tag}@example.org>")
    messages = [post(first, to)]
    for n in range(1, length):
        parent = messages[-1]
        references = " ".join(f"<{m.message_id}>" for m in messages)
        reply = email_from(sender, to, "Re: Selling oranges together",
                           f"Reply {n}: we graded them first and agreed one price.\n\n"
                           f"On Tue, 14 Sep 2004, Halima wrote:\n> {parent.text[:60]}\n",
                           message_id=f"<r{n}.{tag}@example.org>",
                           In_Reply_To=f"<{parent.message_id}>", References=references)
        messages.append(post(reply, to))
    return messages


def test_anyone_reads_a_public_thread_in_tree_order_with_quotes_folded(client, oranges):
    messages = conversation(3)
    html = client.get(messages[0].thread.get_absolute_url()).content.decode()

    positions = [html.index(f'id="m{m.pk}"') for m in messages]
    assert positions == sorted(positions)
    assert 'class="msg indent2"' in html
    assert "<details><summary>Quoted text</summary>" in html
    assert html.count("Who has sold oranges as a group") == 2, "once as text, once quoted"
    assert "In-Reply-To=%3Cr1.muheza-oranges@example.org%3E" in html


def test_a_thread_of_twenty_messages_stays_under_forty_kilobytes(
        client, oranges, django_assert_max_num_queries):
    address = conversation(20)[0].thread.get_absolute_url()
    with django_assert_max_num_queries(10):
        html = client.get(address).content.decode()
    assert page_weight(client, html) < 40 * 1024


def test_the_group_page_lists_threads_by_last_activity_with_reply_counts(client, oranges):
    conversation(3)
    post(email_from("halima@example.org", GROUP, "Black pepper prices", "Who buys pepper?"))
    html = client.get(reverse("exchange:group", args=[oranges.slug])).content.decode()
    assert "2 replies" in html and "0 replies" in html
    assert "Sep 2004" in html, "the month archive"


def test_the_month_archive_shows_the_threads_started_that_month(client, oranges):
    conversation(2)
    html = client.get(reverse("exchange:month", args=[oranges.slug, 2004, 9])).content.decode()
    assert "Threads started in September 2004" in html
    assert ">Selling oranges together</a>" in html
    html = client.get(reverse("exchange:month", args=[oranges.slug, 2005, 1])).content.decode()
    assert ">Selling oranges together</a>" not in html


@pytest.fixture
def private_group(oranges, learner):
    group = create_group("mentors-room", "Mentors' room", private=True)
    add_member(group, "halima@example.org")
    conversation(2, to="mentors-room@learnlink.localhost")
    return group


@pytest.mark.parametrize("persona", ["outsider", "coordinator"])
def test_a_private_group_does_not_exist_for_outsiders(client, private_group, persona, request):
    client.force_login(request.getfixturevalue(persona))
    thread = Thread.objects.get(group=private_group)
    assert client.get(private_group.get_absolute_url()).status_code == 404
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert "Mentors' room" not in client.get(reverse("exchange:groups")).content.decode()


@pytest.mark.parametrize("persona", ["learner", "mentor", "staff"])
def test_members_mentors_and_staff_read_a_private_group(client, private_group, persona,
                                                        request):
    client.force_login(request.getfixturevalue(persona))
    thread = Thread.objects.get(group=private_group)
    assert "Selling oranges together" in client.get(thread.get_absolute_url()).content.decode()


def test_the_raw_source_is_for_members_only(client, oranges, learner):
    [message] = conversation(1)
    url = reverse("exchange:source", args=[oranges.slug, message.pk])
    assert client.get(url)["Location"].startswith("/accounts/login/?next="), "guests sign in"
    assert url not in client.get(message.thread.get_absolute_url()).content.decode()
    client.force_login(learner)
    assert url in client.get(message.thread.get_absolute_url()).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert b"From: halima@example.org" in response.content


def test_attachments_are_listed_and_always_downloaded(client, oranges):
    message = email_from("halima@example.org", GROUP, "Price list", "Attached.")
    message.add_attachment(b"<script>alert(1)</script>", maintype="text", subtype="html",
                           filename="prices.html")
    posted = post(message)
    html = client.get(posted.thread.get_absolute_url()).content.decode()
    [link] = re.findall(r'href="([^"]+/attachments/[^"]+)"', html)

    response = client.get(link)
    assert response["Content-Disposition"].startswith('attachment; filename="prices.html"')
    assert response["Content-Type"] == "application/octet-stream"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == b"<script>alert(1)</script>"
