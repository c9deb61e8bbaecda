"""Muting a thread (issue 20, item 8): from the link in each copy's footer (a token that can
only mute or follow that thread for that person, and expires; the page asks before it acts),
by replying "mute" (or its Kiswahili and French words) to a copy, and with the button on the
thread page. A muted thread sends that member nothing more, by message or in digests, until
they follow it again. Real mail in over LMTP, out to the real SMTP sink.
"""

from __future__ import annotations

import re
import time
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learnlink.exchange.digests import send_due
from learnlink.exchange.membership import add_member
from learnlink.exchange.models import DeliveryMode, Membership, MutedThread, Thread
from learnlink.exchange.muting import mute_token
from learnlink.exchange.recipients import recipients
from learnlink.people.models import Person
from tests.conftest import email_from
from tests.exchange.test_digests import arrives, at, digests_to, plain_and_html
from tests.exchange.test_email_commands import verified
from tests.exchange.test_list_delivery import GROUP, HALIMA, body_text, post

pytestmark = pytest.mark.usefixtures("our_mta")
JOSEPH = "Joseph Mshana <joseph.mshana@example.org>"
FIRST = "<juma-1@example.org>"


def mute_link(copy: EmailMessage) -> str:
    found = re.search(r"No more of this thread: (\S+)", body_text(copy))
    assert found, body_text(copy)
    return urlsplit(found[1]).path


def juma_thread(mail_server: Any) -> Thread:
    """Joseph starts a thread; Halima gets a copy of it."""
    return post(mail_server, "Mr Juma pays 150 shillings", sender=JOSEPH,
                message_id=FIRST).thread


def reply_in_thread(mail_server: Any, subject: str, sender: str = JOSEPH) -> None:
    post(mail_server, subject, body="Does he pay cash?\n", sender=sender,
         In_Reply_To=FIRST, References=FIRST)


def subjects(mailboxes: Any, address: str = HALIMA) -> list[str]:
    return [str(copy["Subject"]) for copy in mailboxes.of(address)]


def halima() -> Person:
    return Person.objects.get(name="Halima Omari")


def test_the_footer_link_asks_then_mutes_only_that_thread_until_she_follows_it_again(
        mail_server, oranges, mailboxes, client):
    thread = juma_thread(mail_server)
    [copy] = mailboxes.of(HALIMA)
    link = mute_link(copy)
    asked = client.get(link).content.decode()
    assert "Mute this thread?" in asked
    assert not MutedThread.objects.exists(), "opening the link (a scanner may) mutes nothing"

    muted = client.post(link).content.decode()
    assert "You will receive no more mail from this thread" in muted
    assert MutedThread.objects.get().thread == thread
    reply_in_thread(mail_server, "Re: Mr Juma pays 150 shillings")
    post(mail_server, "Grading day on Saturday", sender=JOSEPH)
    assert subjects(mailboxes) == ["Mr Juma pays 150 shillings", "Grading day on Saturday"]
    assert "Re: Mr Juma pays 150 shillings" in subjects(mailboxes, "kilulu.growers@example.org")

    follow = reverse("exchange:follow_link", args=[link.rstrip("/").rsplit("/", 1)[1]])
    assert "You follow this thread again" in client.post(follow).content.decode()
    reply_in_thread(mail_server, "Re: Re: Mr Juma pays 150 shillings")
    assert subjects(mailboxes)[-1] == "Re: Re: Mr Juma pays 150 shillings"


def test_the_mute_link_does_nothing_else_and_no_forged_or_old_link_works(
        mail_server, oranges, mailboxes, client):
    thread = juma_thread(mail_server)
    token = mute_link(mailboxes.of(HALIMA)[0]).rstrip("/").rsplit("/", 1)[1]
    assert client.get(reverse("membership:settings", args=[token])).status_code == 403
    assert client.post(reverse("membership:leave", args=[token])).status_code == 403
    assert not client.session.get("_auth_user_id"), "it signs nobody in"
    old = mute_token(halima().pk, thread.pk, int(time.time()) - 61 * 24 * 3600)
    forged = f"{token[:-1]}{'0' if token[-1] != '0' else '1'}"
    for bad, says in ((old, "This link is too old"), (forged, "its signature is wrong")):
        refused = client.post(reverse("exchange:mute_link", args=[bad]))
        assert refused.status_code == 403
        assert says in refused.content.decode()
    assert not MutedThread.objects.exists()
    assert Membership.objects.filter(person=halima()).exists()


