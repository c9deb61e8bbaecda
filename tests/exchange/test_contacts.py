"""Contacts to fix, and the outgoing mail page: what mentors and staff see of mail that does
not get through, and what they can do about it.

Proves, with a real bounce over LMTP and a real relay that refuses, that a group's mentor sees
the address that stopped receiving, with what the bounce said, and the delivery that failed;
that the probe they send carries a link which, opened from the mailbox, starts delivery again;
that a new address a network mentor enters is only a suggestion, shown to mentors and told to
the old address, until the member opens the link sent to it; that a group's owner or mentor
without the network's mentor role cannot touch an address, and nobody touches a network
mentor's or staff member's; that the contacts page does not exist for learners, outsiders or
anonymous visitors; and that the outgoing mail page shows staff
a digest as members read it, without any member's token, and does not exist for others.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from learnlink.exchange.digests import build
from learnlink.exchange.member_links import member_token, token_for
from learnlink.exchange.membership import add_member
from learnlink.exchange.models import Membership, Message
from learnlink.mail.models import Delivery, Outgoing
from learnlink.mail.verp import bounce_address
from learnlink.people.bouncing import record_bounce
from learnlink.people.models import EmailAddress, Person
from tests.conftest import MailServer, email_from, make_member, wire_format
from tests.exchange.test_list_delivery import post

BOUNCES = Path(__file__).resolve().parent.parent / "data" / "bounces"
CONTACTS = "/groups/muheza-oranges/contacts/"
HALIMA, JOSEPH, NEW = "halima@example.org", "joseph.mshana@example.org", "halima@example.com"
THIEF = "thief@example.net"



@pytest.fixture
def one_bounce_stops_mail(settings: Any) -> None:
    """The threshold is normally three hard bounces on three days; one is enough here."""
    settings.LEARNLINK_BOUNCE_THRESHOLD = 1


def halimas_mail_bounces(mail_server: MailServer) -> None:
    """A post goes to Halima, and her provider's Postfix sends it back: user unknown."""
    post(mail_server, sender=f"Joseph Mshana <{JOSEPH}>")
    delivery = Delivery.objects.get(address=HALIMA)
    report = (BOUNCES / "postfix_02.eml").read_bytes()
    with mail_server.lmtp() as lmtp:
        refused = lmtp.sendmail("", [bounce_address("muheza-oranges", delivery.pk)],
                                wire_format(report))
    assert not refused


def current_addresses(person: Person) -> list[str]:
    return [a.address for a in person.email_addresses.current()]


def as_mentor(client: Any, mentor: User) -> Any:
    client.force_login(mentor)
    return client


def test_a_mentor_sees_an_address_that_stopped_receiving_and_why(
        mail_server, oranges, mailboxes, one_bounce_stops_mail, client, mentor):
    halimas_mail_bounces(mail_server)
    assert EmailAddress.objects.get(address=HALIMA).disabled is not None
    html = as_mentor(client, mentor).get(CONTACTS).content.decode()
    assert "Halima Omari" in html
    assert HALIMA in html
    assert "No mail sent since" in html
    assert "User unknown or not available" in html, "what the bounce said"

    post(mail_server, subject="While her mail bounced", sender=f"Joseph Mshana <{JOSEPH}>")
    assert len(mailboxes.of(HALIMA)) == 1, "nothing more goes to a disabled address"


def test_a_probe_link_opened_from_the_mailbox_starts_mail_again(
        mail_server, oranges, mailboxes, one_bounce_stops_mail, client, mentor):
    halimas_mail_bounces(mail_server)
    record = EmailAddress.objects.get(address=HALIMA)
    as_mentor(client, mentor)
    response = client.post(f"{CONTACTS}{record.pk}/probe/", follow=True)
    assert f"A probe was sent to {HALIMA}" in response.content.decode()
    probe = mailboxes.of(HALIMA)[-1]
    assert str(probe["Subject"]) == "Is this address still yours? One click, please"
    link = re.search(r"http\S+/accounts/address/\S+/", probe.get_content())
    assert link

    client.logout()
    opened = client.get(urlsplit(link.group()).path)
    assert f"Learnlink sends your mail to {HALIMA}." in opened.content.decode()
    record.refresh_from_db()
    assert (record.disabled, record.bounce_score) == (None, 0)
    post(mail_server, subject="After the probe", sender=f"Joseph Mshana <{JOSEPH}>")
    assert str(mailboxes.of(HALIMA)[-1]["Subject"]) == "After the probe"


