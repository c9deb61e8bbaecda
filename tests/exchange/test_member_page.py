"""A member's own page, opened from the signed link in every footer, without a password.

Proves that the page shows the membership the link speaks for and refuses, with the reason,
a link that does not; that the delivery form changes how mail arrives and the change is
confirmed by mail; and that a new address takes over only once its owner opens the link sent
to it, while the old address stays in her history, so mail she still writes from it is
accepted and attributed to her.
"""

from __future__ import annotations

import email.utils
import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from learnlink.exchange.member_links import member_token
from learnlink.exchange.models import Membership, Message
from learnlink.people.models import EmailAddress
from tests.conftest import email_from
from tests.exchange.test_list_delivery import post

GROUP = "muheza-oranges@learnlink.localhost"
HALIMA, NEW = "halima@example.org", "halima.omari@example.com"



def halimas(group: Any) -> Membership:
    return Membership.objects.get(group=group, person__name="Halima Omari")


def page_of(membership: Membership) -> str:
    return f"/membership/{member_token(membership)}/"


def test_the_page_shows_the_membership_and_how_mail_arrives(oranges, client):
    response = client.get(page_of(halimas(oranges)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Member: Halima Omari" in html
    assert HALIMA in html
    assert re.search(r'<input[^>]*value="each"[^>]*checked', html), "each message is chosen"


def test_choosing_a_digest_on_the_page_changes_delivery_and_says_so_by_mail(
        mail_server, oranges, mailboxes, client):
    url = page_of(halimas(oranges))
    response = client.post(url, {"mode": "daily"})
    assert response.status_code == 302
    assert response["Location"] == url
    assert halimas(oranges).mode == "daily"
    [told] = mailboxes.of(HALIMA)
    assert "From now on you receive: daily digest." in told.get_content()
    post(mail_server, sender="Joseph Mshana <joseph.mshana@example.org>")
    assert len(mailboxes.of(HALIMA)) == 1, "no copy of each message any more"


def test_an_unknown_delivery_mode_changes_nothing(oranges, client, smtp_sink):
    response = client.post(page_of(halimas(oranges)), {"mode": "hourly"})
    assert response.status_code == 200
    assert halimas(oranges).mode == "each"
    assert smtp_sink.messages == []


@pytest.mark.parametrize(("token", "reason"), [
    ("not-a-token", "This link is incomplete"),
    ("1.abc.0123456789abcdef", "its signature is wrong"),
])
def test_a_link_learnlink_did_not_make_opens_nothing_and_says_why(oranges, client, token,
                                                                  reason):
    response = client.get(f"/membership/{token}/")
    assert response.status_code == 403
    assert reason in response.content.decode()
    assert HALIMA not in response.content.decode()


def test_an_organisations_link_cannot_change_its_delivery(oranges, client, smtp_sink):
    kilulu = Membership.objects.get(group=oranges, organisation__isnull=False)
    url = page_of(kilulu)
    assert "its mentor can change how it is delivered" in client.get(url).content.decode()
    client.post(url, {"mode": "none"})
    kilulu.refresh_from_db()
    assert kilulu.mode == "each"


def test_one_persons_click_does_not_take_a_whole_organisation_out(oranges, client):
    kilulu = Membership.objects.get(group=oranges, organisation__isnull=False)
    response = client.post(f"/membership/{member_token(kilulu)}/leave/",
                           "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 403
    assert "its mentor can change how it is delivered" in response.content.decode()
    assert Membership.objects.filter(pk=kilulu.pk).exists()


def test_leaving_from_the_page_takes_the_button(oranges, mailboxes, client):
    token = member_token(halimas(oranges))
    page = client.get(f"/membership/{token}/").content.decode()
    assert f'href="/membership/{token}/leave/"' in page
    assert client.post(f"/membership/{token}/leave/").status_code == 200
    assert not Membership.objects.filter(group=oranges, person__name="Halima Omari").exists()
    assert str(mailboxes.of(HALIMA)[0]["Subject"]) == "You have left Muheza orange growers"


def test_a_new_address_takes_over_once_its_link_is_opened(mail_server, oranges, mailboxes,
                                                          client):
    response = client.post(page_of(halimas(oranges)), {"address": NEW})
    assert f"We sent a link to {NEW}" in response.content.decode()
    assert EmailAddress.objects.get(address=HALIMA).primary, "nothing changes before the click"
    [confirm] = mailboxes.of(NEW)
    assert str(confirm["Subject"]) == "Confirm your new address"
    link = re.search(r"http\S+/accounts/address/\S+/", confirm.get_content())
    assert link

    opened = client.get(urlsplit(link.group()).path)
    assert f"Learnlink sends your mail to {NEW}." in opened.content.decode()
    new, old = (EmailAddress.objects.get(address=NEW), EmailAddress.objects.get(address=HALIMA))
    assert new.person == old.person
    assert (new.primary, new.verified, new.active_to) == (True, True, None)
    assert not old.primary
    assert old.active_to == timezone.localdate(), "the old address stays, with an end date"

    post(mail_server, sender="Joseph Mshana <joseph.mshana@example.org>")
    assert len(mailboxes.of(NEW)) == 2, "the confirmation, then the post"
    assert mailboxes.of(HALIMA) == []


def test_mail_from_the_old_address_is_still_hers(mail_server, oranges, mailboxes, client):
    client.post(page_of(halimas(oranges)), {"address": NEW})
    link = re.search(r"http\S+(/accounts/address/\S+/)", mailboxes.of(NEW)[0].get_content())
    assert link
    client.get(link.group(1))

    mail = email_from(f"Halima Omari <{HALIMA}>", GROUP, "From my old phone",
                      "The old address still works on my phone.\n")
    mail.replace_header("Date", email.utils.format_datetime(timezone.now()))
    mail_server.send(mail, GROUP)
    message = Message.objects.get(subject="From my old phone")
    assert message.sender is not None
    assert message.sender.name == "Halima Omari"
    assert message.sender == EmailAddress.objects.get(address=NEW).person
    assert len(mailboxes.of("joseph.mshana@example.org")) == 1, "posted, not held"
    assert len(mailboxes.of(NEW)) == 1, "her own post is not sent back to her new address"


def test_an_address_that_is_someone_elses_is_refused_on_the_page(oranges, client, smtp_sink):
    response = client.post(page_of(halimas(oranges)), {"address": "Joseph.Mshana@example.org"})
    assert "already used by someone else" in response.content.decode()
    assert smtp_sink.messages == [], "no link goes to Joseph"
    assert EmailAddress.objects.get(address="joseph.mshana@example.org").person.name == \
        "Joseph Mshana"


def test_a_link_to_an_address_given_to_someone_else_meanwhile_changes_nothing(
        mail_server, oranges, mailboxes, client):
    from learnlink.people.addresses import change_address
    from learnlink.people.models import Person

    client.post(page_of(halimas(oranges)), {"address": NEW})
    link = re.search(r"http\S+(/accounts/address/\S+/)", mailboxes.of(NEW)[0].get_content())
    assert link
    joseph = Person.objects.get(name="Joseph Mshana")
    change_address(joseph, NEW)  # a mentor gives the address to Joseph before Halima clicks

    opened = client.get(link.group(1))
    assert opened.status_code == 400
    assert "Someone else in Learnlink uses this address now" in opened.content.decode()
    assert EmailAddress.objects.get(address=NEW, active_to=None).person == joseph
    assert EmailAddress.objects.get(address=HALIMA).primary, "Halima keeps her address"
