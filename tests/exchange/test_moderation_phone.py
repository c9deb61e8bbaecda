"""Moderating on a phone: each held message's own text (first lines shown, the rest folded),
why it was held in the moderator's language, buttons a thumb can hit (44 px, measured in the
real Chromium at 360 px), one reason field per message with its own id, and a confirmation
before "always reject this address"."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from learnlink.exchange.models import BannedAddress, HeldMessage
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from tests.conftest import email_from, sign_in_on
from tests.web.test_pages import page_weight

GROUP = "muheza-oranges@learnlink.localhost"
LETTER = ("Habari za leo, wakulima wa Muheza.\n"
          "We are a group of 40 growers in Lushoto.\n"
          "We grade our oranges in three sizes.\n"
          "Could we sell with you to the buyer from Dar?\n"
          "\n"
          "Our harvest starts in June and we expect twelve tonnes.\n"
          "SECOND PART: our chairperson can visit on a market day.\n")


def hold(subject: str, sender: str = "daudi@example.net", body: str = LETTER) -> HeldMessage:
    receive(email_from(f"Daudi Tlatla <{sender}>", GROUP, subject, body).as_bytes(), [GROUP],
            Source.PIPE)
    return HeldMessage.objects.get(subject=subject)


def queue(client) -> str:
    return client.get(reverse("exchange:moderation", args=["muheza-oranges"])).content.decode()


def test_the_queue_shows_each_messages_text_with_the_first_lines_and_the_rest_folded(
        client, oranges, mentor):
    hold("Selling together")
    client.force_login(mentor)
    html = queue(client)
    folded = re.search(r"<details><summary class=\"text\">(.*?)</summary>(.*?)</details>", html,
                       re.S)
    assert folded, html
    assert "Habari za leo, wakulima wa Muheza." in folded.group(1)
    assert "Could we sell with you to the buyer from Dar?" in folded.group(1)
    assert "SECOND PART" not in folded.group(1)
    assert "SECOND PART: our chairperson can visit on a market day." in folded.group(2)


def test_a_short_message_is_shown_whole_without_folding(client, oranges, mentor):
    hold("Short", body="Can I join?\n")
    client.force_login(mentor)
    html = queue(client)
    assert '<div class="text">Can I join?</div>' in html
    assert "<details><summary class=\"text\">" not in html


def test_why_it_was_held_reads_in_the_moderators_language(client, oranges, mentor):
    hold("Selling together")
    mentor.person.languages = "sw"
    mentor.person.save(update_fields=["languages"])
    client.force_login(mentor)
    html = queue(client)
    assert "Umezuiliwa kwa sababu: mtumaji si mwanachama wa kikundi" in html


def test_each_message_has_its_own_reason_field_with_its_own_id(client, oranges, mentor):
    first, second = hold("One"), hold("Two", sender="neema@example.net")
    client.force_login(mentor)
    html = queue(client)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "no id twice on the page"
    for held in (first, second):
        assert f'<label for="id_reason_{held.pk}">' in html
        assert re.search(rf'<textarea name="reason"[^>]*id="id_reason_{held.pk}"', html)
    assert len(re.findall(r'<textarea name="reason"', html)) == 2


def test_a_rejection_without_a_reason_is_refused_next_to_its_own_field(client, oranges, mentor):
    held = hold("One")
    client.force_login(mentor)
    response = client.post(reverse("exchange:reject", args=[oranges.slug, held.pk]),
                           {"reason": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(rf'id="id_reason_{held.pk}"', html)
    assert "This field is required." in html
    held.refresh_from_db()
    assert held.status == "waiting"


def test_always_reject_asks_first_and_only_the_confirmation_bans(client, oranges, mentor):
    held = hold("Buy my pills")
    client.force_login(mentor)
    url = reverse("exchange:ban", args=[oranges.slug, held.pk])
    assert f'<a class="button quiet" href="{url}">Always reject this address' in queue(client)

    asked = client.get(url)
    assert asked.status_code == 200
    assert "Always reject daudi@example.net?" in asked.content.decode()
    assert '<button class="primary">Yes, always reject this address</button>' in \
        asked.content.decode()
    assert not BannedAddress.objects.exists(), "opening the question changes nothing"
    held.refresh_from_db()
    assert held.status == "waiting"

    client.post(url)
    assert BannedAddress.objects.filter(group=oranges, address="daudi@example.net").exists()


def test_a_long_queue_stays_a_light_page(client, oranges, mentor):
    for number in range(12):
        hold(f"Long letter {number}", sender=f"grower{number}@example.net",
             body="We sell oranges together and grade them by size. " * 200)
    client.force_login(mentor)
    html = queue(client)
    assert page_weight(client, html) < 50 * 1024, "the page and its stylesheet"
    assert html.count('class="card held"') == 10
    assert "Page 1 of 2" in html


@pytest.mark.browser
def test_on_a_phone_every_decision_is_44_px_tall_and_the_text_unfolds(
        live_server, oranges, mentor, phone, output_dir):
    hold("Selling together")
    sign_in_on(phone, live_server.url, "joseph.mshana@example.org")
    phone.goto(live_server.url + "/groups/muheza-oranges/moderation/")

    targets = phone.locator(".decide button, .decide a.button")
    assert targets.count() == 4
    for index in range(targets.count()):
        box = targets.nth(index).bounding_box()
        assert box is not None and box["height"] >= 44, (targets.nth(index).inner_text(), box)
    assert phone.get_by_text("Could we sell with you to the buyer from Dar?").is_visible()
    rest = phone.get_by_text("SECOND PART: our chairperson can visit on a market day.")
    assert not rest.is_visible(), "the rest of the text is folded"
    assert phone.evaluate("document.documentElement.scrollWidth <= 360")
    phone.screenshot(path=output_dir / "moderation-360px.png", full_page=True)

    phone.get_by_text("Habari za leo, wakulima wa Muheza.").click()
    assert rest.is_visible(), "and unfolds without JavaScript"

    phone.get_by_role("link", name="Always reject this address").click()
    confirm = phone.get_by_role("button", name="Yes, always reject this address")
    assert (confirm.bounding_box() or {"height": 0})["height"] >= 44
    assert not BannedAddress.objects.exists()
    confirm.click()
    assert BannedAddress.objects.filter(address="daudi@example.net").exists()
    assert "Nothing is waiting." in phone.content()


def test_the_queue_makes_as_many_queries_for_ten_held_messages_as_for_one(
        client, oranges, mentor):
    """The queue is one QuerySet (HeldMessage.objects.waiting_in), not a query per message."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(mentor)
    hold("Message 0")
    with CaptureQueriesContext(connection) as one:
        queue(client)
    for n in range(1, 10):
        hold(f"Message {n}")
    with CaptureQueriesContext(connection) as ten:
        html = queue(client)
    assert all(f"Message {n}" in html for n in range(10))
    assert len(ten.captured_queries) == len(one.captured_queries)