def test_a_mentors_new_address_is_a_suggestion_until_the_member_opens_its_link(
        mail_server, oranges, mailboxes, one_bounce_stops_mail, client, mentor):
    halimas_mail_bounces(mail_server)
    record = EmailAddress.objects.get(address=HALIMA)
    membership = Membership.objects.get(person=record.person)
    mailed_before = token_for(membership.pk, membership.key, int(time.time()) - 60)
    response = as_mentor(client, mentor).post(f"{CONTACTS}{record.pk}/address/",
                                              {"address": NEW}, follow=True)
    assert f"A link was sent to {NEW}" in response.content.decode()
    assert "Suggested on" in response.content.decode()
    assert f"{NEW}, waiting for Halima Omari to open the link" in response.content.decode()
    assert current_addresses(record.person) == [HALIMA], "nothing changed yet"
    [confirm] = mailboxes.of(NEW)
    assert str(confirm["Subject"]) == "Is this your new address? Please confirm"
    assert "Joseph Mshana told Learnlink" in confirm.get_content()
    told = mailboxes.of(HALIMA)[-1]
    assert str(told["Subject"]) == "A new address was suggested for you"

    post(mail_server, subject="Before she confirms", sender=f"Joseph Mshana <{JOSEPH}>")
    assert len(mailboxes.of(NEW)) == 1, "no post goes to a mere suggestion"

    client.logout()
    link = re.search(r"http\S+(/accounts/address/\S+/)", confirm.get_content())
    assert link
    assert f"Learnlink sends your mail to {NEW}." in client.get(link.group(1)).content.decode()
    assert current_addresses(record.person) == [NEW]
    assert str(mailboxes.of(HALIMA)[-1]["Subject"]) == "Your Learnlink address has changed"
    post(mail_server, subject="To her new address", sender=f"Joseph Mshana <{JOSEPH}>")
    assert str(mailboxes.of(NEW)[-1]["Subject"]) == "To her new address"
    stale = client.get(f"/membership/{mailed_before}/")
    assert stale.status_code == 403, "links mailed to the old address stop"
    assert "Every member's mail gets through." in as_mentor(client, mentor).get(
        CONTACTS).content.decode()


@pytest.mark.parametrize("role", ["owner", "mentor"])
def test_a_group_owner_or_mentor_cannot_touch_a_members_address(
        mail_server, oranges, mailboxes, one_bounce_stops_mail, client, role):
    """Someone who runs the group, without the network's mentor role."""
    owner = make_member("learner", "Rehema Juma", "rehema@example.org")
    add_member(oranges, "rehema@example.org", role=role)
    halimas_mail_bounces(mail_server)
    record = EmailAddress.objects.get(address=HALIMA)
    client.force_login(owner)
    page = client.get(CONTACTS).content.decode()
    assert HALIMA in page, "they see whose mail bounces"
    assert f"{CONTACTS}{record.pk}/address/" not in page
    assert client.post(f"{CONTACTS}{record.pk}/address/",
                       {"address": THIEF}).status_code == 404
    assert client.post(f"{CONTACTS}{record.pk}/probe/").status_code == 404
    assert mailboxes.of(THIEF) == []
    assert current_addresses(record.person) == [HALIMA]


@pytest.mark.parametrize("who", ["another mentor", "staff"])
def test_no_one_suggests_an_address_for_a_network_mentor_or_staff(
        mail_server, oranges, mailboxes, client, mentor, staff, who):
    target = staff if who == "staff" else make_member("mentor", "Amina Said",
                                                      "amina@example.org")
    address = target.email
    add_member(oranges, address, role="mentor")
    EmailAddress.objects.filter(address=address).update(disabled=timezone.now(),
                                                        bounce_score=3)
    record = EmailAddress.objects.get(address=address)
    client.force_login(mentor)
    page = client.get(CONTACTS).content.decode()
    assert address in page
    assert f"{CONTACTS}{record.pk}/address/" not in page
    assert client.post(f"{CONTACTS}{record.pk}/address/",
                       {"address": THIEF}).status_code == 404
    assert mailboxes.of(THIEF) == []
    assert current_addresses(record.person) == [address]


def test_a_mentor_sees_a_delivery_the_relay_refused(mail_server, oranges, smtp_sink, client,
                                                    mentor):
    async def handle_RCPT(server: Any, session: Any, envelope: Any, address: str,
                          options: list[str]) -> str:
        if address == HALIMA:
            return "550 5.1.1 <halima@example.org>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp_sink.handle_RCPT = handle_RCPT  # type: ignore[attr-defined]
    post(mail_server, subject="Grading day", sender=f"Joseph Mshana <{JOSEPH}>")
    html = as_mentor(client, mentor).get(CONTACTS).content.decode()
    failed = html.split("Deliveries that failed")[1]
    assert HALIMA in failed
    assert "Grading day" in failed
    assert "mailbox unavailable" in failed


