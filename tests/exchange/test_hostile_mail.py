"""Hostile mail sent to a group over LMTP (issue 14): a subject of 70,000 encoded words, 9 MB
of long header lines, tens of thousands of MIME parts. Each ends archived or quarantined with a
reason, every page that shows it opens within a memory limit, its copies leave with headers
SMTP carries, and while it is made ready for the members everyone else can still write to the
database."""

from __future__ import annotations

import email
import email.policy
import resource
import smtplib
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.test import Client
from django.urls import reverse

from learnlink.exchange import list_mail
from learnlink.exchange.models import HeldMessage, Message
from learnlink.mail.models import InboundMessage, Outgoing, State
from tests.conftest import PASSWORD, wire_format

MB = 1024 * 1024
SMTP_LINE = 998


def encoded_words(count: int) -> bytes:
    """As the attack of issue 14: 70,000 of them make one line of about 1 MB."""
    return b" ".join([b"=?utf-8?q?Grading_=C3=A9?=", *[b"=?utf-8?q?e?="] * (count - 1)])


def mail(headers: bytes, *, sender: bytes = b"halima@example.org", name: str = "hostile",
         body: bytes = b"Content-Type: text/plain\r\n\r\nGrading went well.\r\n") -> bytes:
    return (b"From: " + sender + b"\r\nTo: muheza-oranges@learnlink.localhost\r\n"
            b"Message-ID: <" + name.encode() + b"@example.org>\r\n"
            b"Date: Tue, 14 Sep 2004 10:21:00 +0000\r\nMIME-Version: 1.0\r\n" + headers + body)


def address_space() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) * 1024 for line in status
                    if line.startswith("VmSize:"))


