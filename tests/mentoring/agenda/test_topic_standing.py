"""A topic's page shows where the group stands: its linked threads (linked by a mentor from the
topic page or the thread page), the open questions asked in them (unanswered first), and the
latest published synthesis that names it (through mentoring.topic_blocks)."""

from __future__ import annotations

from django.urls import reverse

from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.mentoring.agenda import actions
from learnlink.mentoring.models import Question
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Item
from tests.conftest import email_from
from tests.mentoring.agenda.conftest import proposed


def thread_of(people, subject: str, body: str):
    message = email_from("halima@example.org", people.group.address, subject, body)
    receive(message.as_bytes(), [people.group.address], Source.PIPE)
    return people.group.threads.get(subject=subject)


def test_a_mentor_links_threads_from_the_topic_page_and_from_the_thread_page(client, people):
    topic = proposed(people)
    grading = thread_of(people, "Grading before the lorry", "We grade in three sizes.")
    price = thread_of(people, "The juice factory's price", "They offer 150 a kilo.")
    client.force_login(people.mentor)
    client.post(reverse("mentoring:agenda_link", args=[people.group.slug]), {
        "topic": topic.pk, "thread": grading.pk, "next": topic.get_absolute_url()})
    thread_page = client.get(price.get_absolute_url()).content.decode()
    assert "Link to a topic of the agenda" in thread_page
    response = client.post(reverse("mentoring:agenda_link", args=[people.group.slug]), {
        "topic": topic.pk, "thread": price.pk, "next": price.get_absolute_url()}, follow=True)

    assert response.redirect_chain[-1][0] == price.get_absolute_url()
    assert "On the learning agenda" in response.content.decode()
    assert set(topic.threads.all()) == {grading, price}
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "Grading before the lorry" in page and "The juice factory&#x27;s price" in page


def test_a_learner_sees_the_topic_on_the_thread_but_cannot_link(client, people):
    topic = proposed(people)
    thread = thread_of(people, "Grading before the lorry", "We grade in three sizes.")
    actions.link_thread(topic, thread)
    client.force_login(people.learner)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "On the learning agenda" in page and topic.title in page
    assert "Link to a topic of the agenda" not in page
    assert client.post(reverse("mentoring:agenda_link", args=[people.group.slug]), {
        "topic": topic.pk, "thread": thread.pk}).status_code == 404


def test_open_questions_of_the_linked_threads_come_unanswered_first(client, people):
    topic = proposed(people)
    for subject, body in [("The juice factory's price", "Who pays the lorry to Tanga?"),
                          ("Crates", "Should we use plastic or wooden crates?")]:
        actions.link_thread(topic, thread_of(people, subject, body))
    lorry = Question.objects.get(text__contains="lorry")
    Question.objects.filter(pk=lorry.pk).update(answered=lorry.asked)
    client.force_login(people.learner)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert page.index("plastic or wooden crates?") < page.index("Who pays the lorry to Tanga?")
    assert "not answered yet" in page


def test_the_latest_synthesis_naming_the_topic_shows_on_its_page(client, people):
    topic = proposed(people)
    thread = thread_of(people, "Grading before the lorry", "We grade in three sizes.")
    synthesis = services.start(people.group, [thread], title="Grading at Kilulu", language="en",
                               content=Content([Item("Three sizes.", "")], "Agreed."), by=None)
    client.force_login(people.mentor)
    client.post(reverse("mentoring:agenda_synthesis", args=[people.group.slug, topic.pk]),
                {"synthesis": synthesis.pk})
    synthesis.refresh_from_db()
    assert synthesis.topic == topic
    assert "About the agenda topic:" in client.get(synthesis.get_absolute_url()).content.decode()
    client.force_login(people.learner)
    assert "Grading at Kilulu" not in client.get(topic.get_absolute_url()).content.decode(), \
        "a draft is the mentors' only"
    services.publish(synthesis)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "The latest synthesis of this topic" in page and "Three sizes." in page