@pytest.mark.parametrize("who", ["anonymous", "learner", "outsider"])
def test_the_contacts_page_does_not_exist_for_anyone_but_moderators(
        oranges, client, request, smtp_sink, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    record = EmailAddress.objects.get(address=HALIMA)
    refused = 302 if who == "anonymous" else 404  # a guest is asked to sign in
    assert client.get(CONTACTS).status_code == refused
    assert client.post(f"{CONTACTS}{record.pk}/probe/").status_code == refused
    assert client.post(f"{CONTACTS}{record.pk}/address/",
                       {"address": "thief@example.net"}).status_code == refused
    assert smtp_sink.messages == []
    assert EmailAddress.objects.get(address=HALIMA).active_to is None


def test_staff_read_an_outgoing_digest_as_members_do_without_their_tokens(
        mail_server, oranges, client, staff, smtp_sink):
    Membership.objects.filter(group=oranges, person__name="Joseph Mshana").update(mode="daily")
    mail_server.send(email_from("Halima Omari <halima@example.org>",
                                "muheza-oranges@learnlink.localhost", "Buyers from Tanga",
                                "Mr Juma pays 150 shillings a kilo for grade A.\n"),
                     "muheza-oranges@learnlink.localhost")
    digest = build(oranges, "daily", list(Message.objects.all()))
    client.force_login(staff)
    listing = client.get("/outbox/").content.decode()
    assert "Muheza orange growers: daily digest, 1 message in 1 thread" in listing
    response = client.get(f"/outbox/{digest.outgoing_id}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mr Juma pays 150 shillings a kilo for grade A." in html
    assert JOSEPH in html, "who it went to"
    for membership in Membership.objects.filter(group=oranges):
        token = member_token(membership)
        assert token not in html
        assert token.rsplit(".", 1)[1] not in html, "not even the signature"
    assert "LLTOKEN" not in html
    assert "/membership/…/" in html, "the links are there, the token hidden"


@pytest.mark.parametrize("who", ["anonymous", "outsider", "learner"])
def test_the_outgoing_mail_page_does_not_exist_for_others(oranges, client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    outgoing = Outgoing.objects.create(subject="Welcome to Muheza orange growers", raw=b"x")
    refused = 302 if who == "anonymous" else 404  # a guest is asked to sign in
    assert client.get("/outbox/").status_code == refused
    assert client.get(f"/outbox/{outgoing.pk}/").status_code == refused


def test_a_new_address_that_is_someone_elses_is_refused_with_a_reason(
        mail_server, oranges, mailboxes, one_bounce_stops_mail, client, mentor):
    halimas_mail_bounces(mail_server)
    record = EmailAddress.objects.get(address=HALIMA)
    response = as_mentor(client, mentor).post(f"{CONTACTS}{record.pk}/address/",
                                              {"address": JOSEPH}, follow=True)
    assert response.status_code == 200
    assert f"{JOSEPH} is already the address of Joseph Mshana." in response.content.decode()
    assert EmailAddress.objects.get(address=JOSEPH).person.name == "Joseph Mshana"
    assert EmailAddress.objects.get(address=HALIMA).active_to is None


def secrets_in(outgoing: Outgoing) -> list[str]:
    """The tokens in a mail as it was sent: each one acts for its recipient."""
    raw = bytes(outgoing.raw).decode("utf-8", "replace")
    return re.findall(r"/(?:membership(?:/join)?|accounts/login/link|accounts/address)/"
                      r"([^/\s]+)/", raw) + re.findall(r"\+confirm\+(\w+)@", raw)


MAILS_WITH_KEYS = ["mode changed", "confirm joining", "sign-in link", "new address"]


def send_mail_with_a_key(mail: str, oranges: Any, client: Any, settings: Any) -> Outgoing:
    """One of the mails whose links act for their recipient, queued in the outbox."""
    from learnlink.exchange.subscriptions import ask_to_join, change_mode
    from learnlink.people.address_links import send_address_link

    settings.EMAIL_BACKEND = "learnlink.mail.backend.OutboxBackend"
    settings.LEARNLINK_RELAY = False  # the page is where mail is read without a relay
    halima = Membership.objects.get(group=oranges, person__name="Halima Omari")
    if mail == "mode changed":
        change_mode(halima, "daily", HALIMA)
    elif mail == "confirm joining":
        ask_to_join(oranges, "daudi@example.net")
    elif mail == "sign-in link":
        client.post("/accounts/login/link/", {"email": HALIMA})
    else:
        send_address_link(halima.person, NEW, "new_address", "en")
    return Outgoing.objects.get()


@pytest.mark.parametrize("mail", MAILS_WITH_KEYS)
def test_the_outgoing_mail_page_never_shows_a_link_that_acts_for_someone(
        oranges, client, mentor, learner, settings, mail):
    outgoing = send_mail_with_a_key(mail, oranges, client, settings)
    hidden = secrets_in(outgoing)
    assert hidden, "the mail carries a token"
    client.force_login(mentor)
    html = client.get(f"/outbox/{outgoing.pk}/").content.decode()
    assert "…" in html, "the link is shown, its token hidden"
    for token in hidden:
        assert token not in html


def queries_for(client: Any, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_contacts_page_makes_as_many_queries_for_ten_bounced_members_as_for_one(
        oranges, client, mentor):
    """The list is one QuerySet (EmailAddress.objects.troubled()), not a query per row."""
    client = as_mentor(client, mentor)
    addresses = [f"grower{n}@example.org" for n in range(10)]
    for address in addresses:
        add_member(oranges, address, name=f"Grower {address[6]}")
    record_bounce(addresses[0], hard=True, text="550 user unknown", threshold=1)
    one = queries_for(client, CONTACTS)
    for address in addresses[1:]:
        record_bounce(address, hard=True, text="550 user unknown", threshold=1)
    page = client.get(CONTACTS).content.decode()
    assert all(address in page for address in addresses)
    assert queries_for(client, CONTACTS) == one
