"""The link in every copy's footer, once members quote their copies into the public archive.

Proves, with real mail over LMTP and the copies the relay received, that a mentor who replies
quoting his whole copy leaves no link of his in the archive a guest reads, in its search
index or in the next digest; that the link a guest got anyway has been replaced, and that no
footer link, even a working one, can give anyone a new address or a way to sign in; that a
member still changes her delivery from her own copy; and that a link expires.
"""

from __future__ import annotations

import re
import time
from email.message import EmailMessage

import pytest
from django.utils import translation

from learnlink.exchange.digests import build
from learnlink.exchange.list_mail import footer
from learnlink.exchange.member_links import member_token, token_for
from learnlink.exchange.models import Membership, Message
from learnlink.exchange.quoted_footers import without_footers
from learnlink.mail.models import Outgoing
from learnlink.people.models import EmailAddress
from tests.conftest import email_from
from tests.exchange.test_list_delivery import body_text, post

GROUP = "muheza-oranges@learnlink.localhost"
HALIMA, JOSEPH, THIEF = "halima@example.org", "joseph.mshana@example.org", "thief@example.net"


def footer_link(copy: EmailMessage) -> str:
    """The path of the member's page, as the footer of their copy gives it."""
    found = re.search(r"http\S+(/membership/[^/\s]+/)", body_text(copy))
    assert found, body_text(copy)
    return found.group(1)


def quoting(copy: EmailMessage) -> str:
    """The whole copy under an attribution line, each line marked '> ', as mail programs
    quote it when one presses Reply."""
    lines = body_text(copy).rstrip("\n").split("\n")
    return "On Tue, 14 Sep 2004, Halima Omari via Muheza orange growers wrote:\n" + "\n".join(
        f"> {line}" if line else ">" for line in lines) + "\n"


def joseph_replies_quoting_his_copy(mail_server, mailboxes) -> tuple[str, Message]:
    """Halima posts; Joseph, the group's and the network's mentor, replies above his whole
    copy. Returns the link his copy carried, and his reply as archived."""
    post(mail_server, subject="Grading day", body="We grade on Friday, before the lorry.\n")
    [copy] = mailboxes.of(JOSEPH)
    reply = email_from(f"Joseph Mshana <{JOSEPH}>", GROUP, "Re: Grading day",
                       "Friday suits the buyer from Tanga.\n\n" + quoting(copy),
                       In_Reply_To=str(copy["Message-ID"]))
    mail_server.send(reply, GROUP)
    return footer_link(copy), Message.objects.get(subject="Re: Grading day")


def test_a_guest_cannot_take_a_mentors_account_with_his_link_quoted_in_the_archive(
        mail_server, oranges, mailboxes, client):
    link, reply = joseph_replies_quoting_his_copy(mail_server, mailboxes)

    page = client.get(reply.thread.get_absolute_url()).content.decode()
    assert "Friday suits the buyer from Tanga." in page
    assert "We grade on Friday, before the lorry." in page, "the quote is there"
    assert "/membership/" not in page, "and no link of Joseph's in it"
    assert "a digest, or leave" not in page, "nor his footer"
    reply.refresh_from_db()
    assert "/membership/" not in reply.text + reply.quoted + reply.signature + reply.html

    # A guest who copied the link before (from the source, an old page) finds it replaced,
    # and asking it for a new address does nothing at all.
    opened = client.get(link)
    assert opened.status_code == 403
    assert "replaced by a newer one" in opened.content.decode()
    assert client.post(link, {"address": THIEF}).status_code == 403
    assert client.post("/accounts/login/link/", {"email": THIEF}).status_code == 302
    assert mailboxes.of(THIEF) == [], "no confirmation, no sign-in link"
    assert EmailAddress.objects.current().get(person__name="Joseph Mshana").address == JOSEPH


def test_even_a_working_footer_link_changes_no_address(mail_server, oranges, mailboxes,
                                                       client):
    post(mail_server, sender=f"Halima Omari <{HALIMA}>")
    link = footer_link(mailboxes.of(JOSEPH)[0])
    page = client.get(link).content.decode()
    assert 'name="address"' not in page
    assert "/accounts/address/" in page, "it sends the member to sign in for that"

    client.post(link, {"address": THIEF})
    assert mailboxes.of(THIEF) == []
    assert EmailAddress.objects.current().get(person__name="Joseph Mshana").address == JOSEPH
    assert Membership.objects.get(person__name="Joseph Mshana").mode == "each"


