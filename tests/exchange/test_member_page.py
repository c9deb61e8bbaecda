"""A member's own page, opened from the signed link in every footer, without a password.

Proves that the page shows the membership the link speaks for and refuses, with the reason,
a link that does not; and that the delivery form changes how mail arrives and the change is
confirmed by mail. (The link changes no address: see test_footer_links, and
tests/people/test_address_change for the signed-in way.)
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from learnlink.exchange.member_links import member_token
from learnlink.exchange.models import Membership
from tests.exchange.test_list_delivery import post

GROUP = "muheza-oranges@learnlink.localhost"
HALIMA = "halima@example.org"



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


def test_plain_text_digests_are_chosen_on_the_page_without_a_notice(
        mail_server, oranges, mailboxes, client):
    url = page_of(halimas(oranges))
    assert "Digests in plain text only" in client.get(url).content.decode()
    client.post(url, {"mode": "daily"})
    response = client.post(url, {"mode": "daily", "plain_text": "on"})
    assert response.status_code == 302
    assert halimas(oranges).plain_text
    assert len(mailboxes.of(HALIMA)) == 1, "only the notice of the new mode"
    html = client.get(url).content.decode()
    assert re.search(r'<input[^>]*name="plain_text"[^>]*checked', html)


def test_an_unknown_delivery_mode_changes_nothing(oranges, client, smtp_sink):
    response = client.post(page_of(halimas(oranges)), {"mode": "hourly"})
    assert response.status_code == 200
    assert halimas(oranges).mode == "each"
    assert smtp_sink.messages == []


@pytest.mark.parametrize(("token", "reason"), [
    ("not-a-token", "This link is incomplete"),
    ("1.abc.6b000000.0123456789abcdef", "its signature is wrong"),
    ("1.abc.0123456789abcdef", "This link is too old"),  # made before links carried a date
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
    response = client.post(url, {"mode": "none"})
    assert response.status_code == 403, "a crafted post is refused, and told why"
    assert "its mentor can change how it is delivered" in response.content.decode()
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
