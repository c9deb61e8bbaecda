"""A post to a group reaches its members as list mail, through real LMTP in and real SMTP out.

Proves what a member sees in their mail reader: who gets a copy (not the sender, not digest or
web-only members), the From, Reply-To and List-* headers (RFC 2369 and RFC 8058), threading
headers kept, the footer with the thread and the member's own link, HTML-only mail and
attachments kept; and that the one-click unsubscribe in List-Unsubscribe works from a real
POST, while a forged or replayed link, or a mere GET, changes nothing and says why.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

from learnlink.exchange.membership import add_member
from learnlink.exchange.models import Membership, Message
from learnlink.exchange.models.groups import new_key
from learnlink.mail.models import Outgoing
from tests.conftest import email_from
from tests.exchange.conftest import Mailboxes

GROUP = "muheza-oranges@learnlink.localhost"
BASE = settings.LEARNLINK_BASE_URL
HALIMA, JOSEPH, CHAIR = "halima@example.org", "joseph.mshana@example.org", \
    "kilulu.growers@example.org"
PDF = b"%PDF-1.4\n% price list of Kilulu oranges\n" + bytes(range(256)) * 8


def post(mail_server: Any, subject: str = "Mr Juma pays 150 shillings a kilo",
         body: str = "He collects from Kilulu on Friday. Grade A only.\n",
         sender: str = f"Halima Omari <{HALIMA}>", **headers: str) -> Message:
    mail_server.send(email_from(sender, GROUP, subject, body, **headers), GROUP)
    return Message.objects.get(subject=subject)


def body_text(message: EmailMessage) -> str:
    """Every text/plain part a reader shows, joined: the post's text and the footer."""
    return "\n".join(part.get_content() for part in message.walk()
                     if part.get_content_type() == "text/plain" and not part.is_attachment())


def unsubscribe_link(copy: EmailMessage) -> str:
    links = re.findall(r"<([^>]+)>", str(copy["List-Unsubscribe"]))
    return next(link for link in links if link.startswith("http"))


