"""A person's own address: changed only signed in, confirmed from the new mailbox, told to the
old one, which can undo it.

Proves, with real mail over LMTP and SMTP, that a member signed in moves to a new address only
once she opens the link sent there, that her old address is told and her next post's copy goes
to the new one, while mail she still writes from the old one stays hers; that the page is
nobody's without signing in; that an address that is someone else's, or became someone else's
meanwhile, is refused; and that whoever changed her address with her session loses it when
she undoes the change from her old mailbox: the address, the session and their sign-in link.
"""

from __future__ import annotations

import email.utils
import re
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from learnlink.exchange.models import Message
from learnlink.people.address_links import send_address_link
from learnlink.people.addresses import change_address
from learnlink.people.models import EmailAddress, Person
from tests.conftest import Sink, email_from
from tests.exchange.conftest import Mailboxes
from tests.exchange.test_list_delivery import post

GROUP = "muheza-oranges@learnlink.localhost"
HALIMA, NEW, JOSEPH = "halima@example.org", "halima.omari@example.com", \
    "joseph.mshana@example.org"
THIEF = "thief@example.net"
PAGE = "/accounts/address/"


@pytest.fixture
def mailboxes(smtp_sink: Sink) -> Mailboxes:
    boxes = Mailboxes(smtp_sink)
    smtp_sink.handle_DATA = boxes.handle_DATA  # type: ignore[method-assign]
    return boxes


def link_in(message: EmailMessage, path: str) -> str:
    found = re.search(rf"http\S+({path}\S+/)", message.get_content())
    assert found, message.get_content()
    return found.group(1)


def ask_for(client: Client, user: User, address: str) -> str:
    client.force_login(user)
    return client.post(PAGE, {"address": address}).content.decode()


def current(person_name: str) -> list[str]:
    return [a.address for a in EmailAddress.objects.current().filter(person__name=person_name)]


def test_a_member_signed_in_moves_to_a_new_address_once_she_opens_the_link_sent_there(
        mail_server, oranges, mailboxes, client, learner):
    client.force_login(learner)
    assert f"Learnlink sends your mail to {HALIMA}." in client.get(PAGE).content.decode()
    assert f"We sent a link to {NEW}" in ask_for(client, learner, NEW)
    assert current("Halima Omari") == [HALIMA], "nothing changes before the click"
    [confirm] = mailboxes.of(NEW)
    assert str(confirm["Subject"]) == "Confirm your new address"

    opened = client.get(link_in(confirm, "/accounts/address/"))
    assert f"Learnlink sends your mail to {NEW}." in opened.content.decode()
    new, old = EmailAddress.objects.get(address=NEW), EmailAddress.objects.get(address=HALIMA)
    assert (new.primary, new.verified, new.active_to) == (True, True, None)
    assert old.active_to == timezone.localdate(), "the old address stays, with an end date"
    [told] = mailboxes.of(HALIMA)
    assert str(told["Subject"]) == "Your Learnlink address has changed"
    assert f"to {NEW} instead of this address" in told.get_content()
    assert "/accounts/address/undo/" in told.get_content()

    post(mail_server, sender=f"Joseph Mshana <{JOSEPH}>")
    assert len(mailboxes.of(NEW)) == 2, "the confirmation, then the post"
    assert len(mailboxes.of(HALIMA)) == 1, "only the notice"


def test_the_address_page_is_nobodys_without_signing_in(oranges, client, smtp_sink):
    assert client.get(PAGE)["Location"].startswith("/accounts/login/")
    assert client.post(PAGE, {"address": THIEF}).status_code == 302
    assert smtp_sink.messages == []


def test_mail_from_the_old_address_is_still_hers(mail_server, oranges, mailboxes, client,
                                                 learner):
    ask_for(client, learner, NEW)
    client.get(link_in(mailboxes.of(NEW)[0], "/accounts/address/"))

    mail = email_from(f"Halima Omari <{HALIMA}>", GROUP, "From my old phone",
                      "The old address still works on my phone.\n")
    mail.replace_header("Date", email.utils.format_datetime(timezone.now()))
    mail_server.send(mail, GROUP)
    message = Message.objects.get(subject="From my old phone")
    assert message.sender == EmailAddress.objects.get(address=NEW).person
    assert len(mailboxes.of(JOSEPH)) == 1, "posted, not held"
    assert len(mailboxes.of(NEW)) == 1, "her own post is not sent back to her new address"


def test_an_address_that_is_someone_elses_is_refused(oranges, client, learner, smtp_sink):
    page = ask_for(client, learner, "Joseph.Mshana@example.org")
    assert "already used by someone else" in page
    assert smtp_sink.messages == [], "no link goes to Joseph"
    assert current("Joseph Mshana") == [JOSEPH]


def test_a_link_to_an_address_given_to_someone_else_meanwhile_changes_nothing(
        mail_server, oranges, mailboxes, client, learner):
    ask_for(client, learner, NEW)
    link = link_in(mailboxes.of(NEW)[0], "/accounts/address/")
    change_address(Person.objects.get(name="Joseph Mshana"), NEW)  # staff gave it to Joseph

    opened = client.get(link)
    assert opened.status_code == 400
    assert "Someone else in Learnlink uses this address now" in opened.content.decode()
    assert current("Halima Omari") == [HALIMA]


def test_undoing_from_the_old_mailbox_takes_the_address_the_session_and_the_sign_in_link_back(
        mail_server, oranges, mailboxes, learner):
    thief = Client()  # someone with Halima's session: a shared computer left signed in
    ask_for(thief, learner, THIEF)
    thief.get(link_in(mailboxes.of(THIEF)[0], "/accounts/address/"))
    assert current("Halima Omari") == [THIEF]
    thief.logout()
    thief.post("/accounts/login/link/", {"email": THIEF})
    sign_in = link_in(mailboxes.of(THIEF)[-1], "/accounts/login/link/")
    thief.post(sign_in)
    assert thief.get(PAGE).status_code == 200, "signed in by the link sent to THIEF"
    thief.post("/accounts/login/link/", {"email": THIEF})
    spare = link_in(mailboxes.of(THIEF)[-1], "/accounts/login/link/")

    halima = Client()
    undo = link_in(mailboxes.of(HALIMA)[-1], "/accounts/address/undo/")
    asked = halima.get(undo).content.decode()
    assert "Undo the change of address?" in asked
    assert current("Halima Omari") == [THIEF], "opening the link alone changes nothing"
    done = halima.post(undo).content.decode()
    assert "Your address is back" in done
    assert current("Halima Omari") == [HALIMA]

    assert thief.get(PAGE).status_code == 302, "the thief's session has ended"
    assert thief.post(spare).status_code == 400, "and the link mailed to THIEF is void"
    again = halima.post(undo)
    assert again.status_code == 400
    assert "undone already" in again.content.decode()


def test_a_probe_link_never_makes_an_old_address_hers_again(oranges, client, learner,
                                                            smtp_sink: Any):
    halima = Person.objects.get(name="Halima Omari")
    send_address_link(halima, HALIMA, "probe", "en")
    probe = link_in(smtp_sink.to(HALIMA)[0], "/accounts/address/")
    change_address(halima, NEW, verified=True)

    opened = client.get(urlsplit(probe).path)
    assert opened.status_code == 400
    assert "no longer yours" in opened.content.decode()
    assert current("Halima Omari") == [NEW]
