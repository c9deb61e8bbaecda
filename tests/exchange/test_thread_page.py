"""The thread page joins each message's HTML, rendered once when it was archived, with what
depends on the reader: labels in their language, the source links members get."""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse

from learnlink.exchange.importing import import_mbox
from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Message, Thread
from tests.conftest import email_from
from tests.exchange.admin_steps import correct_text
from tests.exchange.test_archive_pages import GROUP, conversation, post
from tests.web.test_pages import page_weight

DEMO = Path(__file__).resolve().parents[2] / "learnlink" / "exchange" / "demo"


def page(client, thread: Thread, language: str = "en") -> str:
    client.cookies["django_language"] = language
    return client.get(thread.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_message_imported_from_an_mbox_shows_its_text_and_folded_quotes(client):
    group = create_group("oranges-muheza", "Oranges")
    import_mbox(group, DEMO / "oranges-muheza.mbox", processes=1)
    question = page(client, Thread.objects.get(subject__startswith="Mlivyompata mnunuzi"))
    answer = page(client, Thread.objects.get(subject__startswith="Songea: tunataka"))

    assert "Investments ya Tanga, badala ya kusubiri madalali shambani." in question, "reflowed"
    assert "Hatukumwamini mara moja." in answer
    assert '<details><summary>Quoted text</summary><div class="quote">' in answer
    assert "Mnunuzi wa kwanza mlimwamini vipi" in answer


def test_the_stored_html_is_the_same_for_every_reader(client, oranges, learner):
    messages = conversation(2)
    stored = [message.html for message in Message.objects.filter(pk__in=[m.pk for m in messages])]
    for words in ("Quoted text", "Reply by email", "Source", "href", "mailto"):
        assert not any(words in html for html in stored), f"{words!r} depends on the reader"

    thread = messages[0].thread
    anonymous = page(client, thread)
    french = page(client, thread, "fr")
    client.force_login(learner)
    member = page(client, thread)
    source = reverse("exchange:source", args=[oranges.slug, messages[1].pk])
    assert source in member and source not in anonymous
    assert f'<a href="{messages[0].sender.get_absolute_url()}">Halima Omari</a>' in anonymous
    assert "<summary>Texte cité</summary>" in french
    for shown in (anonymous, french, member):
        assert all(html.replace("<summary></summary>", "") in shown.replace(
            "<summary>Quoted text</summary>", "").replace("<summary>Texte cité</summary>", "")
            for html in stored)


def test_mail_that_looks_like_markup_is_shown_as_text(client, oranges):
    body = "Bei: <b>500</b> <summary></summary> <script>alert(1)</script>\n"
    posted = post(email_from("halima@example.org", GROUP, "Bei ya leo", body))
    html = page(client, posted.thread)
    assert "Bei: &lt;b&gt;500&lt;/b&gt; &lt;summary&gt;&lt;/summary&gt; &lt;script&gt;" in html
    assert "<script>alert" not in html and "<summary>Quoted text" not in html


def test_a_reply_shows_at_once_on_a_page_read_before(client, oranges):
    [question] = conversation(1)
    assert "Reply 1" not in page(client, question.thread)
    conversation(2)
    assert "Reply 1: we graded them first" in page(client, question.thread)


def test_a_text_corrected_in_the_admin_shows_on_the_thread_page(client, oranges):
    [question] = conversation(1)
    page(client, question.thread)
    response = correct_text(client, question,
                            "Who has sold oranges as a group to a buyer from Tanga?")
    assert response.status_code == 302
    assert "a buyer from Tanga?" in page(client, question.thread)


def test_messages_archived_before_their_html_was_stored_show_their_text(client, oranges):
    """What migration 0003 does for an archive that existed before it."""
    [question] = conversation(1)
    Message.objects.update(html="")
    migration = importlib.import_module("learnlink.exchange.migrations.0004_message_html")

    migration.render_archive(apps, None)

    assert "Who has sold oranges as a group" in page(client, question.thread)


def test_a_long_thread_is_read_page_by_page_each_message_once_in_tree_order(client, oranges):
    messages = conversation(45)
    url = messages[0].thread.get_absolute_url()
    pages = [client.get(url, {"page": n}).content.decode() for n in (1, 2, 3)]
    assert "Page 1 of 3" in pages[0] and 'rel="next" href="?page=2"' in pages[0]
    assert "Page 3 of 3" in pages[2] and 'rel="next"' not in pages[2]
    shown = [int(pk) for html in pages for pk in re.findall(r'<article id="m(\d+)"', html)]
    assert shown == [message.pk for message in messages]
    assert all(page_weight(client, html) < 50 * 1024 for html in pages)


def test_a_thread_of_long_reports_is_cut_by_weight_to_stay_under_fifty_kilobytes(client,
                                                                                    oranges):
    report = ("Kilulu growers graded the oranges into three sizes, loaded grade A for the Tanga "
              "buyer at 150 shillings a kilo and kept grade C for the juice maker.\n") * 80
    messages = [post(email_from("halima@example.org", GROUP, "Season report", report,
                                message_id="<report.0@example.org>"))]
    for n in range(1, 8):
        messages.append(post(email_from(
            "halima@example.org", GROUP, "Re: Season report", report,
            message_id=f"<report.{n}@example.org>", References=f"<{messages[-1].message_id}>")))
    url = messages[0].thread.get_absolute_url()
    first = client.get(url).content.decode()
    count = int(re.search(r"Page 1 of (\d+)", first)[1])
    pages = [first] + [client.get(url, {"page": n}).content.decode()
                       for n in range(2, count + 1)]
    assert count > 1
    assert all(page_weight(client, html) < 50 * 1024 for html in pages)
    shown = [int(pk) for html in pages for pk in re.findall(r'<article id="m(\d+)"', html)]
    assert shown == [message.pk for message in messages]


def test_a_messages_permalink_leads_to_the_page_that_shows_it(client, oranges):
    messages = conversation(25)
    thread = messages[0].thread.get_absolute_url()
    late, early = client.get(messages[22].get_absolute_url()), client.get(
        messages[3].get_absolute_url())
    assert (late.status_code, late["Location"]) == (302, f"{thread}?page=2#m{messages[22].pk}")
    assert early["Location"] == f"{thread}#m{messages[3].pk}"
    assert f'href="{messages[3].get_absolute_url()}"' in client.get(thread).content.decode(), \
        "each message's date links its permalink"


def refused_to_strangers(client, url: str, outsider) -> None:
    """A guest is asked to sign in (and brought back); a signed-in outsider finds nothing."""
    guest = client.get(url)
    assert guest["Location"].startswith("/accounts/login/?next="), "a guest is asked to sign in"
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_a_private_groups_permalinks_are_not_found_by_strangers(client, oranges, learner,
                                                                outsider):
    private = create_group("mentors-room", "Mentors' room", private=True)
    add_member(private, "halima@example.org")
    [message] = conversation(1, to=private.address)
    refused_to_strangers(client, message.get_absolute_url(), outsider)
    client.force_login(learner)
    assert client.get(message.get_absolute_url()).status_code == 302


def test_a_very_long_message_shows_its_start_and_a_link_to_read_it_whole(
        client, oranges, django_assert_max_num_queries):
    """A season's records pasted into one mail, 130 KB: its thread's page stays light."""
    rows = "".join(f"Kilulu & Mkuzi, week {n}: 3,200 oranges <grade A> at 150 shillings\n"
                   for n in range(2000))
    long = post(email_from("halima@example.org", GROUP, "Season records", rows,
                           message_id="<records@example.org>"))
    html = page(client, long.thread)
    assert page_weight(client, html) < 50 * 1024
    assert "week 10: 3,200 oranges &lt;grade A&gt;" in html and "week 1999" not in html
    link = re.search(r'<p class="more"><a href="([^"]+)">Read the whole message \((.+?)\)</a>',
                     html)
    assert link and link[2].endswith("KB"), html[-600:]
    with django_assert_max_num_queries(6):
        whole = client.get(link[1]).content.decode()
    assert "Kilulu &amp; Mkuzi, week 1999: 3,200 oranges &lt;grade A&gt;" in whole
    assert 'class="more"' not in whole


@pytest.mark.parametrize("text", [
    "x" * 30_000,  # no line break, no space
    "&" * 30_000,  # every character an entity once escaped
    ("Bei < 150 & > 120; " * 2000),
])
def test_a_long_message_is_cut_without_breaking_its_markup(client, oranges, text):
    long = post(email_from("halima@example.org", GROUP, "Long", text,
                           message_id="<long@example.org>"))
    html = page(client, long.thread)
    article = html[html.index(f'<article id="m{long.pk}"'):]
    text_part = article[article.index('<div class="text">'):article.index('<p class="more">')]
    assert text_part.count("<div") == text_part.count("</div>") == 1
    assert re.fullmatch(r'<div class="text">([^&<>]|&(amp|lt|gt|quot|#x27);)*</div>\s*',
                        text_part), text_part[-80:]


def test_a_private_groups_long_message_is_not_found_by_strangers(client, oranges, learner,
                                                                  outsider):
    private = create_group("mentors-room", "Mentors' room", private=True)
    add_member(private, "halima@example.org")
    [message] = conversation(1, to=private.address)
    url = reverse("exchange:whole", args=[private.slug, message.pk])
    refused_to_strangers(client, url, outsider)
    client.force_login(learner)
    assert "Who has sold oranges" in client.get(url).content.decode()