def one_click(url: str) -> Any:
    """What a mail provider does for RFC 8058: a POST without cookies or CSRF token."""
    return Client(enforce_csrf_checks=True).post(
        urlsplit(url).path, data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded")


def goodbyes(mailboxes: Mailboxes, address: str) -> list[EmailMessage]:
    return [m for m in mailboxes.of(address) if str(m["Subject"]).startswith("You have left")]


def test_a_post_reaches_every_other_member_but_not_its_sender(mail_server, oranges, mailboxes):
    post(mail_server)
    assert len(mailboxes.of(JOSEPH)) == 1
    assert len(mailboxes.of(CHAIR)) == 1, "an organisation's mail goes to its people"
    assert mailboxes.of(HALIMA) == [], "the sender already has her message"


def test_a_members_copy_comes_from_the_sender_via_the_group_with_list_headers(
        mail_server, oranges, mailboxes):
    message = post(mail_server)
    [copy] = mailboxes.of(JOSEPH)
    permalink = f"{BASE}/groups/muheza-oranges/messages/{message.pk}/"
    assert copy["From"].addresses[0].display_name == "Halima Omari via Muheza orange growers"
    assert copy["From"].addresses[0].addr_spec == GROUP
    assert str(copy["X-Original-From"]) == f"Halima Omari <{HALIMA}>"
    assert str(copy["Subject"]) == "Mr Juma pays 150 shillings a kilo"
    assert str(copy["List-Id"]) == "Muheza orange growers <muheza-oranges.learnlink.localhost>"
    assert str(copy["List-Post"]) == f"<mailto:{GROUP}>"
    assert str(copy["List-Help"]) == "<mailto:muheza-oranges+help@learnlink.localhost>"
    assert str(copy["List-Archive"]) == f"<{BASE}/groups/muheza-oranges/>"
    assert str(copy["Archived-At"]) == f"<{permalink}>", "RFC 5064: the message on the web"
    assert str(copy["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
    assert str(copy["Precedence"]) == "list"
    link = unsubscribe_link(copy)
    token = r"[0-9a-f]+\.[\w-]+\.[0-9a-f]+\.[0-9a-f]{16}"  # membership, key, date, signature
    assert re.fullmatch(rf"{re.escape(BASE)}/membership/{token}/leave/", link)
    assert "<mailto:muheza-oranges+unsubscribe@learnlink.localhost>" in \
        str(copy["List-Unsubscribe"])
    [chair_copy] = mailboxes.of(CHAIR)
    assert unsubscribe_link(chair_copy) != link, "each member's link is their own"
    assert "LLTOKEN" not in copy.as_string(), "no placeholder is left unfilled"


def test_a_sender_who_gives_no_name_is_named_from_the_directory(mail_server, oranges,
                                                                  mailboxes):
    post(mail_server, sender=HALIMA)
    [copy] = mailboxes.of(JOSEPH)
    assert copy["From"].addresses[0].display_name == "Halima Omari via Muheza orange growers"


@pytest.mark.parametrize(("setting", "reply_to"), [
    ("group", GROUP),
    ("sender", f"Halima Omari <{HALIMA}>"),
])
def test_replies_go_where_the_group_says(mail_server, oranges, mailboxes, setting, reply_to):
    oranges.reply_to = setting
    oranges.save(update_fields=["reply_to"])
    post(mail_server)
    [copy] = mailboxes.of(JOSEPH)
    assert str(copy["Reply-To"]) == reply_to


def test_message_id_and_references_are_kept_so_a_reply_threads_in_any_reader(
        mail_server, oranges, mailboxes):
    post(mail_server, message_id="<price-1@example.org>")
    mail_server.send(email_from(
        f"Joseph Mshana <{JOSEPH}>", GROUP, "Re: Mr Juma pays 150 shillings a kilo",
        "Does he pay on the day?\n", message_id="<price-2@example.org>",
        In_Reply_To="<price-1@example.org>", References="<price-1@example.org>"), GROUP)
    first, reply = mailboxes.of(CHAIR)
    assert str(first["Message-ID"]) == "<price-1@example.org>"
    assert str(reply["Message-ID"]) == "<price-2@example.org>"
    assert str(reply["In-Reply-To"]) == "<price-1@example.org>"
    assert str(reply["References"]) == "<price-1@example.org>"
    [halima_copy] = mailboxes.of(HALIMA)
    assert str(halima_copy["In-Reply-To"]) == "<price-1@example.org>"


def test_the_footer_links_the_thread_and_the_members_own_page(mail_server, oranges, mailboxes,
                                                               client):
    message = post(mail_server)
    [copy] = mailboxes.of(JOSEPH)
    text = body_text(copy)
    assert text.startswith("He collects from Kilulu on Friday. Grade A only.")
    assert f"{BASE}/groups/muheza-oranges/messages/{message.pk}/" in text
    member_page = re.search(rf"{re.escape(BASE)}(/membership/[^/\s]+/)", text)
    assert member_page, text
    page = client.get(member_page.group(1))
    assert page.status_code == 200
    assert JOSEPH in page.content.decode(), "the link opens Joseph's own membership"


def test_one_click_unsubscribe_from_the_header_removes_the_member_and_says_goodbye(
        mail_server, oranges, mailboxes):
    post(mail_server)
    [copy] = mailboxes.of(JOSEPH)
    response = one_click(unsubscribe_link(copy))
    assert response.status_code == 200
    assert "You have left" in response.content.decode()
    assert not oranges.memberships.filter(person__name="Joseph Mshana").exists()
    [goodbye] = goodbyes(mailboxes, JOSEPH)
    assert "You will receive no more mail from Muheza orange growers." in goodbye.get_content()
    post(mail_server, subject="After Joseph left")
    assert len(mailboxes.of(JOSEPH)) == 2, "only the post before and the goodbye"


def test_a_forged_unsubscribe_link_does_nothing_and_says_why(mail_server, oranges, mailboxes):
    post(mail_server)
    link = unsubscribe_link(mailboxes.of(JOSEPH)[0])
    signature = urlsplit(link).path.split("/")[2].rsplit(".", 1)[1]
    forged = link.replace(f".{signature}/", f".{'0' * len(signature)}/")
    response = one_click(forged)
    assert response.status_code == 403
    assert "its signature is wrong" in response.content.decode()
    assert oranges.memberships.filter(person__name="Joseph Mshana").exists()
    assert goodbyes(mailboxes, JOSEPH) == []


def test_an_old_link_replayed_after_leaving_and_joining_again_does_nothing(
        mail_server, oranges, mailboxes):
    post(mail_server)
    old_link = unsubscribe_link(mailboxes.of(JOSEPH)[0])
    assert one_click(old_link).status_code == 200
    add_member(oranges, JOSEPH, role="mentor")
    response = one_click(old_link)
    assert response.status_code == 403
    assert "membership that has ended" in response.content.decode()
    assert oranges.memberships.filter(person__name="Joseph Mshana").exists()
    assert len(goodbyes(mailboxes, JOSEPH)) == 1


def test_a_link_whose_key_was_replaced_does_nothing(mail_server, oranges, mailboxes):
    post(mail_server)
    link = unsubscribe_link(mailboxes.of(JOSEPH)[0])
    membership = Membership.objects.get(group=oranges, person__name="Joseph Mshana")
    membership.key = new_key()
    membership.save(update_fields=["key"])
    response = one_click(link)
    assert response.status_code == 403
    assert "replaced by a newer one" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert goodbyes(mailboxes, JOSEPH) == []


def test_opening_the_leave_link_only_asks(mail_server, oranges, mailboxes, client):
    post(mail_server)
    response = client.get(urlsplit(unsubscribe_link(mailboxes.of(JOSEPH)[0])).path)
    assert response.status_code == 200
    assert "Leave Muheza orange growers?" in response.content.decode()
    assert oranges.memberships.filter(person__name="Joseph Mshana").exists()
    assert goodbyes(mailboxes, JOSEPH) == []


def test_digest_and_web_only_members_get_nothing_per_message(mail_server, oranges, mailboxes):
    Membership.objects.filter(group=oranges, person__name="Joseph Mshana").update(mode="daily")
    Membership.objects.filter(group=oranges, organisation__isnull=False).update(mode="none")
    post(mail_server)
    assert Message.objects.count() == 1, "the post is archived all the same"
    assert mailboxes.sink.messages == []
    assert not Outgoing.objects.exists()


def test_an_html_only_post_arrives_whole_with_the_footer(mail_server, oranges, mailboxes):
    mail = email_from(f"Halima Omari <{HALIMA}>", GROUP, "Grading table", "")
    mail.set_content("<p>Grade <b>A</b>: over 7 cm, no spots.</p>", subtype="html")
    mail_server.send(mail, GROUP)
    message = Message.objects.get(subject="Grading table")
    [copy] = mailboxes.of(JOSEPH)
    html = copy.get_body(("html",))
    assert html is not None
    assert "Grade <b>A</b>: over 7 cm, no spots." in html.get_content()
    assert f"/messages/{message.pk}/" in body_text(copy)
    assert "/membership/" in body_text(copy)


def test_a_post_with_an_attachment_keeps_the_file_and_gets_the_footer(mail_server, oranges,
                                                                       mailboxes):
    mail = email_from(f"Halima Omari <{HALIMA}>", GROUP, "Price list",
                      "The price list is attached.\n")
    mail.add_attachment(PDF, maintype="application", subtype="pdf", filename="prices.pdf")
    mail_server.send(mail, GROUP)
    [copy] = mailboxes.of(JOSEPH)
    [attachment] = [part for part in copy.iter_attachments() if part.is_attachment()]
    assert attachment.get_filename() == "prices.pdf"
    assert attachment.get_content() == PDF
    text = body_text(copy)
    assert "The price list is attached." in text
    assert "Muheza orange growers: write to muheza-oranges@learnlink.localhost" in text
    assert "/membership/" in text


def test_a_post_with_text_and_html_keeps_both_and_gets_the_footer(mail_server, oranges,
                                                                   mailboxes):
    mail = email_from(f"Halima Omari <{HALIMA}>", GROUP, "Grading table",
                      "Grade A: over 7 cm, no spots.\n")
    mail.add_alternative("<p>Grade <b>A</b>: over 7 cm, no spots.</p>", subtype="html")
    mail_server.send(mail, GROUP)
    [copy] = mailboxes.of(JOSEPH)
    html, plain = copy.get_body(("html",)), copy.get_body(("plain",))
    assert html is not None and plain is not None
    assert "Grade <b>A</b>" in html.get_content()
    assert plain.get_content().startswith("Grade A: over 7 cm, no spots.")
    assert "/membership/" in body_text(copy)


def test_accented_names_and_latin_1_text_arrive_readable(mail_server, oranges, mailboxes):
    add_member(oranges, "aime.ndiaye@example.sn", name="Aimé Ndiaye")
    raw = ("From: =?iso-8859-1?q?Aim=E9_Ndiaye?= <aime.ndiaye@example.sn>\r\n"
           f"To: {GROUP}\r\nSubject: =?iso-8859-1?q?R=E9colte_=E0_Thi=E8s?=\r\n"
           "Message-ID: <recolte-1@example.sn>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=iso-8859-1\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n").encode() + \
        "La récolte commence lundi à Thiès.\r\n".encode("iso-8859-1")
    mail_server.send(raw, GROUP)
    [copy] = mailboxes.of(JOSEPH)
    assert copy["From"].addresses[0].display_name == "Aimé Ndiaye via Muheza orange growers"
    assert str(copy["Subject"]) == "Récolte à Thiès"
    assert body_text(copy).startswith("La récolte commence lundi à Thiès.")
