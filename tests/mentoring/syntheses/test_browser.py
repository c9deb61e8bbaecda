"""A mentor, in a real Chromium with JavaScript off on a phone-sized screen, drafts a synthesis
of a real thread, edits it, saves it, publishes it, and finds it at the top of the thread,
where a visitor who is not signed in reads it too."""

from __future__ import annotations

import pytest

from tests.conftest import sign_in_on

pytestmark = pytest.mark.browser


def test_a_mentor_drafts_edits_and_publishes_a_synthesis_seen_on_top_of_the_thread(
        live_server, warehouse, mentor, phone, output_dir):
    sign_in_on(phone, live_server.url, "joseph.mshana@example.org")

    phone.goto(live_server.url + warehouse.get_absolute_url())
    phone.get_by_role("link", name="Synthesise this thread").click()
    assert phone.locator("h1").inner_text() == "Synthesise"
    learned = phone.get_by_label("What has been learned")
    drafted = learned.input_value()
    assert "[m" in drafted, "the drafter's points come linked to their messages"
    phone.screenshot(path=output_dir / "draft-360px.png", full_page=True)

    phone.get_by_label("Title").fill("How the Mbonzo warehouse receipts work")
    learned.fill(drafted + "\nNobody is forced to keep maize in the store.")
    phone.get_by_label("Where we stand").fill(
        "Members wait for a better price, and a member who must sell early still can.")
    phone.get_by_role("button", name="Save the draft").click()
    assert "saved as a draft" in phone.locator("ul.messages").inner_text()
    phone.get_by_role("button", name="Publish").click()
    assert "Published" in phone.locator("ul.messages").inner_text()

    phone.get_by_role("link", name=warehouse.subject).click()
    synthesis = phone.locator("section.card", has=phone.locator("h2#synthesis"))
    assert synthesis.locator("h2").inner_text() == "How the Mbonzo warehouse receipts work"
    text = synthesis.inner_text()
    assert "Nobody is forced to keep maize in the store." in text
    assert "a member who must sell early still can" in text
    top = synthesis.bounding_box()["y"]
    assert top < phone.locator("article.msg").first.bounding_box()["y"], "above the messages"
    phone.screenshot(path=output_dir / "thread-with-synthesis-360px.png", full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth <= 360")

    synthesis.get_by_role("link", name="the message").first.click()
    assert phone.locator("article.msg:target").count() == 1, "a point leads to its message"

    phone.get_by_role("button", name="Sign out").click()
    phone.goto(live_server.url + warehouse.get_absolute_url())
    assert "Nobody is forced to keep maize in the store." in phone.locator(
        "section.card", has=phone.locator("h2#synthesis")).inner_text(), (
        "a visitor reads it on the public archive")