@pytest.mark.parametrize("word", ["mute", "Nyamazisha", "Sourdine"])
def test_replying_mute_to_a_copy_mutes_its_thread_and_says_so(mail_server, oranges,
                                                              mailboxes, word):
    juma_thread(mail_server)
    copy = mailboxes.of(HALIMA)[0]
    mail_server.send(email_from(f"Halima Omari <{HALIMA}>", GROUP, f"Re: {copy['Subject']}",
                                f"{word}\n\n> He collects from Kilulu on Friday.\n",
                                In_Reply_To=FIRST, References=FIRST,
                                Authentication_Results=verified(HALIMA)), GROUP)
    [answer] = [m for m in mailboxes.of(HALIMA) if "your request" in str(m["Subject"])]
    assert ("You will receive nothing more from the thread “Mr Juma pays 150 shillings”"
            in answer.get_content())
    assert MutedThread.objects.filter(person=halima()).count() == 1
    reply_in_thread(mail_server, "Re: Mr Juma pays 150 shillings")
    assert "Re: Mr Juma pays 150 shillings" not in subjects(mailboxes)


def test_an_unverified_mute_by_reply_sends_the_link_to_her_own_address_instead(
        mail_server, oranges, mailboxes, client):
    juma_thread(mail_server)
    mail_server.send(email_from(HALIMA, GROUP, "Re: Mr Juma pays 150 shillings", "mute\n",
                                In_Reply_To=FIRST), GROUP)
    assert not MutedThread.objects.exists(), "a From header can be forged"
    answer = mailboxes.of(HALIMA)[-1].get_content()
    link = re.search(r"open this link and press the button: (\S+)", answer)
    assert link
    client.post(urlsplit(link[1]).path)
    assert MutedThread.objects.filter(person=halima()).exists()


def test_mute_without_a_thread_to_reply_to_changes_nothing_and_says_what_to_do(
        mail_server, oranges, mailboxes):
    mail_server.send(email_from(HALIMA, GROUP, "mute", "\n",
                                Authentication_Results=verified(HALIMA)), GROUP)
    assert "Send this word in a reply to a message of the thread" in \
        mailboxes.of(HALIMA)[-1].get_content()
    assert not MutedThread.objects.exists()


def test_a_muted_thread_is_left_out_of_her_digest_but_not_of_others(
        mail_server, oranges, mailboxes):
    Membership.objects.filter(person__name__in=["Halima Omari", "Joseph Mshana"]).update(
        mode="daily")
    first = arrives(mail_server, at(3, 9), "Buyers from Tanga", message_id="<tanga-1@x.org>",
                    sender="Kilulu Orange Growers <kilulu.growers@example.org>")
    arrives(mail_server, at(3, 10), "Grading on Saturday",
            sender="Kilulu Orange Growers <kilulu.growers@example.org>")
    MutedThread.objects.create(person=halima(), thread=first.thread)
    send_due(at(3, 18))
    hers, _html = plain_and_html(digests_to(mailboxes, HALIMA)[0])
    his, _html = plain_and_html(digests_to(mailboxes)[0])
    assert "Grading on Saturday" in hers and "Buyers from Tanga" not in hers
    assert "Grading on Saturday" in his and "Buyers from Tanga" in his


def test_a_member_mutes_and_follows_with_the_thread_pages_button(mail_server, oranges,
                                                                 mailboxes, client, learner):
    thread = juma_thread(mail_server)
    page = reverse("exchange:thread", args=[oranges.slug, thread.pk])
    assert "Mute this thread" not in client.get(page).content.decode(), "not for a guest"
    client.force_login(learner)
    assert "Mute this thread" in client.get(page).content.decode()
    client.post(reverse("exchange:mute_thread", args=[oranges.slug, thread.pk]))
    shown = client.get(page).content.decode()
    assert "You have muted this thread" in shown and "Follow this thread again" in shown
    reply_in_thread(mail_server, "Re: Mr Juma pays 150 shillings")
    assert "Re: Mr Juma pays 150 shillings" not in subjects(mailboxes)
    client.post(reverse("exchange:follow_thread", args=[oranges.slug, thread.pk]))
    assert not MutedThread.objects.exists()


def test_someone_outside_the_group_cannot_mute_its_threads(mail_server, oranges, client,
                                                           outsider):
    thread = juma_thread(mail_server)
    client.force_login(outsider)
    page = reverse("exchange:thread", args=[oranges.slug, thread.pk])
    assert "Mute this thread" not in client.get(page).content.decode()
    response = client.post(reverse("exchange:mute_thread", args=[oranges.slug, thread.pk]))
    assert response.status_code == 404
    assert not MutedThread.objects.exists()


def test_muting_costs_a_posts_fan_out_the_same_queries_for_3_members_as_for_33(
        mail_server, oranges, mailboxes):
    thread = juma_thread(mail_server)

    def fan_out() -> tuple[list[tuple[str, str]], int]:
        with CaptureQueriesContext(connection) as queries:
            to = list(recipients(oranges, DeliveryMode.EACH, thread.pk))
        return to, len(queries)

    few, few_queries = fan_out()
    for number in range(30):
        grower = add_member(oranges, f"grower{number}@example.org")
        if number % 2:
            MutedThread.objects.create(person=grower.person, thread=thread)
    many, many_queries = fan_out()
    assert (len(few), len(many)) == (3, 3 + 15)
    assert many_queries == few_queries
