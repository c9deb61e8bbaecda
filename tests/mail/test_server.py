"""Real mail over LMTP and SMTP to Learnlink's own server: stored before 250, then archived."""

import smtplib

import pytest

from learnlink.exchange.models import Message
from learnlink.mail.models import InboundMessage, Source, State
from tests.conftest import email_from

GROUP = "muheza-oranges@learnlink.localhost"


def test_a_members_mail_over_lmtp_lands_in_the_archive(mail_server, oranges):
    mail_server.send(email_from("Halima Omari <halima@example.org>", GROUP,
                                "Grading oranges before the lorry comes",
                                "We sorted the oranges in three sizes."), GROUP)

    message = Message.objects.get(subject="Grading oranges before the lorry comes")
    assert message.text.startswith("We sorted the oranges in three sizes.")
    assert message.sender.name == "Halima Omari"
    assert message.inbound.source == Source.LMTP
    assert message.inbound.state == State.DONE


def test_smtp_works_the_same_way(mail_server, oranges):
    message = email_from("halima@example.org", GROUP, "Bei ya machungwa", "Bei ni nzuri leo.")
    with mail_server.smtp() as client:
        client.send_message(message)
    assert Message.objects.get(subject="Bei ya machungwa").inbound.source == Source.SMTP


def test_an_unknown_recipient_is_refused_at_rcpt_time(mail_server, oranges):
    message = email_from("halima@example.org", "nobody@learnlink.localhost", "Hello", "Hi")
    with mail_server.lmtp() as client, pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        client.sendmail("halima@example.org", ["nobody@learnlink.localhost"],
                        message.as_bytes())
    assert refused.value.recipients["nobody@learnlink.localhost"][0] == 550
    assert InboundMessage.objects.count() == 0


def test_a_foreign_domain_is_refused_too(mail_server, oranges):
    with mail_server.smtp() as client, pytest.raises(smtplib.SMTPRecipientsRefused):
        client.sendmail("halima@example.org", ["muheza-oranges@example.com"], b"Subject: x\n\nx")


def test_lmtp_answers_for_each_recipient(mail_server, oranges):
    from learnlink.exchange.membership import add_member, create_group

    add_member(create_group("babati-spies", "Market spies"), "halima@example.org")
    raw = email_from("halima@example.org", GROUP, "Prices on the billboard", "Maize 300").as_bytes()
    with mail_server.lmtp() as client:
        client.ehlo_or_helo_if_needed()
        client.mail("halima@example.org")
        client.rcpt(GROUP)
        client.rcpt("babati-spies@learnlink.localhost")
        first = client.data(raw)
        second = client.getreply()
    assert first[0] == 250 and second[0] == 250
    assert sorted(Message.objects.values_list("group__slug", flat=True)) == [
        "babati-spies", "muheza-oranges"]


def test_the_original_bytes_are_kept_exactly(mail_server, oranges):
    raw = (b"From: halima@example.org\r\nTo: " + GROUP.encode() + b"\r\n"
           b"Subject: =?iso-8859-1?q?Caf=E9_du_march=E9?=\r\nMessage-ID: <raw-1@example.org>\r\n"
           b"\r\nMachungwa \xe9 bei nzuri.\r\n")
    mail_server.send(raw, GROUP)
    inbound = InboundMessage.objects.get()
    assert bytes(inbound.raw) == raw
    assert inbound.sha256 == InboundMessage.digest(raw)
