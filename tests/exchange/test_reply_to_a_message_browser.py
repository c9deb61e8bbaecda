"""A member answers one message of a thread, not only its latest, from the "Reply" link under
it, in a real Chromium without JavaScript: the reply is threaded under that message (its
In-Reply-To is that message's Message-ID) and reaches the members by mail."""

import pytest

from tests.conftest import sign_in_on

pytestmark = pytest.mark.browser


def test_a_member_replies_on_the_web_to_the_second_message_of_a_thread(
        live_server, oranges, smtp_sink, phone, output_dir):
    from learnlink.exchange.models import Message
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from tests.conftest import email_from

    question = email_from("joseph.mshana@example.org", oranges.address, "Grading oranges",
                          "How many sizes do your buyers ask for?")
    answer = email_from("kilulu.growers@example.org", oranges.address, "Re: Grading oranges",
                        "Mr Juma asks for three sizes.", In_Reply_To=question["Message-ID"])
    later = email_from("joseph.mshana@example.org", oranges.address, "Re: Grading oranges",
                       "And the buyer from Tanga?", In_Reply_To=question["Message-ID"])
    for mail in (question, answer, later):
        receive(mail.as_bytes(), [oranges.address], Source.PIPE)
    second = Message.objects.get(message_id=answer["Message-ID"].strip("<>"))

    sign_in_on(phone, live_server.url, "halima@example.org")
    phone.goto(live_server.url + second.thread.get_absolute_url())
    phone.locator(f"#m{second.pk}").get_by_role("link", name="Reply", exact=True).click()
    assert "Mr Juma asks for three sizes." in phone.content()  # the message answered, above
    phone.get_by_label("Message").fill("Mr Juma pays more for the large ones.")
    phone.get_by_role("button", name="Send").click()

    reply = Message.objects.get(text__startswith="Mr Juma pays more")
    assert reply.parent == second
    assert f"<{second.message_id}>" in bytes(reply.inbound.raw).decode()
    article = phone.locator(f"#m{reply.pk}")
    assert "indent2" in (article.get_attribute("class") or "")  # under the second message
    phone.screenshot(path=output_dir / "reply-to-a-message-360px.png", full_page=True)
    copies = [c for c in smtp_sink.to(oranges.address)
              if "pays more for the large" in c.get_body(("plain",)).get_content()]
    assert copies, "the members got the reply by mail"
    assert copies[0]["In-Reply-To"].strip() == f"<{second.message_id}>"
