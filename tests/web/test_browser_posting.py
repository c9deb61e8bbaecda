"""A member replies on the web, in a real Chromium without JavaScript: the reply shows in the
thread and reaches the members by mail."""

import pytest

from tests.conftest import sign_in_on

pytestmark = pytest.mark.browser


def test_a_member_replies_on_the_web_and_the_group_gets_it_by_mail(
        live_server, oranges, smtp_sink, phone, output_dir):
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from tests.conftest import email_from

    question = email_from("joseph.mshana@example.org", oranges.address, "Grading oranges",
                          "How many sizes do your buyers ask for?")
    receive(question.as_bytes(), [oranges.address], Source.PIPE)

    sign_in_on(phone, live_server.url, "halima@example.org")
    phone.goto(live_server.url + oranges.get_absolute_url())
    phone.get_by_role("link", name="Grading oranges").click()
    phone.get_by_role("link", name="Reply on the web").click()
    phone.get_by_label("Message").fill("Three sizes: large, medium and juice oranges.")
    phone.get_by_role("button", name="Send").click()

    assert phone.locator("h1").inner_text() == "Grading oranges"
    assert "Three sizes: large, medium and juice oranges." in phone.content()
    phone.screenshot(path=output_dir / "reply-posted-360px.png", full_page=True)
    copies = [c for c in smtp_sink.to(oranges.address) if c["Subject"] == "Re: Grading oranges"]
    assert copies, "the members got the reply by mail"
    copy = copies[0]
    assert "juice oranges" in copy.get_body(("plain",)).get_content()
    assert copy["In-Reply-To"].strip() == question["Message-ID"]