def test_a_quoted_link_is_replaced_and_the_next_copy_carries_a_working_one(
        mail_server, oranges, mailboxes, client):
    link, _reply = joseph_replies_quoting_his_copy(mail_server, mailboxes)
    post(mail_server, subject="Lorry booked", body="The lorry comes at six.\n")
    newest = footer_link(mailboxes.of(JOSEPH)[-1])
    assert newest != link
    assert client.get(newest).status_code == 200
    assert client.get(link).status_code == 403


def test_no_quoted_footer_reaches_the_search_index_or_a_digest(mail_server, oranges,
                                                               mailboxes, client):
    Membership.objects.filter(person__name="Halima Omari").update(mode="daily")
    link, reply = joseph_replies_quoting_his_copy(mail_server, mailboxes)
    token = link.split("/")[2]
    found = client.get("/search/", {"q": "digest leave"}).content.decode()
    assert "Re: Grading day" not in found

    digest = build(oranges, "daily", [reply])
    outgoing = Outgoing.objects.get(pk=digest.outgoing_id)
    raw = bytes(outgoing.raw).decode()
    assert "Friday suits the buyer from Tanga." in raw
    assert token not in raw
    assert set(re.findall(r"/membership/([^/\s\"<>]+)/", raw)) == {outgoing.marker}, \
        "only the digest's own footer, filled in for each reader"


def test_a_member_changes_her_delivery_from_the_footer_of_her_own_copy(
        mail_server, oranges, mailboxes, client):
    post(mail_server, sender=f"Joseph Mshana <{JOSEPH}>")
    link = footer_link(mailboxes.of(HALIMA)[0])
    response = client.post(link, {"mode": "daily"})
    assert response.status_code == 302
    assert Membership.objects.get(person__name="Halima Omari").mode == "daily"
    assert "From now on you receive: daily digest." in mailboxes.of(HALIMA)[-1].get_content()


def test_a_footer_link_stops_working_after_its_days(oranges, client, settings):
    halima = Membership.objects.get(person__name="Halima Omari")
    settings.LEARNLINK_MEMBER_LINK_DAYS = 60
    old = token_for(halima.pk, halima.key, int(time.time()) - 61 * 24 * 3600)
    response = client.get(f"/membership/{old}/")
    assert response.status_code == 403
    assert "This link is too old" in response.content.decode()
    assert client.post(f"/membership/{old}/leave/").status_code == 403
    assert Membership.objects.filter(pk=halima.pk).exists()
    assert client.get(f"/membership/{member_token(halima)}/").status_code == 200


@pytest.mark.parametrize("language", ["en", "sw", "fr"])
@pytest.mark.parametrize("marks", ["> ", "> > ", ">", ""])
def test_our_footer_is_cut_from_a_quote_in_every_language_and_quoting_style(
        oranges, language, marks):
    oranges.language = language
    with translation.override(language):
        text = footer(oranges, member_token(Membership.objects.get(person__name="Halima Omari")),
                      "http://127.0.0.1:8000/groups/muheza-oranges/threads/3/")
    lines = ["Grade A only.", "", *text.split("\n")]
    quoted = "\n".join(f"{marks}{line}" if line.strip() else marks.rstrip() for line in lines)
    assert without_footers(quoted) == f"{marks}Grade A only.\n"


def test_text_after_a_quoted_footer_stays_a_paragraph_apart(oranges):
    token = member_token(Membership.objects.get(person__name="Halima Omari"))
    text = (f"Grade A only.\n\n-- \nMuheza orange growers: write to {GROUP}\n"
            f"Each message, a digest, or leave: http://127.0.0.1:8000/membership/{token}/\n"
            "\nAnd the lorry comes at six.\n")
    assert without_footers(text) == "Grade A only.\n\nAnd the lorry comes at six.\n"


def test_a_link_of_ours_left_in_the_text_keeps_its_address_but_not_its_key(oranges):
    token = member_token(Membership.objects.get(person__name="Halima Omari"))
    rewrapped = (f"> Each message, a digest, or\n> leave: "
                 f"http://127.0.0.1:8000/membership/{token}/\n")
    cleaned = without_footers(rewrapped)
    assert token not in cleaned
    assert "http://127.0.0.1:8000/membership/…/" in cleaned
