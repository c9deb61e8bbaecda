"""Moderating by reply, end to end: a stranger writes to the members-only group over LMTP, the
mentor reads the notice in the real SMTP sink and answers it through our SMTP server with
`approve`, `reject <reason>` or `ban` (or their Kiswahili and French words), and the members,
the sender and the mentor read the outcome in the sink. Refusals say why and change nothing."""

from __future__ import annotations

import datetime
import re
import time
from email.message import EmailMessage
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from learnlink.exchange.held_notices import ADDRESSES
from learnlink.exchange.membership import add_member
from learnlink.exchange.models import (
    BannedAddress,
    Group,
    HeldMessage,
    HeldStatus,
    Membership,
    Message,
)
from learnlink.lib.dated_tokens import DAY
from learnlink.lib.links import absolute_url
from learnlink.mail.models import InboundMessage, State
from learnlink.mentoring.dashboard.summary import send_morning_summaries
from learnlink.people.models import Person
from tests.conftest import MailServer, email_from, wire_format
from tests.exchange.conftest import OUR_MTA, Mailboxes

GROUP = "muheza-oranges@learnlink.localhost"
JOSEPH, HALIMA, DAUDI = "joseph.mshana@example.org", "halima@example.org", "daudi@example.net"


def hold_one(mail_server: MailServer, subject: str = "Can I join?", body: str = "From Lushoto.",
             ) -> HeldMessage:
    mail_server.send(email_from(f"Daudi Tlatla <{DAUDI}>", GROUP, subject, body), GROUP)
    return HeldMessage.objects.get(subject=subject)


def notice_to(boxes: Mailboxes, address: str = JOSEPH) -> EmailMessage:
    [notice] = [m for m in boxes.of(address) if str(m["From"]).count("moderate+")]
    return notice


def reply(mail_server: MailServer, notice: EmailMessage, text: str, sender: str = JOSEPH,
          to: str = "", on_top: str = "") -> None:
    """A reply through our SMTP server, the notice quoted below the answer as mail programs
    do; `on_top` is an Authentication-Results value written by an MTA."""
    to = to or str(notice["Reply-To"])
    quoted = "\n".join(f"> {line}" for line in notice.get_content().splitlines())
    raw = email_from(sender, to, f"Re: {notice['Subject']}",
                     f"{text}\n\nJoseph\n\n{quoted}\n").as_bytes()
    if on_top:
        raw = f"Authentication-Results: {on_top}\n".encode() + raw
    with mail_server.smtp() as client:
        client.sendmail(sender, [to], wire_format(raw))


def answer(boxes: Mailboxes, address: str = JOSEPH) -> str:
    text: str = [m for m in boxes.of(address)
                 if m["From"] == settings.DEFAULT_FROM_EMAIL][-1].get_content()
    return text


