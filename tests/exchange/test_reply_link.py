"""The thread page's "Reply by email" link: a mail written exactly as it says lands in the thread,
below the message it answers."""

import html
import re
from email.message import EmailMessage
from urllib.parse import unquote

from django.urls import reverse

from learnlink.exchange.display import reply_link
from learnlink.exchange.models import Message, Thread
from tests.conftest import email_from

GROUP = "muheza-oranges@learnlink.localhost"


def reply_links(page: str) -> list[str]:
    return [html.unescape(link) for link in
            re.findall(r'<a href="(mailto:[^"]*)">Reply by email</a>', page)]


def fields(link: str) -> tuple[str, dict[str, str]]:
    """A mailto's address and header fields as RFC 6068 reads them ("+" is not a space)."""
    address, _, query = link.removeprefix("mailto:").partition("?")
    pairs = (pair.split("=", 1) for pair in query.split("&"))
    return unquote(address), {unquote(name): unquote(value) for name, value in pairs}


def test_a_reply_sent_as_the_link_says_lands_below_the_message_it_answers(
        client, mail_server, oranges):
    mail_server.send(email_from("halima@example.org", GROUP, "Bei ya machungwa", "Ni ngapi?",
                                message_id="<q1@example.org>"), GROUP)
    mail_server.send(email_from("joseph.mshana@example.org", GROUP, "Re: Bei ya machungwa",
                                "Shilingi 120.", message_id="<r1@example.org>",
                                In_Reply_To="<q1@example.org>"), GROUP)
    thread = Thread.objects.get(group=oranges)
    page = client.get(thread.get_absolute_url()).content.decode()
    address, link = fields(reply_links(page)[1])  # the reply's own link

    assert address == GROUP
    assert link == {"subject": "Re: Bei ya machungwa", "In-Reply-To": "<r1@example.org>"}

    answer = EmailMessage()
    answer["From"], answer["To"] = "halima@example.org", address
    answer["Subject"], answer["In-Reply-To"] = link["subject"], link["In-Reply-To"]
    answer.set_content("Asante, tutauza Ijumaa.")
    with mail_server.smtp() as smtp:
        smtp.send_message(answer)

    posted = Message.objects.get(text__startswith="Asante, tutauza")
    assert (posted.thread_id, posted.parent.message_id) == (thread.pk, "r1@example.org")
    group_page = client.get(reverse("exchange:group", args=[oranges.slug])).content.decode()
    assert group_page.count("Bei ya machungwa") == 1
    assert "2 replies" in group_page


def test_the_link_percent_encodes_every_field_as_rfc_6068_asks() -> None:
    link = reply_link(GROUP, "Jibu: RE: Mbolea & samadi? 100% – bei", "a+b/c@x.example.org")

    assert link == (f"mailto:{GROUP}?subject=Re%3A%20Mbolea%20%26%20samadi%3F%20100%25%20"
                    "%E2%80%93%20bei&In-Reply-To=%3Ca%2Bb%2Fc@x.example.org%3E")
    assert fields(link)[1] == {"subject": "Re: Mbolea & samadi? 100% – bei",
                               "In-Reply-To": "<a+b/c@x.example.org>"}