@contextmanager
def memory_limit(megabytes: int) -> Iterator[None]:
    """At most `megabytes` more address space for this process: beyond it an allocation raises
    MemoryError, where before the web process grew to 23.9 GB and the kernel killed it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (address_space() + megabytes * MB, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def test_a_subject_of_seventy_thousand_encoded_words_is_archived_and_every_page_that_shows_it_opens_in_bounded_memory(  # noqa: E501
        mail_server, oranges, client, mentor):
    subject = b"Subject: " + encoded_words(70_000) + b"\r\n"
    with memory_limit(600):
        mail_server.send(mail(subject), oranges.address)
        mail_server.send(mail(subject, sender=b"daudi@example.net", name="held"),
                         oranges.address)
        message = Message.objects.get()
        held = HeldMessage.objects.get()
        client.force_login(mentor)
        slug = oranges.slug
        pages = [reverse("mail:outbox"),
                 reverse("mail:outgoing", args=[Outgoing.objects.get(kind="post").pk]),
                 reverse("exchange:group", args=[slug]), message.thread.get_absolute_url(),
                 reverse("exchange:whole", args=[slug, message.pk]),
                 reverse("exchange:moderation", args=[slug]),
                 reverse("exchange:quarantine", args=[slug]), f"/api/groups/{slug}/held"]
        responses = {page: client.get(page) for page in pages}

    assert {page: r.status_code for page, r in responses.items()} == dict.fromkeys(pages, 200)
    assert message.subject.startswith("Grading éeee") and len(message.subject) <= 500
    assert held.subject == message.subject
    outgoing = responses[pages[1]].content.decode()
    assert "Grading éeee" in outgoing
    assert len(outgoing) < 50_000, "the subject is shown cut, not whole"
    assert bytes(InboundMessage.objects.first().raw) == wire_format(mail(subject)), "kept whole"


@pytest.fixture
def open_group(oranges):
    oranges.posting_policy = "open"
    oranges.save()
    return oranges


def test_while_nine_megabytes_of_headers_are_made_ready_for_the_members_mail_still_arrives_and_people_sign_in(  # noqa: E501
        mail_server, open_group, learner, mailboxes, monkeypatch):
    """The member copy is written outside the posting transaction: a message arriving and a
    sign-in meanwhile both write to the database, and are not refused (451, 500)."""
    meanwhile: dict[str, object] = {}

    def others_write() -> None:
        with mail_server.smtp() as smtp:
            try:
                smtp.sendmail("halima@example.org", [open_group.address],
                              wire_format(mail(b"Subject: Prices\r\n", name="meanwhile")))
                meanwhile["smtp"] = 250
            except smtplib.SMTPResponseException as refusal:
                meanwhile["smtp"] = refusal.smtp_code
        try:
            meanwhile["sign-in"] = Client().post(reverse("login"), {
                "username": "halima@example.org", "password": PASSWORD}).status_code
        except Exception as error:  # the test client raises what the view raised
            meanwhile["sign-in"] = repr(error)

    decorate = list_mail.decorate

    def decorate_while_others_write(*args, **kwargs):
        if not meanwhile:
            meanwhile["started"] = True
            other = threading.Thread(target=others_write)
            other.start()
            other.join(timeout=120)
        return decorate(*args, **kwargs)

    monkeypatch.setattr(list_mail, "decorate", decorate_while_others_write)
    headers = b"".join(b"X-Long-%d: %s\r\n" % (n, b"ab " * 34_000) for n in range(90))
    mail_server.send(mail(b"Subject: Long headers\r\n" + headers), open_group.address)

    assert meanwhile == {"started": True, "smtp": 250, "sign-in": 302}
    assert set(Message.objects.values_list("subject", flat=True)) == {"Long headers", "Prices"}
    [copy] = [raw for raw in mailboxes.bytes_of("joseph.mshana@example.org")
              if b"Long headers" in raw]
    head = copy.split(b"\r\n\r\n", 1)[0]
    assert max(map(len, head.split(b"\r\n"))) <= SMTP_LINE
    parsed = email.message_from_bytes(copy, policy=email.policy.compat32)
    unfolded = "".join(parsed["X-Long-7"].splitlines())
    assert 30 * 1024 < len(unfolded) <= 32 * 1024, "sent on cut, as Postfix cuts a header"
    assert parsed["Subject"] == "Long headers"


def test_a_line_of_two_thousand_broken_utf8_bytes_in_an_attachment_is_posted_and_sent(
        mail_server, open_group, mailboxes):
    """Fitting such a line to SMTP's limit once looped for ever, growing without end."""
    body = (b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
            b"Content-Type: text/plain\r\n\r\nThe file.\r\n--b\r\n"
            b"Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + b"\x80" * 2000 + b"\r\n--b--\r\n")
    mail_server.send(mail(b"Subject: A file\r\n", body=body), open_group.address)

    [copy] = mailboxes.bytes_of("joseph.mshana@example.org")
    assert max(map(len, copy.split(b"\r\n"))) <= SMTP_LINE
    assert copy.count(b"\x80") == 2000


def many_parts(count: int) -> bytes:
    parts = b"".join(b"--p\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % n
                     for n in range(count))
    return b'Content-Type: multipart/mixed; boundary="p"\r\n\r\n' + parts + b"--p--\r\n"


def nested(depth: int) -> bytes:
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (n, n)
                       for n in range(depth))
    closing = b"".join(b"\r\n--b%d--\r\n" % n for n in reversed(range(depth)))
    return opening + b"Content-Type: text/plain\r\n\r\nDeep inside.\r\n" + closing


@pytest.mark.parametrize("body", [many_parts(50_000), nested(2_000)], ids=["wide", "deep"])
def test_mime_of_thousands_of_parts_is_quarantined_with_the_reason(mail_server, open_group,
                                                                   client, mentor, body):
    mail_server.send(mail(b"Subject: Parts\r\n", body=body), open_group.address)

    inbound = InboundMessage.objects.get()
    assert inbound.state == State.QUARANTINED
    assert "MIME parts" in inbound.reason
    assert bytes(inbound.raw) == wire_format(mail(b"Subject: Parts\r\n", body=body))
    client.force_login(mentor)
    page = client.get(reverse("exchange:quarantine", args=[open_group.slug]))
    assert "MIME parts" in page.content.decode()



def test_a_text_of_three_hundred_thousand_characters_is_shown_cut_on_the_outgoing_mail_page(
        mail_server, open_group, client, mentor):
    body = b"Content-Type: text/plain\r\n\r\n" + b"Oranges by the crate.\r\n" * 13_000
    mail_server.send(mail(b"Subject: Prices\r\n", body=body), open_group.address)

    client.force_login(mentor)
    outgoing = Outgoing.objects.get(kind="post")
    page = client.get(reverse("mail:outgoing", args=[outgoing.pk])).content.decode()
    assert "Oranges by the crate." in page
    assert "The rest of this message is too long to show here." in page
    assert len(page.encode()) < 50 * 1024