def test_the_mentor_is_told_at_once_and_approve_by_reply_posts_it(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    held = hold_one(mail_server)
    notice = notice_to(mailboxes)
    assert str(notice["Reply-To"]).startswith("moderate+") and notice["Reply-To"] in notice["From"]
    text = notice.get_content()
    assert "Daudi Tlatla <daudi@example.net> wrote to Muheza orange growers" in text
    assert "Why: the sender is not a member of the group." in text
    assert "> From Lushoto." in text
    assert "approve  post it to the group" in text
    assert "reject Please join the group first, then write again." in text
    assert absolute_url("exchange:moderation", oranges.slug) in text
    assert not any("moderate+" in str(m["From"]) for m in mailboxes.of(DAUDI))

    reply(mail_server, notice, "Approve")

    message = Message.objects.get(subject="Can I join?")
    assert message.text.strip() == "From Lushoto."
    assert any(m["Subject"].endswith("Can I join?") for m in mailboxes.of(HALIMA))
    assert "Approved: “Can I join?” from daudi@example.net is in the archive" in answer(
        mailboxes)
    held.refresh_from_db()
    assert held.status == HeldStatus.APPROVED and held.decider == "Joseph Mshana"
    assert InboundMessage.objects.get(recipient__startswith="moderate+").state == State.DONE


def test_a_quarantined_message_is_not_noticed(mail_server: MailServer, mailboxes: Mailboxes,
                                              oranges: Group) -> None:
    mail_server.send(email_from(DAUDI, GROUP, "Out of office", "I am away.",
                                Auto_Submitted="auto-replied"), GROUP)
    assert InboundMessage.objects.get().state == State.QUARANTINED
    assert not HeldMessage.objects.exists() and not mailboxes.of(JOSEPH)


def test_reject_with_a_reason_tells_the_sender_the_reason(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    held = hold_one(mail_server)
    reply(mail_server, notice_to(mailboxes), "reject too long")
    rejection = mailboxes.of(DAUDI)[-1]
    assert rejection["Subject"] == "Not posted: Can I join?"
    assert "too long" in rejection.get_content()
    assert "Rejected: “Can I join?” is not posted" in answer(mailboxes)
    held.refresh_from_db()
    assert held.status == HeldStatus.REJECTED and not Message.objects.exists()


def test_reject_without_a_reason_asks_for_one_and_the_notice_still_answers(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    held = hold_one(mail_server)
    notice = notice_to(mailboxes)
    reply(mail_server, notice, "reject")
    assert "Say on the same line why the message is not posted" in answer(mailboxes)
    held.refresh_from_db()
    assert held.status == HeldStatus.WAITING
    reply(mail_server, notice, "reject: write in the group's language, please")
    held.refresh_from_db()
    assert held.status == HeldStatus.REJECTED


def test_ban_turns_away_the_next_message_from_that_address(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    hold_one(mail_server)
    reply(mail_server, notice_to(mailboxes), "ban")
    assert BannedAddress.objects.filter(group=oranges, address=DAUDI).exists()
    assert "Banned" in answer(mailboxes)
    mail_server.send(email_from(DAUDI, GROUP, "Again", "Buy my pills"), GROUP)
    again = InboundMessage.objects.filter(recipient=GROUP).latest("pk")
    assert again.state == State.REJECTED and not HeldMessage.objects.filter(
        subject="Again").exists()


def test_a_kiswahili_mentor_reads_kiswahili_words_and_answers_with_them(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    Person.objects.filter(name="Joseph Mshana").update(languages="sw")
    held = hold_one(mail_server)
    notice = notice_to(mailboxes)
    assert "kubali" in notice.get_content() and "zuia" in notice.get_content()
    reply(mail_server, notice, "Kubali")
    held.refresh_from_db()
    assert held.status == HeldStatus.APPROVED
    assert "Imekubaliwa" in answer(mailboxes)


def test_french_words_decide_too(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    held = hold_one(mail_server)
    reply(mail_server, notice_to(mailboxes), "Rejeter : trop long")
    held.refresh_from_db()
    assert held.status == HeldStatus.REJECTED
    assert "trop long" in mailboxes.of(DAUDI)[-1].get_content()


def test_a_word_not_understood_lists_the_words_and_changes_nothing(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    held = hold_one(mail_server)
    reply(mail_server, notice_to(mailboxes), "Who is this Daudi?")
    text = answer(mailboxes)
    assert "was not understood" in text and "approve" in text and "ban" in text
    held.refresh_from_db()
    assert held.status == HeldStatus.WAITING
    assert InboundMessage.objects.get(recipient__startswith="moderate+").state == State.REJECTED


def test_a_member_who_does_not_moderate_is_refused_and_told_nothing_of_the_message(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    held = hold_one(mail_server)
    reply(mail_server, notice_to(mailboxes), "approve", sender=HALIMA)
    refusal = [m for m in mailboxes.of(HALIMA) if m["From"] == settings.DEFAULT_FROM_EMAIL][-1]
    assert "does not know halima@example.org as the address of a moderator" in (
        refusal.get_content())
    assert "Can I join?" not in refusal.as_string() and "Daudi" not in refusal.as_string()
    held.refresh_from_db()
    assert held.status == HeldStatus.WAITING and not Message.objects.exists()


def test_add_by_reply_posts_it_and_makes_the_sender_a_member(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    hold_one(mail_server)
    notice = notice_to(mailboxes)
    assert "add  post it, and make the sender a member" in notice.get_content()
    reply(mail_server, notice, "Ongeza")
    assert Message.objects.filter(subject="Can I join?").exists()
    assert Membership.objects.filter(group=oranges,
                                     person__email_addresses__address=DAUDI).exists()
    assert f"and {DAUDI} is a member now" in " ".join(answer(mailboxes).split())


def test_the_same_approve_twice_is_refused_with_who_decided_and_when(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    hold_one(mail_server)
    notice = notice_to(mailboxes)
    reply(mail_server, notice, "approve")
    reply(mail_server, notice, "approve")
    assert re.search(r"already approved by Joseph Mshana on \S+ \d+, \d{4}, so nothing was "
                     r"changed", answer(mailboxes))
    assert Message.objects.count() == 1


def test_a_forged_or_expired_reply_address_is_refused(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group) -> None:
    held = hold_one(mail_server)
    notice = notice_to(mailboxes)
    local, _at, domain = str(notice["Reply-To"]).partition("@")
    reply(mail_server, notice, "approve", to=f"{local[:-16]}{'0' * 16}@{domain}")
    assert "was not made by Learnlink" in answer(mailboxes)
    joseph = Person.objects.get(name="Joseph Mshana")
    old = ADDRESSES.make(held.pk, joseph.pk, issued=int(time.time() - 15 * DAY))
    reply(mail_server, notice, "approve", to=old)
    assert "has expired: it answers for 14 days" in answer(mailboxes)
    held.refresh_from_db()
    assert held.status == HeldStatus.WAITING


def test_another_moderators_notice_decides_only_when_our_mta_verified_the_sender(
        mail_server: MailServer, mailboxes: Mailboxes, oranges: Group,
        settings: Any) -> None:
    settings.LEARNLINK_AUTHSERV_ID = OUR_MTA
    add_member(oranges, "neema@example.org", name="Neema Mushi", role="owner")
    held = hold_one(mail_server)
    notice = notice_to(mailboxes)  # Joseph's
    reply(mail_server, notice, "approve", sender="neema@example.org")
    assert "mailed to another moderator" in answer(mailboxes, "neema@example.org")
    held.refresh_from_db()
    assert held.status == HeldStatus.WAITING
    reply(mail_server, notice, "approve", sender="neema@example.org",
          on_top=f"{OUR_MTA}; dmarc=pass header.from=example.org")
    held.refresh_from_db()
    assert (held.status, held.decider) == (HeldStatus.APPROVED, "Neema Mushi")


def test_a_mentor_who_chose_the_summary_gets_no_notice_but_the_summary_lists_it(
        client: Client, mail_server: MailServer, mailboxes: Mailboxes, oranges: Group,
        mentor: User) -> None:
    client.force_login(mentor)
    page = client.get(reverse("me:home")).content.decode()
    assert "each held message at once, by mail" in page
    client.post(reverse("me:held_notices", args=[oranges.slug]), {"held_notices": "summary"})
    assert Membership.objects.get(group=oranges, person__user=mentor).held_notices == "summary"

    hold_one(mail_server)
    assert not [m for m in mailboxes.of(JOSEPH) if "moderate+" in str(m["From"])]
    assert send_morning_summaries(datetime.date(2026, 12, 7)) == 1
    assert "1 message waits for a moderator (Muheza orange growers)" in answer(mailboxes)
