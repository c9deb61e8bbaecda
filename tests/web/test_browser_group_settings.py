"""A group's mentor sets its subject prefix and footer in a real Chromium without JavaScript,
and the next post reaches the members with both."""

import pytest

from tests.conftest import sign_in_on

pytestmark = pytest.mark.browser


def test_a_mentor_sets_a_prefix_and_footer_on_the_web_and_members_get_them(
        live_server, oranges, smtp_sink, phone, output_dir):
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from tests.conftest import email_from

    sign_in_on(phone, live_server.url, "joseph.mshana@example.org")
    phone.goto(live_server.url + oranges.get_absolute_url())
    phone.get_by_role("link", name="Settings", exact=True).click()
    phone.get_by_label("Subject prefix").fill("[oranges-muheza]")
    phone.get_by_label("Footer").fill("Market day in Kilulu is Friday.")
    phone.get_by_label("Largest message (MB)").fill("5")
    phone.get_by_role("button", name="Save the settings").click()
    assert "The group's settings are saved." in phone.content()
    phone.screenshot(path=output_dir / "group-settings-360px.png", full_page=True)

    question = email_from("halima@example.org", oranges.address,
                          "Re: [oranges-muheza] Grading oranges", "Three sizes, or four?")
    receive(question.as_bytes(), [oranges.address], Source.PIPE)
    copies = smtp_sink.to(oranges.address)
    assert copies, "the members got the post by mail"
    assert {copy["Subject"] for copy in copies} == {"[oranges-muheza] Re: Grading oranges"}
    copy = copies[0]
    assert "Market day in Kilulu is Friday.\r\n-- \r\n" in copy.get_body(("plain",)).get_content()
