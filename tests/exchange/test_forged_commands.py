"""A forged From changes no membership: the attacks of issue 14, item 5, run end to end.

An attacker's server sends `From: Halima <halima@...>` to muheza-oranges+unsubscribe@ or
+nomail@. Over real LMTP into our mail server, with the worker running and the replies read
from the real SMTP sink: nothing changes until Halima answers the confirmation that goes to her
own mailbox (by replying, or by the link, which needs only that mail's token and does only that
one change), once, within the week. A command takes effect at once only when the topmost
Authentication-Results header, written by our own MTA (LEARNLINK_AUTHSERV_ID), says DMARC passed
for the From domain; the decision is recorded on the inbound message.
"""

from __future__ import annotations

import datetime
import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from learnlink.exchange.models import Membership, PendingChange
from learnlink.mail.models import InboundMessage
from tests.conftest import email_from, wire_format
from tests.exchange.conftest import OUR_MTA
from tests.exchange.test_email_commands import DOMAIN, HALIMA, is_member, mode_of

FORGED = f"Halima Omari <{HALIMA}>"
ATTACKER = "mailer@attacker.example"

pytestmark = pytest.mark.usefixtures("our_mta")


def forge(mail_server: Any, word: str, *results: str, body: str = "\n") -> None:
    """A mail to SLUG+WORD@ claiming to be Halima's, from the attacker's envelope; `results`
    are Authentication-Results values, the first one topmost (as our MTA prepends its own)."""
    to = f"muheza-oranges+{word}@{DOMAIN}"
    raw = email_from(FORGED, to, "", body).as_bytes()
    on_top = b"".join(f"Authentication-Results: {value}\n".encode() for value in results)
    mail_server.send(wire_format(on_top + raw), to, sender=ATTACKER)


def confirmation(smtp_sink: Any) -> Any:
    [asked] = smtp_sink.to(HALIMA)
    return asked


def test_a_forged_unsubscribe_leaves_the_member_in_and_asks_her(mail_server, oranges,
                                                                smtp_sink):
    forge(mail_server, "unsubscribe")
    assert is_member(HALIMA)
    asked = confirmation(smtp_sink)
    assert str(asked["Subject"]) == "Confirm: leave Muheza orange growers"
    text = asked.get_content()
    assert "Someone, probably you, asked from this address to leave" in text
    assert "Nothing changes until you confirm." in text
    token = PendingChange.objects.get().token
    assert str(asked["Reply-To"]) == f"muheza-oranges+confirm+{token}@{DOMAIN}"
    assert f"/membership/change/{token}/" in text
    reason = InboundMessage.objects.get().reason
    assert f"asked {HALIMA} to confirm leave" in reason
    assert "not authenticated: no Authentication-Results header" in reason


def test_a_forged_nomail_does_not_switch_her_delivery_off(mail_server, oranges, smtp_sink):
    forge(mail_server, "nomail")
    assert mode_of(HALIMA) == "each"
    asked = confirmation(smtp_sink)
    assert str(asked["Subject"]) == "Confirm: change your delivery from Muheza orange growers"
    assert "asked from this address to receive web only from Muheza orange growers" in \
        asked.get_content()


def test_her_reply_to_the_confirmation_carries_out_the_change_once(mail_server, oranges,
                                                                   smtp_sink):
    forge(mail_server, "weekly")
    reply_to = str(confirmation(smtp_sink)["Reply-To"])
    mail_server.send(email_from(HALIMA, reply_to, "Re: Confirm", "> Someone asked\n"), reply_to)
    assert mode_of(HALIMA) == "weekly"
    assert "From now on you receive: weekly digest." in smtp_sink.to(HALIMA)[-1].get_content()

    Membership.objects.filter(person__email_addresses__address=HALIMA).update(mode="each")
    mail_server.send(email_from(HALIMA, reply_to, "Re: Confirm", "again\n"), reply_to)
    assert mode_of(HALIMA) == "each", "a confirmation works once"
    assert "This confirmation has expired or was already used" in \
        smtp_sink.to(HALIMA)[-1].get_content()


def test_the_link_asks_then_does_that_one_change_and_signs_nobody_in(mail_server, oranges,
                                                                     smtp_sink, client):
    forge(mail_server, "unsubscribe")
    link = re.search(r"http\S+/membership/change/\S+/", confirmation(smtp_sink).get_content())
    assert link
    path = urlsplit(link.group()).path
    asked = client.get(path)
    assert "Leave Muheza orange growers?" in asked.content.decode()
    assert is_member(HALIMA), "opening the link (a scanner may) changes nothing"

    done = client.post(path)
    assert "You will receive no more mail from Muheza orange growers." in done.content.decode()
    assert not is_member(HALIMA)
    assert not done.wsgi_request.user.is_authenticated
    assert str(smtp_sink.to(HALIMA)[-1]["Subject"]) == "You have left Muheza orange growers"
    assert client.post(path).status_code == 404, "used once"


def test_a_confirmation_older_than_a_week_changes_nothing(mail_server, oranges, smtp_sink,
                                                          client):
    forge(mail_server, "unsubscribe")
    reply_to = str(confirmation(smtp_sink)["Reply-To"])
    PendingChange.objects.update(created=timezone.now() - datetime.timedelta(days=8))
    mail_server.send(email_from(HALIMA, reply_to, "Re: Confirm", "yes\n"), reply_to)
    assert is_member(HALIMA)
    assert not PendingChange.objects.exists()


@pytest.mark.parametrize("results", [
    # the attacker writes our MTA's name below the header our MTA put on top
    (f"{OUR_MTA}; dmarc=fail header.from=example.org",
     f"{OUR_MTA}; dmarc=pass header.from=example.org"),
    # a pass written by someone else's server
    ("mx.attacker.example; dmarc=pass header.from=example.org",),
    # a pass, but for the attacker's own domain
    (f"{OUR_MTA}; dmarc=pass header.from=attacker.example",),
    # SPF passed for the attacker's envelope, which says nothing about the From
    (f"{OUR_MTA}; spf=pass smtp.mailfrom=attacker.example",),
    # not a header at all
    (f"{OUR_MTA}; dmarc=pass header.from=(((",),
])
def test_no_forged_or_foreign_authentication_result_is_believed(mail_server, oranges,
                                                                smtp_sink, results):
    forge(mail_server, "unsubscribe", *results)
    assert is_member(HALIMA)
    assert str(confirmation(smtp_sink)["Subject"]) == "Confirm: leave Muheza orange growers"
    assert "not authenticated" in InboundMessage.objects.get().reason


def test_without_our_mtas_name_configured_every_change_is_confirmed(mail_server, oranges,
                                                                   smtp_sink, settings):
    settings.LEARNLINK_AUTHSERV_ID = ""
    forge(mail_server, "unsubscribe", f"{OUR_MTA}; dmarc=pass header.from=example.org")
    assert is_member(HALIMA)
    assert "LEARNLINK_AUTHSERV_ID is not set" in InboundMessage.objects.get().reason


def test_a_command_our_mta_verified_takes_effect_at_once_and_says_why(mail_server, oranges,
                                                                      smtp_sink):
    forge(mail_server, "unsubscribe", f"{OUR_MTA}; spf=pass smtp.mailfrom=example.org; "
                                      f"dmarc=pass (p=none) header.from=example.org")
    assert not is_member(HALIMA)
    assert str(smtp_sink.to(HALIMA)[0]["Subject"]) == "You have left Muheza orange growers"
    assert "authenticated: mx.learnlink.test: dmarc=pass header.from=example.org" in \
        InboundMessage.objects.get().reason
