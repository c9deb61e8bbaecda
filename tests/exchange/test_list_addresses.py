"""Every list address people already know (issue 20, item 4): Mailman's SLUG-join@ and
SLUG-leave@ do what the join and leave commands do, with the same confirmations, whatever the
mail says; SLUG-owner@ reaches the group's mentors and owners, is never archived in the group
and never bounces. Over real LMTP in, read from the real SMTP sink.
"""

from __future__ import annotations

import smtplib

import pytest

from learnlink.exchange.membership import add_member
from learnlink.exchange.models import Membership, Message, PendingChange, Subscription
from learnlink.mail.models import InboundMessage, State
from tests.conftest import email_from
from tests.exchange.test_email_commands import DAUDI, DOMAIN, HALIMA, is_member, verified
from tests.exchange.test_reply_addresses import JOSEPH, OWNER, address_of, reply

pytestmark = pytest.mark.usefixtures("our_mta")
JOIN, LEAVE = f"muheza-oranges-join@{DOMAIN}", f"muheza-oranges-leave@{DOMAIN}"
OWNER_OF_GROUP = "amina.owner@example.org"


def send(mail_server, to: str, sender: str, subject: str = "", body: str = "\n",
         checked: bool = True) -> None:
    headers = {"Authentication_Results": verified(sender)} if checked else {}
    mail_server.send(email_from(sender, to, subject, body, **headers), to)


def test_mail_to_the_join_address_asks_to_confirm_and_the_reply_makes_the_member(
        mail_server, oranges, smtp_sink):
    send(mail_server, JOIN, f"Daudi Mbwana <{DAUDI}>", "Please add me",
         "I grow oranges in Lushoto.\n")
    assert not is_member(DAUDI), "double opt-in, as for SLUG+subscribe@"
    [ask] = smtp_sink.to(DAUDI)
    assert str(ask["Subject"]) == "Confirm: join Muheza orange growers"
    token = Subscription.objects.get(address=DAUDI).token
    assert address_of(ask["Reply-To"]) == f"muheza-oranges+confirm+{token}@{DOMAIN}"
    reply(mail_server, ask, DAUDI)
    assert is_member(DAUDI)
    assert str(smtp_sink.to(DAUDI)[-1]["Subject"]) == "Welcome to Muheza orange growers"


def test_a_member_writing_to_the_join_address_is_told_she_is_one(mail_server, oranges,
                                                                 smtp_sink):
    send(mail_server, JOIN, HALIMA)
    assert "You are already a member." in smtp_sink.to(HALIMA)[0].get_content()
    assert not Subscription.objects.exists()


def test_mail_to_the_leave_address_from_a_verified_member_leaves_at_once(
        mail_server, oranges, smtp_sink):
    send(mail_server, LEAVE, HALIMA, "Asante", "Nimehamia Tanga.\n")
    assert not is_member(HALIMA)
    assert str(smtp_sink.to(HALIMA)[0]["Subject"]) == "You have left Muheza orange growers"


def test_an_unverified_mail_to_the_leave_address_waits_for_the_members_own_answer(
        mail_server, oranges, smtp_sink):
    send(mail_server, LEAVE, HALIMA, checked=False)
    assert is_member(HALIMA), "a From header can be forged"
    [ask] = smtp_sink.to(HALIMA)
    assert PendingChange.objects.get().leaves
    reply(mail_server, ask, HALIMA)
    assert not is_member(HALIMA)


def test_a_stranger_writing_to_the_leave_address_changes_nothing(mail_server, oranges,
                                                                smtp_sink):
    send(mail_server, LEAVE, DAUDI)
    assert "This address is not a member of the group" in smtp_sink.to(DAUDI)[0].get_content()
    assert Membership.objects.count() == 3


def test_the_owner_address_reaches_mentors_and_owners_and_is_not_archived(
        mail_server, oranges, smtp_sink):
    add_member(oranges, OWNER_OF_GROUP, role="owner")
    send(mail_server, OWNER, f"Daudi Mbwana <{DAUDI}>", "A buyer in Tanga",
         "He wants 3 tonnes a week.\n")
    for mentor in (JOSEPH, OWNER_OF_GROUP):
        [passed] = smtp_sink.to(mentor)
        assert "He wants 3 tonnes a week." in passed.get_content()
        assert address_of(passed["Reply-To"]) == DAUDI
    assert smtp_sink.to(HALIMA) == []
    assert not Message.objects.exists(), "the mentors' mail is not the group's archive"


def test_the_owner_address_of_a_group_without_mentors_keeps_the_mail_and_never_bounces(
        mail_server, oranges, smtp_sink):
    Membership.objects.filter(role="mentor").delete()
    send(mail_server, OWNER, DAUDI, "Anyone there?")
    inbound = InboundMessage.objects.get()
    assert inbound.state == State.QUARANTINED
    assert inbound.reason == "the group has no mentor to pass it to"
    assert smtp_sink.messages == [], "no bounce, no answer: a mentor will see it"


def test_no_list_address_exists_for_a_group_that_does_not(mail_server, oranges):
    for to in (f"no-such-group-join@{DOMAIN}", f"no-such-group-leave@{DOMAIN}",
               f"no-such-group-owner@{DOMAIN}"):
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            send(mail_server, to, DAUDI)


def test_a_members_only_group_is_joined_by_mail_only_as_its_mentors_approve(
        mail_server, oranges, smtp_sink):
    """Whoever confirms their own mailbox would read a members-only archive: the asker is told,
    in the group's language, that the request goes to its mentors once confirmed, and a
    confirmation asked for before the group closed makes a request for them, not a member
    (test_join_requests follows the request to their answer)."""
    waiting = Subscription.objects.create(group=oranges, address=DAUDI)
    oranges.visibility, oranges.language = "private", "sw"
    oranges.save()
    stranger = "mgeni@example.org"

    send(mail_server, JOIN, stranger, "Naomba kujiunga")

    [answer] = smtp_sink.to(stranger)
    assert ("ni kwa wanachama wake tu: ukishathibitisha, ombi lako linapelekwa kwa walezi "
            "wake") in " ".join(answer.get_content().split())
    assert Subscription.objects.get(address=stranger).message == "Naomba kujiunga"
    send(mail_server, f"muheza-oranges+confirm+{waiting.token}@{DOMAIN}", DAUDI)
    assert not is_member(DAUDI) and not is_member(stranger)
    [notice] = smtp_sink.to("joseph.mshana@example.org")
    assert "ombi la kujiunga" in str(notice["Subject"])
