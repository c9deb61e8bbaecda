"""My address by mail (issue 20, item 3): `address new@example.org` to SLUG-request@, from a
current address whose domain our MTA verified, mails the new address the link that makes the
change (the people app's rule, as on the web); the old address is answered now, and told again,
with the undo link, once the change is made. A forged or unknown sender is told why, and nothing
changes. Over real LMTP in, read from the real SMTP sink; the words in Kiswahili and French too.
"""

from __future__ import annotations

import re

import pytest

from learnlink.people.models import EmailAddress
from tests.exchange.test_email_commands import DAUDI, DOMAIN, HALIMA, command
from tests.exchange.test_list_addresses import send

pytestmark = pytest.mark.usefixtures("our_mta")
REQUEST = f"muheza-oranges-request@{DOMAIN}"
NEW = "halima.omari@example.org"


def current(address: str) -> bool:
    return EmailAddress.objects.current().matching(address).exists()


def test_a_verified_member_changes_her_address_by_mail(client, mail_server, oranges,
                                                       smtp_sink):
    command(mail_server, "", subject=f"address {NEW}")
    [answer] = smtp_sink.to(HALIMA)
    assert f"A link is on its way to {NEW}" in answer.get_content()
    assert not current(NEW), "nothing changes until the new address confirms"
    [link_mail] = smtp_sink.to(NEW)
    link = re.search(r"https?://[^/\s]+(/accounts/address/\S+/)", link_mail.get_content())[1]
    client.get(link)
    assert current(NEW) and not current(HALIMA)
    told = smtp_sink.to(HALIMA)[-1].get_content()
    assert NEW in told and "/accounts/address/undo/" in told


@pytest.mark.parametrize("words", [f"anwani {NEW}", f"Nouvelle adresse : {NEW}",
                                   f"anwani mpya {NEW}"])
def test_the_command_in_kiswahili_and_french(mail_server, oranges, smtp_sink, words):
    command(mail_server, "", body=words)
    assert len(smtp_sink.to(NEW)) == 1


def test_a_forged_sender_is_told_why_and_nothing_changes(mail_server, oranges, smtp_sink):
    send(mail_server, REQUEST, HALIMA, f"address {NEW}", checked=False)
    assert "could not verify that this email really came from your address" in \
        smtp_sink.to(HALIMA)[0].get_content()
    assert not smtp_sink.to(NEW)
    assert current(HALIMA) and not current(NEW)


def test_an_unknown_sender_is_told_why_and_nothing_changes(mail_server, oranges, smtp_sink):
    command(mail_server, "", sender=DAUDI, subject=f"address {NEW}")
    assert "This address is not known to Learnlink" in smtp_sink.to(DAUDI)[0].get_content()
    assert not smtp_sink.to(NEW)


def test_someone_elses_address_or_none_is_refused(mail_server, oranges, smtp_sink):
    command(mail_server, "", subject="address joseph.mshana@example.org")
    command(mail_server, "", subject="address")
    taken, empty = (m.get_content() for m in smtp_sink.to(HALIMA))
    assert "already used by someone else" in taken
    assert "Write the new address after the word" in empty
    assert not smtp_sink.to("joseph.mshana@example.org")
    assert current(HALIMA)
