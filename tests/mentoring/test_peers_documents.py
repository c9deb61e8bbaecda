"""The mentors' own documents are evidence of who has done what: a published write-up speaks
for its learner and their organisation, a published synthesis for the people whose messages
its points come from."""

import pytest
from django.urls import reverse

from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.mentoring.introductions.evidence import resolve_evidence
from learnlink.mentoring.models import WriteUp, WriteUpState
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Item
from tests.conftest import email_from


def found(client, question: str) -> str:
    return client.get(reverse("mentoring:peers"), {"q": question}).content.decode()


@pytest.mark.django_db
def test_a_published_write_up_finds_its_learner_and_organisation(client, network, oranges):
    story = WriteUp.objects.create(
        group=oranges, origin="guide", learner=network["chair"], organisation=network["spies"],
        language="en", title="Market spies on the Babati billboards",
        text="We chalk the rice prices of five markets on a billboard every Monday.",
        state=WriteUpState.APPROVED, publish=True)

    page = found(client, "who chalks market prices on a billboard?")

    assert story.get_absolute_url() in page, "the write-up is the evidence"
    assert "Babati Market Spies" in page and "Mwanaisha Shabani" in page
    story.publish = False
    story.save()
    assert story.get_absolute_url() not in found(client, "who chalks market prices on a billboard?")


@pytest.mark.django_db
def test_a_published_synthesis_finds_the_people_its_points_come_from(client, network, oranges):
    receive(email_from("halima@example.org", oranges.address, "Selling together",
                       "We sold our oranges together.").as_bytes(), [oranges.address],
            Source.PIPE)
    thread = oranges.threads.get()
    message = thread.messages.get()
    synthesis = services.start(oranges, [thread], title="Bulking", language="en", by=None,
                               content=Content([Item("Kilulu bulks its harvest in one store "
                                                     "and sells by tender.", message.message_id)],
                                               "Buyers come to the store."))
    shown_at = f"{thread.get_absolute_url()}#synthesis"
    assert shown_at not in found(client, "who sells by tender?")

    services.publish(synthesis)
    page = found(client, "who sells by tender?")

    assert shown_at in page, "where readers read it: its own page is the mentors'"
    assert synthesis.get_absolute_url() not in page
    assert "Halima Omari" in page, "the author of the message the point comes from"
    assert "Kilulu bulks its harvest" in client.get(shown_at).content.decode()


@pytest.mark.django_db
def test_a_published_write_up_is_evidence_an_introduction_may_mail(network, oranges):
    story = WriteUp.objects.create(
        group=oranges, origin="guide", learner=network["chair"], organisation=network["spies"],
        language="en", title="Market spies on the Babati billboards", text="We chalk prices.",
        state=WriteUpState.APPROVED, publish=True)

    evidence = resolve_evidence(story.get_absolute_url())

    assert evidence is not None and evidence.label == story.title and evidence.group is None
    story.publish = False
    story.save()
    assert resolve_evidence(story.get_absolute_url()) is None, "an unpublished draft is private"
