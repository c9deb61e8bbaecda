"""Time-boxed dialogues: by default a month for each stage; the stage shows on the topic, on
its threads and at the top of the group's digests; each participant (the inner circle, not
observers) is told once when a stage opens, in their language, through the real relay; a
dialogue closes only with a published synthesis of its topic."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from learnlink.exchange.models import Membership
from learnlink.mentoring.agenda import actions
from learnlink.mentoring.agenda.blocks import digest_leads
from learnlink.mentoring.agenda.dialogues import send_stage_reminders
from learnlink.mentoring.models import Dialogue, DialogueReminder
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Item
from tests.mentoring.agenda.conftest import ATHUMANI, OBSERVER, proposed
from tests.mentoring.agenda.test_topic_standing import thread_of

DAY = datetime.timedelta(days=1)


def running(people, opens: datetime.date) -> Dialogue:
    topic = proposed(people)
    return actions.start_dialogue(topic, people.mentor.person, actions.default_stages(opens))


def test_by_default_each_stage_lasts_a_calendar_month():
    assert actions.default_stages(datetime.date(2027, 1, 31)) == (
        datetime.date(2027, 1, 31), datetime.date(2027, 2, 28), datetime.date(2027, 3, 31),
        datetime.date(2027, 4, 30))


def test_a_mentor_starts_a_dialogue_and_its_stage_shows_on_the_topic_and_threads(client,
                                                                                 people):
    topic = proposed(people)
    thread = thread_of(people, "Selling together", "One lorry for all of us.")
    actions.link_thread(topic, thread)
    client.force_login(people.mentor)
    today = timezone.localdate()
    client.post(reverse("mentoring:agenda_dialogue", args=[people.group.slug, topic.pk]), {
        "opens": today - 40 * DAY, "synthesis_opens": today - 5 * DAY,
        "feedback_opens": today + 25 * DAY, "ends": today + 55 * DAY})
    topic.refresh_from_db()
    assert topic.state == "active" and topic.dialogue.synthesis_opens == today - 5 * DAY

    client.force_login(people.learner)
    assert "synthesis stage, until" in client.get(topic.get_absolute_url()).content.decode()
    assert "Dialogue: synthesis stage, until" in client.get(
        thread.get_absolute_url()).content.decode()


def test_stages_out_of_order_are_refused_and_nothing_starts(client, people):
    topic = proposed(people)
    client.force_login(people.mentor)
    today = timezone.localdate()
    html = client.post(reverse("mentoring:agenda_dialogue", args=[people.group.slug, topic.pk]), {
        "opens": today, "synthesis_opens": today - DAY, "feedback_opens": today + DAY,
        "ends": today + 2 * DAY}, follow=True).content.decode()
    assert "Each stage opens after the one before" in html
    topic.refresh_from_db()
    assert not Dialogue.objects.exists() and topic.state == "proposed"


def test_participants_are_told_once_per_stage_in_their_language(smtp_sink, people):
    Membership.objects.filter(person=people.learner.person).update(role="learner")
    people.athumani.person.languages = "sw"
    people.athumani.person.save(update_fields=["languages"])
    today = timezone.localdate()
    dialogue = running(people, today)

    first = send_stage_reminders(today)
    assert send_stage_reminders(today) == 0, "a stage is announced once"
    told = {reminder.person.name for reminder in DialogueReminder.objects.all()}
    assert told == {"Halima Omari", "Joseph Mshana", "Mwanaisha Shabani", "Athumani Kaniki"}
    assert first == 4 and not smtp_sink.to(OBSERVER), "observers are the outer circle"
    [swahili] = smtp_sink.to(ATHUMANI)
    assert str(swahili["Subject"]).strip() == (
        "Mdahalo “Selling to the Tanga juice factory”: hatua ya majadiliano imeanza")

    assert send_stage_reminders(dialogue.synthesis_opens) == 4
    assert [str(m["Subject"]).strip() for m in smtp_sink.to("halima@example.org")] == [
        "Dialogue “Selling to the Tanga juice factory”: the discussion stage is open",
        "Dialogue “Selling to the Tanga juice factory”: the synthesis stage is open"]


def test_the_running_stage_leads_the_groups_digest(people):
    dialogue = running(people, timezone.localdate() - 35 * DAY)
    now = timezone.now()
    [lead] = digest_leads(people.group, now - DAY, now, "fr")
    assert lead.title == "Dialogue : Selling to the Tanga juice factory"
    assert lead.text.startswith("Étape : synthèse, jusqu’au")
    assert lead.url.endswith(dialogue.topic.get_absolute_url())


def test_a_dialogue_closes_only_with_a_published_synthesis_of_its_topic(client, people):
    dialogue = running(people, timezone.localdate() - 95 * DAY)
    url = reverse("mentoring:agenda_dialogue_close", args=[people.group.slug,
                                                             dialogue.topic.pk])
    client.force_login(people.mentor)
    html = client.post(url, follow=True).content.decode()
    assert "A dialogue closes with a published synthesis of its topic" in html
    dialogue.refresh_from_db()
    assert dialogue.closed is None

    thread = thread_of(people, "Selling together", "One lorry for all of us.")
    synthesis = services.start(people.group, [thread], title="Selling to the factory",
                               language="en", content=Content([Item("One price.", "")], ""),
                               by=None)
    actions.name_topic(synthesis, dialogue.topic)
    services.publish(synthesis)
    html = client.post(url, follow=True).content.decode()
    dialogue.refresh_from_db()
    assert dialogue.synthesis == synthesis and dialogue.closed is not None
    assert "closed on" in html
