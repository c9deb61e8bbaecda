"""A real Chromium, JavaScript off, on a phone-sized screen: the way many learners read."""


import pytest

from tests.conftest import sign_in_on

pytestmark = pytest.mark.browser


def test_a_visitor_switches_to_swahili_and_opens_an_organisation(
        live_server, network, phone, output_dir):
    phone.goto(live_server.url)
    assert phone.locator("h1").inner_text() == "Learning from each other's practice"
    header = phone.locator("header.site").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(27, 94, 32)", "the stylesheet is loaded"

    phone.get_by_role("button", name="Kiswahili").click()
    assert phone.locator("html").get_attribute("lang") == "sw"
    phone.get_by_role("link", name="Pitia saraka").click()
    assert phone.locator("h1").inner_text() == "Saraka ya mashirika"

    phone.get_by_label("Aina").select_option("farmer_group")
    phone.get_by_role("button", name="Chuja").click()
    phone.get_by_role("link", name="Kilulu Orange Growers").click()
    assert phone.locator("h1").inner_text() == "Kilulu Orange Growers"
    assert "Muheza, Tanga, Tanzania" in phone.content()
    assert "kilulu.growers@example.org" not in phone.content()
    phone.screenshot(path=output_dir / "organisation-sw-360px.png", full_page=True)
    fits = phone.evaluate("document.documentElement.scrollWidth <= 360")
    assert fits, "nothing wider than a small phone's screen"


def test_a_member_signs_in_with_a_password_and_sees_contacts(
        live_server, network, mentor, phone, output_dir):

    sign_in_on(phone, live_server.url, "joseph.mshana@example.org")
    phone.goto(live_server.url + network["chair"].get_absolute_url())
    assert phone.get_by_role("link", name="kilulu.growers@example.org").is_visible()
    phone.screenshot(path=output_dir / "person-signed-in.png", full_page=True)


def test_a_learner_reads_a_thread_unfolds_a_quote_and_searches(
        live_server, oranges, phone, output_dir):
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from tests.conftest import email_from

    question = email_from("halima@example.org", oranges.address, "Grading oranges",
                          "How do you grade oranges before the buyer comes?",
                          message_id="<q@example.org>")
    answer = email_from("joseph.mshana@example.org", oranges.address, "Re: Grading oranges",
                        "Three sizes, and the buyer agrees a price for each.\n\n"
                        "On Monday, Halima wrote:\n> How do you grade oranges?\n",
                        In_Reply_To="<q@example.org>", References="<q@example.org>")
    for message in (question, answer):
        receive(message.as_bytes(), [oranges.address], Source.PIPE)

    phone.goto(live_server.url)
    phone.get_by_role("link", name="Groups", exact=True).click()
    phone.get_by_role("link", name="Muheza orange growers").click()
    phone.get_by_role("link", name="Grading oranges").click()
    quote = phone.locator("details .quote")
    assert not quote.is_visible(), "quotes are folded"
    phone.get_by_text("Quoted text").click()
    assert quote.is_visible(), "and open without JavaScript"
    phone.screenshot(path=output_dir / "thread-360px.png", full_page=True)

    phone.get_by_role("link", name="Search").click()
    phone.get_by_label("Search for").fill("buyer price")
    phone.get_by_role("button", name="Search").click()
    assert phone.locator("mark").first.inner_text().lower() in ("buyer", "price")
    results, filters = (phone.locator(found).bounding_box()["y"]
                        for found in ("ol.results", "details.filters"))
    assert results < filters, "on a phone the results come first"
    assert not phone.get_by_label("From").is_visible(), "and the filters fold"
    phone.screenshot(path=output_dir / "search-360px.png", full_page=True)


def test_a_mentor_moves_a_message_to_the_thread_it_belongs_to(
        live_server, oranges, phone, output_dir):
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from tests.conftest import email_from

    for sender, subject, body, headers in [
        ("halima@example.org", "Selling oranges together", "Who sold to the Tanga buyer?",
         {"message_id": "<sell@example.org>"}),
        ("halima@example.org", "Grading before the lorry", "We grade in three sizes.",
         {"message_id": "<grade@example.org>"}),
        ("joseph.mshana@example.org", "Re: Selling oranges together",
         "About grading: we use four sizes, and the small ones go to juice.",
         {"In_Reply_To": "<sell@example.org>", "References": "<sell@example.org>"}),
    ]:
        receive(email_from(sender, oranges.address, subject, body, **headers).as_bytes(),
                [oranges.address], Source.PIPE)

    sign_in_on(phone, live_server.url, "joseph.mshana@example.org")
    phone.goto(live_server.url + oranges.get_absolute_url())
    phone.get_by_role("link", name="Selling oranges together").click()
    misplaced = phone.locator("article", has_text="four sizes")
    misplaced.get_by_role("link", name="Clean up").click()

    assert phone.locator("h1").inner_text() == "Clean up a message"
    phone.get_by_label("Thread").select_option(label="Grading before the lorry")
    phone.get_by_role("button", name="Move", exact=True).click()

    assert phone.locator("h1").inner_text() == "Grading before the lorry"
    assert phone.get_by_text("The message is moved.").is_visible()
    assert phone.locator("article", has_text="four sizes").is_visible()
    phone.screenshot(path=output_dir / "moved-360px.png", full_page=True)
    phone.goto(live_server.url + oranges.get_absolute_url())
    phone.get_by_role("link", name="Selling oranges together").click()
    assert phone.locator("article", has_text="four sizes").count() == 0
