"""The reminders by mail alone: each nudge names SLUG+reminders@, where "not now" (in any of
our three languages) pauses the group's reminders to the sender's organisations and "stop"
sends the sender no more, as the two links do. Over our real LMTP server, answered through the
outbox to a real SMTP sink."""

from __future__ import annotations

from learnlink.mail.models import InboundMessage, State
from learnlink.mentoring.nudges.sending import send_nudges
from tests.conftest import email_from
from tests.mentoring.conftest import KILULU, KILULU_MEMBER
from tests.mentoring.test_nudges import circles, local, nudges_to, said_on

__all__ = ["circles"]  # the fixture, shared with the links' tests


def write(mail_server, group, sender: str, words: str) -> InboundMessage:
    address = group.command_address("reminders")
    mail_server.send(email_from(sender, address, f"Re: {group.name} has been quiet", words),
                     address)
    return InboundMessage.objects.filter(recipient=address).latest("pk")


def quiet_spell(mail_server, group) -> None:
    said_on(mail_server, group, "halima@example.org", "Crates", "We bought crates.",
            local(-31, 10))


def test_each_nudge_says_where_to_write(mail_server, circles, smtp_sink):
    quiet_spell(mail_server, circles)
    send_nudges(local(0, 10))
    [nudge] = nudges_to(smtp_sink, KILULU)
    assert f"“not now” or “stop” to {circles.command_address('reminders')}" in \
        nudge.get_content()


def test_not_now_by_mail_pauses_the_organisations_reminders(mail_server, circles, smtp_sink):
    inbound = write(mail_server, circles, KILULU_MEMBER, "Si sasa, asante.")
    assert inbound.state == State.DONE, inbound.reason
    [answer] = smtp_sink.to(KILULU_MEMBER)
    assert "no reminders from Muheza orange growers to Kilulu Orange Growers for 30 days" in \
        answer.get_content()
    quiet_spell(mail_server, circles)
    assert send_nudges(local(0, 10)) == 1, "Babati's market spies only"
    assert nudges_to(smtp_sink, KILULU) == []


def test_stop_by_mail_is_for_the_sender_only(mail_server, circles, smtp_sink):
    write(mail_server, circles, KILULU, "Arrêter")
    assert "will get no more reminders" in smtp_sink.to(KILULU)[0].get_content()
    quiet_spell(mail_server, circles)
    send_nudges(local(0, 10))
    assert nudges_to(smtp_sink, KILULU) == []
    assert len(nudges_to(smtp_sink, KILULU_MEMBER)) == 1


def test_other_words_and_strangers_change_nothing(mail_server, circles, smtp_sink):
    assert write(mail_server, circles, KILULU, "When is the next workshop?").state == \
        State.REJECTED
    assert "Write “not now”" in smtp_sink.to(KILULU)[0].get_content()
    stranger = write(mail_server, circles, "someone@example.com", "stop")
    assert stranger.state == State.REJECTED
    assert "not known to Learnlink" in smtp_sink.to("someone@example.com")[0].get_content()
    quiet_spell(mail_server, circles)
    assert send_nudges(local(0, 10)) == 2
