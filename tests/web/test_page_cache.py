"""The busiest pages answer a browser that holds them already with 304, keep a guest's page
for the next guest, and show a new message at once: a guest sees it, a member sees their own
page, and nobody outside a private group gets its page or a 304 for it. What other apps
publish on those pages (a practice on the home page) shows at once too."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from learnlink.exchange.group_settings import change_settings
from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Group, Thread
from learnlink.exchange.removal import remove_messages
from learnlink.knowledge.actions import change_state
from learnlink.knowledge.models import Practice, PracticeState
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from tests.conftest import MailServer, email_from

HALIMA = "halima@example.org"


def post(group: Group, subject: str, text: str, sender: str = HALIMA) -> Thread:
    receive(email_from(sender, group.address, subject, text).as_bytes(), [group.address],
            Source.PIPE)
    return group.threads.get(subject=subject)


def token_of(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.mark.django_db
def test_a_browser_holding_the_page_gets_304_without_a_body(client: Client, oranges) -> None:
    url = post(oranges, "Grading oranges", "Three sizes before the lorry.").get_absolute_url()
    for page in (url, reverse("exchange:group", args=[oranges.slug]), reverse("home"),
                 reverse("search") + "?q=lorry"):
        first = client.get(page)
        assert first.status_code == 200 and first["ETag"]
        again = client.get(page, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, page
        assert again.content == b""


@pytest.mark.django_db
def test_the_pages_stay_in_the_readers_own_browser(client: Client, oranges, learner) -> None:
    url = post(oranges, "Grading oranges", "Three sizes before the lorry.").get_absolute_url()
    for reader in (None, learner):
        if reader:
            client.force_login(reader)
        response = client.get(url)
        assert set(response["Cache-Control"].split(", ")) == {"private", "no-cache"}
        assert {"Cookie", "Accept-Language"} <= set(response["Vary"].split(", "))


@pytest.mark.django_db(transaction=True)
def test_a_new_message_by_mail_reaches_the_guest_and_changes_the_etag(
        mail_server: MailServer, oranges) -> None:
    mail_server.send(email_from(HALIMA, oranges.address, "Grading oranges", "Three sizes."),
                     oranges.address)
    thread = oranges.threads.get()
    urls = {"thread": thread.get_absolute_url(), "home": reverse("home"),
            "group": reverse("exchange:group", args=[oranges.slug])}
    guest = Client()
    before = {name: guest.get(url) for name, url in urls.items()}

    mail_server.send(email_from("joseph.mshana@example.org", oranges.address,
                                "Re: Grading oranges", "The big ones go first.",
                                In_Reply_To=f"<{thread.messages.get().message_id}>"),
                     oranges.address)
    mail_server.send(email_from(HALIMA, oranges.address, "Buyers from Dar on Friday",
                                "They want a full lorry."), oranges.address)

    for name, url in urls.items():
        after = guest.get(url, HTTP_IF_NONE_MATCH=before[name]["ETag"])
        assert after.status_code == 200 and after["ETag"] != before[name]["ETag"], name
    assert "The big ones go first." in guest.get(urls["thread"]).content.decode()
    for name in ("home", "group"):
        assert "Buyers from Dar on Friday" in guest.get(urls[name]).content.decode(), name


@pytest.mark.django_db
def test_a_guest_never_gets_a_private_groups_page_nor_a_304_for_it(client: Client, mentor) -> None:
    mentors = create_group("mentors", "Mentors' room", private=True)
    add_member(mentors, "joseph.mshana@example.org", role="mentor")
    url = post(mentors, "Who visits Muheza next", "I can go in May.",
               "joseph.mshana@example.org").get_absolute_url()
    client.force_login(mentor)
    seen = {page: client.get(page) for page in (url, reverse("exchange:group", args=["mentors"]))}
    assert all(response.status_code == 200 for response in seen.values())

    for page, response in seen.items():
        guest = Client().get(page, HTTP_IF_NONE_MATCH=response["ETag"])
        assert guest.status_code == 302 and guest["Location"].startswith(reverse("login"))
        assert "Who visits Muheza" not in guest.content.decode()
    assert "Who visits Muheza" not in Client().get(reverse("search") + "?q=Muheza").content.decode()


@pytest.mark.django_db
def test_a_member_never_gets_the_guests_page(client: Client, oranges, learner: User) -> None:
    url = post(oranges, "Grading oranges", "Three sizes before the lorry.").get_absolute_url()
    as_guest = client.get(url)
    assert ">Reply</a>" not in as_guest.content.decode()

    client.force_login(learner)
    own = client.get(url, HTTP_IF_NONE_MATCH=as_guest["ETag"])
    assert own.status_code == 200
    assert "Sign out" in own.content.decode() and ">Reply</a>" in own.content.decode()


@pytest.mark.django_db
def test_each_guest_gets_a_csrf_token_of_their_own_from_the_kept_page(oranges) -> None:
    url = post(oranges, "Grading oranges", "Three sizes before the lorry.").get_absolute_url()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_token = token_of(first.get(url).content.decode())
    second_token = token_of(second.get(url).content.decode())
    assert first_token != second_token

    switched = second.post(reverse("set_language"), {
        "language": "fr", "next": url, "csrfmiddlewaretoken": second_token})
    assert switched.status_code == 302
    assert "Répondre par courriel" in second.get(url).content.decode()
    refused = Client(enforce_csrf_checks=True)
    refused.get(url)
    assert refused.post(reverse("set_language"), {
        "language": "fr", "csrfmiddlewaretoken": first_token}).status_code == 403


@pytest.mark.django_db
def test_a_removed_message_leaves_the_guests_pages_at_once(client: Client, oranges) -> None:
    post(oranges, "Grading oranges", "Three sizes before the lorry.")
    gone = post(oranges, "Cheap pesticide here", "Buy now, no questions.")
    pages = [reverse("exchange:group", args=[oranges.slug]), reverse("home")]
    assert all("Cheap pesticide" in client.get(page).content.decode() for page in pages)

    remove_messages(gone.messages.all())

    for page in pages:
        html = client.get(page).content.decode()
        assert "Grading oranges" in html and "Cheap pesticide" not in html


@pytest.mark.django_db
def test_a_new_description_reaches_the_guest_at_once(client: Client, oranges, mentor) -> None:
    url = reverse("exchange:group", args=[oranges.slug])
    assert "Selling oranges together" in client.get(url).content.decode()

    change_settings(oranges, mentor, description="Buyers, grading and the lorry to Dar.")

    html = client.get(url).content.decode()
    assert "the lorry to Dar" in html and "Selling oranges together" not in html


@pytest.mark.django_db
def test_a_practice_published_or_withdrawn_reaches_the_guests_home_page_at_once(
        client: Client) -> None:
    practice = Practice.objects.create(title="Warehouse receipts in Soroti", summary="s",
                                       language="en")
    assert "Warehouse receipts in Soroti" not in client.get(reverse("home")).content.decode()

    change_state(practice, PracticeState.PUBLISHED)
    assert "Warehouse receipts in Soroti" in client.get(reverse("home")).content.decode()

    change_state(practice, PracticeState.DRAFT)
    assert "Warehouse receipts in Soroti" not in client.get(reverse("home")).content.decode()
