"""A group's notices read in its language from the first word to the last: the names of
delivery modes, hold reasons and dates too. Each notice really goes out, and is read from the
SMTP sink."""

from email.message import EmailMessage

import pytest
from django.test.signals import template_rendered

from tests.catalogue import english_in
from tests.conftest import email_from

STRANGER = "daudi@example.net"
MEMBER = "asha@example.org"


def text_of(message: EmailMessage) -> str:
    """Subject and every text part, as the reader's mail program shows them."""
    parts = [str(message["Subject"])]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts.append(part.get_content())
    return "\n".join(parts)


@pytest.mark.parametrize("language", ["sw", "fr"])
def test_every_notice_of_a_group_is_in_its_language(language, network, mentor, smtp_sink,
                                                    mail_server):
    from learnlink.exchange import moderation, subscriptions
    from learnlink.exchange.digests import build
    from learnlink.exchange.membership import add_member, create_group
    from learnlink.exchange.models import HeldMessage, Membership, Message

    group = create_group("wakulima", "Wakulima wa machungwa", language=language)
    add_member(group, "joseph.mshana@example.org", role="mentor")
    rendered: list[str] = []

    def note(sender: object, template: object, **kwargs: object) -> None:
        rendered.append(str(getattr(template, "name", "")))

    template_rendered.connect(note)
    try:
        request = subscriptions.ask_to_join(group, MEMBER, "Asha")        # confirm_join
        membership = subscriptions.confirm_join(request)                   # welcome
        subscriptions.change_mode(membership, "daily", MEMBER)             # mode_changed
        mail_server.send(email_from(MEMBER, group.address, "Bei ya machungwa",
                                    "Wanunuzi wanalipa kiasi gani wiki hii?"), group.address)
        mail_server.send(email_from(STRANGER, group.address, "Habari",
                                    "Naomba kujiunga."), group.address)    # held
        moderation.reject(HeldMessage.objects.get(), mentor, "Jiunge kwanza.")  # rejected
        build(group, "daily", list(Message.objects.filter(group=group)))   # digest
        subscriptions.leave(Membership.objects.get(group=group, person__name="Asha"),
                            MEMBER)                                        # goodbye
    finally:
        template_rendered.disconnect(note)

    sent = {template.rsplit("/", 1)[-1] for template in rendered if "/email/" in template}
    assert {"confirm_join.txt", "welcome.txt", "mode_changed.txt", "held.txt",
            "rejected.txt", "digest.txt", "digest.html", "footer.txt",
            "goodbye.txt"} <= sent
    english = {str(message["Subject"]): found for message in smtp_sink.messages
               if (found := english_in(text_of(message), language))}
    assert len(smtp_sink.messages) >= 8
    assert english == {}
    texts = [text_of(message) for message in smtp_sink.messages]
    assert not [text for text in texts if "daily digest" in text], "a mode named in English"
