"""A reply that came without any References or In-Reply-To ("Re: X" from a webmail that drops
them) is listed on the group page below the thread it probably answers, not as a discussion of
its own, until a mentor merges it."""

import email.utils
import re
from datetime import UTC, datetime

from django.urls import reverse

from learnlink.exchange.models import Message, Thread
from tests.conftest import email_from

GROUP = "muheza-oranges@learnlink.localhost"


def send(mail_server, subject: str, day: int, sender: str = "halima@example.org") -> Message:
    message = email_from(sender, GROUP, subject, f"{subject}, siku ya {day}.")
    message.replace_header("Date", email.utils.format_datetime(
        datetime(2004, 9, day, 10, 0, tzinfo=UTC)))
    mail_server.send(message, GROUP)
    return Message.objects.get(message_id=message["Message-ID"].strip("<>"))


def rows(page: str) -> list[str]:
    """The group page's list of threads, one line per link, a nested one indented."""
    lines, depth = [], 0
    listing = page[page.index('<ul class="plain">'):]
    for tag, href, text in re.findall(r'(<ul[^>]*>|</ul>|<a href="([^"]+)">([^<]*)</a>)',
                                      listing):
        if tag.startswith("<ul"):
            depth += 1
        elif tag == "</ul>":
            depth -= 1
            if not depth:
                return lines
        elif "/threads/" in href:
            lines.append("  " * (depth - 1) + text)
    return lines


def test_a_reply_without_references_is_listed_below_the_thread_it_probably_answers(
        client, mail_server, oranges):
    question = send(mail_server, "Bei ya machungwa", 1)
    send(mail_server, "Mbolea ya samadi", 2)
    reply = send(mail_server, "Re: Bei ya machungwa", 3, sender="joseph.mshana@example.org")
    assert reply.thread_id != question.thread_id
    assert reply.suggested_thread_id == question.thread_id

    page = client.get(reverse("exchange:group", args=[oranges.slug])).content.decode()

    assert rows(page) == ["Bei ya machungwa", "  Bei ya machungwa", "Mbolea ya samadi"], (
        "its family is listed where its latest message is, once")
    assert "probably a reply to “Bei ya machungwa” · 3 Sep 2004" in page
    assert f'href="/groups/{oranges.slug}/threads/{reply.thread_id}/"' in page


def test_the_month_archive_lists_it_below_its_thread_too(client, mail_server, oranges):
    send(mail_server, "Bei ya machungwa", 1)
    send(mail_server, "Re: Bei ya machungwa", 3)
    send(mail_server, "Mbolea ya samadi", 5)

    page = client.get(reverse("exchange:month", args=[oranges.slug, 2004, 9])).content.decode()

    assert rows(page) == ["Mbolea ya samadi", "Bei ya machungwa", "  Bei ya machungwa"]


def test_a_thread_with_a_real_reply_is_listed_as_usual(client, mail_server, oranges):
    question = send(mail_server, "Bei ya machungwa", 1)
    answer = email_from("joseph.mshana@example.org", GROUP, "Re: Bei ya machungwa", "120.",
                        In_Reply_To=f"<{question.message_id}>")
    mail_server.send(answer, GROUP)

    page = client.get(reverse("exchange:group", args=[oranges.slug])).content.decode()

    assert rows(page) == ["Bei ya machungwa"]
    assert "probably a reply" not in page


def test_the_group_page_reads_its_families_in_a_bounded_number_of_queries(
        client, mail_server, oranges, django_assert_max_num_queries):
    for day in range(1, 8):
        send(mail_server, f"Swali la {day}", day)
        send(mail_server, f"Re: Swali la {day}", day + 1)
        send(mail_server, f"Re: Swali la {day}", day + 2)
    assert Thread.objects.count() == 21

    with django_assert_max_num_queries(8):
        page = client.get(reverse("exchange:group", args=[oranges.slug])).content.decode()

    assert len(rows(page)) == 21
    assert page.count("probably a reply to") == 14


def test_a_suggestion_goes_once_a_later_reply_joins_the_threads(client, mail_server, oranges):
    question = send(mail_server, "Bei ya machungwa", 1)
    reply = send(mail_server, "Re: Bei ya machungwa", 3, sender="joseph.mshana@example.org")
    assert reply.suggested_thread_id == question.thread_id
    answer = email_from("halima@example.org", GROUP, "Re: Bei ya machungwa", "Asante.",
                        In_Reply_To=f"<{reply.message_id}>",
                        References=f"<{question.message_id}> <{reply.message_id}>")
    mail_server.send(answer, GROUP)

    reply.refresh_from_db()
    assert (reply.thread_id, reply.suggested_thread_id) == (question.thread_id, None), (
        "answered: nothing waits for a mentor")
