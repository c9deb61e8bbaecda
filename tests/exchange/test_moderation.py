"""Moderators approve, reject with a reason the sender receives, add members, ban, release."""

from django.urls import reverse

from learnlink.exchange.models import HeldMessage, Membership, Message
from learnlink.mail.models import InboundMessage, State
from tests.conftest import email_from

GROUP = "muheza-oranges@learnlink.localhost"


def hold_one(mail_server, subject="Can I join?", sender="daudi@example.net"):
    mail_server.send(email_from(f"Daudi Tlatla <{sender}>", GROUP, subject, "From Lushoto."),
                     GROUP)
    return HeldMessage.objects.get(subject=subject)


def test_the_mentor_sees_what_waits_and_approves_it(client, mail_server, oranges, mentor):
    held = hold_one(mail_server)
    client.force_login(mentor)
    page = client.get(reverse("exchange:moderation", args=[oranges.slug])).content.decode()
    assert "Can I join?" in page and "daudi@example.net" in page

    client.post(reverse("exchange:approve", args=[oranges.slug, held.pk]))

    assert Message.objects.get().subject == "Can I join?"
    held.refresh_from_db()
    assert (held.status, held.decided_by) == ("approved", mentor)


def test_approve_and_add_makes_the_sender_a_member(client, mail_server, oranges, mentor):
    held = hold_one(mail_server)
    client.force_login(mentor)
    client.post(reverse("exchange:approve_and_add", args=[oranges.slug, held.pk]))
    assert Membership.objects.filter(group=oranges, person__name="Daudi Tlatla").exists()

    mail_server.send(email_from("daudi@example.net", GROUP, "Thank you", "Asante"), GROUP)
    assert Message.objects.filter(subject="Thank you").exists()


def test_a_rejection_reaches_the_sender_with_the_reason(client, mail_server, oranges, mentor,
                                                        smtp_sink):
    held = hold_one(mail_server)
    client.force_login(mentor)
    client.post(reverse("exchange:reject", args=[oranges.slug, held.pk]),
                {"reason": "Please ask the mentor to add you first."})

    held_notice, notice = smtp_sink.to("daudi@example.net")
    assert "waits for a moderator" in held_notice["Subject"]
    assert notice["Subject"] == "Not posted: Can I join?"
    assert "Please ask the mentor to add you first." in notice.get_content()
    assert InboundMessage.objects.get().state == State.REJECTED


def test_always_reject_turns_away_the_next_message_too(client, mail_server, oranges, mentor):
    held = hold_one(mail_server)
    client.force_login(mentor)
    client.post(reverse("exchange:ban", args=[oranges.slug, held.pk]))
    mail_server.send(email_from("daudi@example.net", GROUP, "Again", "Buy my pills"), GROUP)

    assert not HeldMessage.objects.filter(subject="Again").exists()
    assert InboundMessage.objects.order_by("pk").last().reason == (
        "daudi@example.net is always rejected here")


def test_a_learner_cannot_moderate(client, mail_server, oranges, learner):
    held = hold_one(mail_server)
    client.force_login(learner)
    assert client.get(reverse("exchange:moderation", args=[oranges.slug])).status_code == 404
    client.post(reverse("exchange:approve", args=[oranges.slug, held.pk]))
    assert not Message.objects.exists()


def test_a_quarantined_auto_reply_can_be_released_or_deleted(client, mail_server, oranges,
                                                             mentor):
    for subject in ("Auto reply one", "Auto reply two"):
        mail_server.send(email_from("halima@example.org", GROUP, subject, "I am away",
                                    Auto_Submitted="auto-replied"), GROUP)
    first, second = InboundMessage.objects.order_by("pk")
    client.force_login(mentor)
    page = client.get(reverse("exchange:quarantine", args=[oranges.slug])).content.decode()
    assert page.count("auto-repl") >= 2

    client.post(reverse("exchange:release", args=[oranges.slug, first.pk]))
    client.post(reverse("exchange:delete", args=[oranges.slug, second.pk]))

    assert Message.objects.get().subject == "Auto reply one"
    assert list(InboundMessage.objects.values_list("pk", flat=True)) == [first.pk]


def test_the_sender_hears_once_a_day_that_their_message_waits(mail_server, oranges, smtp_sink):
    hold_one(mail_server, "First try")
    hold_one(mail_server, "Second try")

    [notice] = smtp_sink.to("daudi@example.net")
    assert notice["Subject"] == "Muheza orange growers: your message waits for a moderator"
    assert '"First try"' in notice.get_content()
    assert notice["Auto-Submitted"] == "auto-replied"
