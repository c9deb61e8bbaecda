"""The moderators' members page (issue 20, item 6): each member with role, delivery, last post
and whether the group's mail reaches them, in a bounded number of queries however many members;
a mentor changes roles (an owner's only the group's owners and staff may touch, as Mailman's
owners alone manage owners) and holds a member's posts, after which what that member sends
through our real SMTP server waits in the moderation queue with the reason, and the others' posts
still go out. Learners, outsiders and guests never reach any of it."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from django.utils import timezone

from learnlink.exchange.membership import add_member
from learnlink.exchange.models import HeldMessage, Membership, Message
from learnlink.people.models import EmailAddress
from tests.conftest import PASSWORD, make_member

MANAGE = "/groups/muheza-oranges/members/manage/"
GROUP = "muheza-oranges@learnlink.localhost"
HALIMA = "halima@example.org"


def membership(address: str) -> Membership:
    return Membership.objects.get(group__slug="muheza-oranges",
                                  person__email_addresses__address=address)


def send_by_smtp(mail_server, sender: str, subject: str, text: str) -> None:
    post = EmailMessage()
    post["From"], post["To"], post["Subject"] = sender, GROUP, subject
    post.set_content(text)
    with mail_server.smtp() as smtp:
        smtp.send_message(post)


def row(page: str, name: str) -> str:
    return page.split(f'<tr><th scope="row">{name}')[1].split("</tr>")[0]


def sign_in(client, address: str = "joseph.mshana@example.org"):
    client.login(username=address, password=PASSWORD)
    return client


def test_the_page_shows_role_delivery_last_post_and_bounces(client, oranges, mail_server):
    send_by_smtp(mail_server, HALIMA, "Grading", "We grade in three sizes.")
    EmailAddress.objects.filter(address=HALIMA).update(bounce_score=1,
                                                       last_bounce=timezone.now())
    add_member(oranges, "daudi@example.net", name="Daudi Mollel", mode="daily")
    EmailAddress.objects.filter(address="daudi@example.net").update(disabled=timezone.now())
    page = sign_in(client).get(MANAGE).content.decode()
    halima_row = row(page, "Halima Omari")
    assert "each message" in halima_row and "bouncing" in halima_row
    assert timezone.localdate(Message.objects.get().date).strftime("%Y") in halima_row
    daudi_row = row(page, "Daudi Mollel")
    assert "daily digest" in daudi_row and "delivery stopped after bounces" in daudi_row
    growers_row = row(page, "Kilulu Orange Growers")
    assert "(organisation)" in growers_row and "delivered" in growers_row


def test_many_members_cost_no_more_queries(client, oranges, django_assert_max_num_queries):
    for n in range(60):
        add_member(oranges, f"farmer{n}@example.org")
    sign_in(client)
    with django_assert_max_num_queries(12):
        page = client.get(MANAGE)
    assert page.status_code == 200
    assert len(page.content) < 35 * 1024, "a full page of rows, forms and all, stays light"
    with django_assert_max_num_queries(12):
        assert client.get(f"{MANAGE}?page=2").status_code == 200


def test_a_held_members_post_waits_and_the_others_go_through(client, oranges, mail_server,
                                                             smtp_sink):
    halima = membership(HALIMA)
    sign_in(client).post(f"{MANAGE}{halima.pk}/hold/", {"hold": "on"})
    halima.refresh_from_db()
    assert halima.hold_posts
    assert "held for review" in client.get(MANAGE).content.decode()

    send_by_smtp(mail_server, HALIMA, "Buyer from Tanga", "He pays 150 a kilo.")
    send_by_smtp(mail_server, "joseph.mshana@example.org", "Crates", "Who has crates?")
    held = HeldMessage.objects.get()
    assert (held.subject, held.reason) == (
        "Buyer from Tanga", "a mentor holds this member's posts for review")
    assert list(Message.objects.values_list("subject", flat=True)) == ["Crates"]
    [notice] = smtp_sink.to(HALIMA)
    assert "Why: a mentor holds this member's posts for review." in notice.get_content()
    queue = client.get("/groups/muheza-oranges/moderation/").content.decode()
    assert "a mentor holds this member&#x27;s posts for review" in queue

    client.post(f"{MANAGE}{halima.pk}/hold/")
    send_by_smtp(mail_server, HALIMA, "Grading", "Three sizes.")
    assert Message.objects.filter(subject="Grading").exists(), "no longer held"


def test_a_hold_applies_even_in_an_open_group(oranges, mail_server):
    oranges.posting_policy = "open"
    oranges.save(update_fields=["posting_policy"])
    Membership.objects.filter(pk=membership(HALIMA).pk).update(hold_posts=True)
    send_by_smtp(mail_server, HALIMA, "Buyer from Tanga", "He pays 150 a kilo.")
    assert HeldMessage.objects.get().subject == "Buyer from Tanga"


def test_a_mentor_changes_roles_but_only_owners_make_or_unmake_owners(client, oranges):
    make_member(None, "Zuhura Shemdoe", "zuhura.shemdoe@example.org")
    add_member(oranges, "zuhura.shemdoe@example.org", role="mentor")
    halima = membership(HALIMA)
    sign_in(client, "zuhura.shemdoe@example.org")
    client.post(f"{MANAGE}{halima.pk}/role/", {"role": "observer"})
    assert membership(HALIMA).role == "observer"
    client.post(f"{MANAGE}{halima.pk}/role/", {"role": "owner"})
    assert membership(HALIMA).role == "observer"
    assert 'value="owner"' not in client.get(MANAGE).content.decode()

    joseph = membership("joseph.mshana@example.org")
    Membership.objects.filter(pk=joseph.pk).update(role="owner")
    assert client.post(f"{MANAGE}{joseph.pk}/role/", {"role": "learner"}).status_code == 404
    assert client.post(f"{MANAGE}{joseph.pk}/hold/", {"hold": "on"}).status_code == 404
    assert membership("joseph.mshana@example.org").role == "owner"

    sign_in(client)  # Joseph, now an owner
    client.post(f"{MANAGE}{halima.pk}/role/", {"role": "owner"})
    assert membership(HALIMA).role == "owner"


@pytest.mark.parametrize("who", [None, "someone@example.com", HALIMA])
def test_no_one_but_moderators_reaches_the_page_or_its_actions(client, oranges, outsider, who):
    halima = membership(HALIMA)
    if who:
        sign_in(client, who)
    refused = 404 if who else 302
    assert client.get(MANAGE).status_code == refused
    assert client.post(f"{MANAGE}{halima.pk}/hold/", {"hold": "on"}).status_code == refused
    assert client.post(f"{MANAGE}{halima.pk}/role/", {"role": "owner"}).status_code == refused
    assert not Membership.objects.filter(hold_posts=True).exists()
    assert membership(HALIMA).role == "learner"
    assert "members/manage/" not in client.get("/groups/muheza-oranges/members/").content.decode()


def test_the_members_list_links_mentors_to_the_page(client, oranges):
    page = sign_in(client).get("/groups/muheza-oranges/members/").content.decode()
    assert f'href="{MANAGE}"' in page
