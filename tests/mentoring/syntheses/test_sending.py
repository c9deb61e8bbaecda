"""A published synthesis sent to the group: a message of the discussion, taken through the
same path as any mail to the group (inbox, parsing, threading, archive, delivery). It is
archived in the thread it synthesises, under its latest message, and each member who takes
every message receives it, threaded under the discussion in their mail program too."""

from __future__ import annotations

from django.urls import reverse

from learnlink.exchange.models import Message, Thread
from learnlink.mail.models import InboundMessage, Source, State
from learnlink.mentoring.models import Synthesis
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Item
from tests.mentoring.syntheses.conftest import SOROTI, thread_titled

JACKSON = "20031010130000.8562d669@example.net"
LATEST = "20031104123000.f29e9035@example.net"  # Jackson's answer, the thread's last message
HALIMA, JOSEPH, KILULU = "halima@example.org", "joseph.mshana@example.org", \
    "kilulu.growers@example.org"


def synthesis_of(threads, mentor, publish: bool = True) -> Synthesis:
    synthesis = services.start(
        threads[0].group, threads, title="How the warehouse receipts work", language="en",
        content=Content([Item("Members borrow from the SACCO against the receipt.", JACKSON)],
                        "Nobody is forced to keep maize in the store."), by=mentor)
    if publish:
        services.publish(synthesis)
    return synthesis


def test_sent_to_the_group_it_is_archived_under_the_discussion_and_delivered(
        client, mentor, warehouse, mailboxes):
    synthesis = synthesis_of([warehouse], mentor)
    client.force_login(mentor)
    preview = client.get(reverse("mentoring:synthesis_send", args=[synthesis.pk]))
    assert "Members borrow from the SACCO against the receipt." in preview.content.decode()

    response = client.post(reverse("mentoring:synthesis_send", args=[synthesis.pk]))
    synthesis.refresh_from_db()
    sent = Message.objects.get(pk=synthesis.sent_as_id)
    assert response["Location"] == sent.get_absolute_url()
    assert sent.thread_id == warehouse.pk, "archived in the thread it synthesises"
    assert sent.parent == Message.objects.get(group=warehouse.group, message_id=LATEST)
    assert "Members borrow from the SACCO against the receipt." in sent.text
    inbound = InboundMessage.objects.get(pk=sent.inbound_id)
    assert (inbound.source, inbound.state) == (Source.WEB, State.DONE)
    assert b"Members borrow from the SACCO" in bytes(inbound.raw), "the raw mail is kept"

    for member in (HALIMA, KILULU):
        [copy] = mailboxes.of(member)
        assert str(copy["Subject"]) == f"Re: {warehouse.subject}"
        assert copy["In-Reply-To"] == f"<{LATEST}>"
        assert f"<{LATEST}>" in copy["References"]
        assert "Joseph Mshana via Muheza orange growers" in str(copy["From"])
        body = copy.get_body(("plain",)).get_content()
        assert "Members borrow from the SACCO against the receipt." in body
        assert f"/groups/{warehouse.group.slug}/messages/" in body, "each point's link"
    assert mailboxes.of(JOSEPH) == [], "the mentor who sent it has it already"
    page = client.get(warehouse.get_absolute_url()).content.decode()
    assert page.count("Members borrow from the SACCO against the receipt.") == 2, \
        "on top of the thread, and as its latest message"


def test_a_synthesis_of_several_threads_starts_a_thread_of_its_own(
        client, mentor, warehouse, receipts, mailboxes):
    soroti = thread_titled(receipts, SOROTI)
    synthesis = synthesis_of([warehouse, soroti], mentor)
    client.force_login(mentor)
    client.post(reverse("mentoring:synthesis_send", args=[synthesis.pk]))
    sent = Message.objects.get(pk=Synthesis.objects.get().sent_as_id)
    assert sent.thread_id not in (warehouse.pk, soroti.pk)
    assert Thread.objects.get(pk=sent.thread_id).subject == \
        "Synthesis: How the warehouse receipts work"
    [copy] = mailboxes.of(HALIMA)
    assert copy["In-Reply-To"] is None


def test_a_draft_is_not_sent_and_the_mentor_is_told_why(client, mentor, warehouse, mailboxes):
    synthesis = synthesis_of([warehouse], mentor, publish=False)
    client.force_login(mentor)
    response = client.post(reverse("mentoring:synthesis_send", args=[synthesis.pk]))
    assert response.status_code == 400
    assert "Publish the synthesis before you send it" in response.content.decode()
    assert Message.objects.filter(thread=warehouse).count() == 5
    assert mailboxes.of(HALIMA) == []


def test_only_a_mentor_sends(client, learner, warehouse, mentor, mailboxes):
    synthesis = synthesis_of([warehouse], mentor)
    client.force_login(learner)
    assert client.post(reverse("mentoring:synthesis_send", args=[synthesis.pk])).status_code \
        == 404
    assert mailboxes.of(HALIMA) == []
