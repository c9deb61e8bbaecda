"""Who may post, and what happens to everything else: held, quarantined or rejected, with a
reason, never lost."""

import pytest

from learnlink.exchange.models import HeldMessage, Message
from learnlink.mail.models import InboundMessage, State
from tests.conftest import email_from

GROUP = "muheza-oranges@learnlink.localhost"


def inbound_for(subject: str) -> InboundMessage:
    return next(i for i in InboundMessage.objects.all() if subject.encode() in bytes(i.raw))


def test_a_farmer_group_member_posts_from_its_shared_address(mail_server, oranges):
    mail_server.send(email_from("kilulu.growers@example.org", GROUP, "We found a buyer",
                                "Mohamed Enterprises will collect on Friday."), GROUP)
    assert Message.objects.get(subject="We found a buyer").sender.name == "Mwanaisha Shabani"


def test_a_non_members_message_waits_for_a_moderator(mail_server, oranges):
    mail_server.send(email_from("Daudi <daudi@example.net>", GROUP, "Can I join?",
                                "I grow oranges in Lushoto."), GROUP)
    held = HeldMessage.objects.get()
    assert (held.sender_address, held.reason) == (
        "daudi@example.net", "the sender is not a member of the group")
    assert not Message.objects.exists()
    assert inbound_for("Can I join?").reason.startswith("held for a moderator")


def test_an_open_group_takes_anyones_mail(mail_server, oranges):
    oranges.posting_policy = "open"
    oranges.save()
    mail_server.send(email_from("daudi@example.net", GROUP, "Hello", "From Lushoto"), GROUP)
    assert Message.objects.filter(subject="Hello").exists()


def test_a_moderated_group_holds_learners_but_not_its_mentors(mail_server, oranges):
    oranges.posting_policy = "moderated"
    oranges.save()
    mail_server.send(email_from("halima@example.org", GROUP, "From a learner", "x"), GROUP)
    mail_server.send(email_from("joseph.mshana@example.org", GROUP, "From the mentor", "y"),
                     GROUP)
    assert HeldMessage.objects.get().subject == "From a learner"
    assert Message.objects.get().subject == "From the mentor"


@pytest.mark.parametrize(("headers", "reason"), [
    ({"Auto_Submitted": "auto-replied"}, "auto"),
    ({"Precedence": "bulk"}, "bulk"),
    ({"List_Id": "Muheza <muheza-oranges.learnlink.localhost>"}, "loop"),
    ({"X_Loop": "muheza-oranges@learnlink.localhost"}, "loop"),
])
def test_auto_replies_and_our_own_mail_coming_back_are_quarantined(mail_server, oranges,
                                                                   headers, reason):
    mail_server.send(email_from("halima@example.org", GROUP, "Out of office", "Away", **headers),
                     GROUP)
    inbound = InboundMessage.objects.get()
    assert inbound.state == State.QUARANTINED
    assert reason in inbound.reason.lower()
    assert not Message.objects.exists()


def test_a_message_over_the_size_limit_is_quarantined_not_refused(mail_server, oranges):
    oranges.size_limit = 2000
    oranges.save()
    mail_server.send(email_from("halima@example.org", GROUP, "Photos", "x" * 5000), GROUP)
    inbound = InboundMessage.objects.get()
    assert inbound.state == State.QUARANTINED
    assert "larger than the group's limit" in inbound.reason


def test_the_same_message_id_twice_is_one_message(mail_server, oranges):
    message = email_from("halima@example.org", GROUP, "Retry", "Sent twice",
                         message_id="<retry-1@example.org>")
    mail_server.send(message, GROUP)
    mail_server.send(message, GROUP)
    assert Message.objects.filter(message_id="retry-1@example.org").count() == 1
    assert InboundMessage.objects.count() == 2, "both copies are kept as received"
    assert "already in the archive" in InboundMessage.objects.order_by("pk").last().reason


def test_a_message_without_message_id_gets_a_stable_one(mail_server, oranges):
    raw = b"From: halima@example.org\r\nSubject: No id\r\n\r\nHabari\r\n"
    mail_server.send(raw, GROUP)
    mail_server.send(raw, GROUP)
    [message] = Message.objects.all()
    assert message.message_id.endswith("@learnlink.invalid")


def test_mail_from_a_members_old_address_is_accepted_and_attributed(mail_server, oranges,
                                                                    network):
    import datetime

    from learnlink.people.addresses import change_address

    change_address(network["chair"], "mwanaisha@example.com", on=datetime.date(2010, 1, 1))
    mail_server.send(email_from("kilulu.growers@example.org", GROUP, "Old habits", "Still"),
                     GROUP)
    assert Message.objects.get().sender == network["chair"]


def test_anything_stored_before_a_crash_is_processed_at_start_up(oranges):
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from learnlink.mail.tasks import enqueue_pending

    raw = email_from("halima@example.org", GROUP, "Before the crash", "x").as_bytes()
    receive(raw, [GROUP], Source.PIPE, process=False)
    assert InboundMessage.objects.get().state == State.PENDING

    assert enqueue_pending() == 1
    assert Message.objects.get().subject == "Before the crash"
