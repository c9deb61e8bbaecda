"""An approved, published write-up becomes a draft practice in one click of its group's mentor."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.urls import reverse

from learnlink.knowledge.models import Practice
from learnlink.mentoring.writeups import actions
from learnlink.mentoring.writeups.drafts import quotable
from tests.knowledge.conftest import posted


def approved_writeup(oranges, mentor: User, publish: bool):
    thread = posted(oranges, "Grading oranges")
    halima = oranges.memberships.get(person__name="Halima Omari").person
    coach = actions.Actor.on_web(mentor)
    writeup = actions.start_from_thread(
        actions.Start(oranges, halima, None, "Grading at Kilulu", "en"), thread,
        quotable(thread), coach)
    actions.send_to_learner(writeup, coach)
    actions.approve(writeup, actions.Actor.on_web(halima.user), publish=publish)
    return writeup


def test_a_mentor_turns_a_published_writeup_into_a_draft_practice(client, oranges, mentor):
    writeup = approved_writeup(oranges, mentor, publish=True)
    client.force_login(mentor)
    assert "Grading at Kilulu" in client.get(reverse("knowledge:new")).content.decode()

    url = reverse("knowledge:from_writeup", args=[writeup.pk])
    response = client.post(url)

    practice = Practice.objects.get()
    assert response["Location"] == reverse("knowledge:edit", args=[practice.pk])
    assert (practice.title, practice.state, practice.done) == (
        "Grading at Kilulu", "draft", writeup.text)
    assert list(practice.authors.all()) == [writeup.learner]
    assert list(practice.threads.all()) == [writeup.thread]
    assert practice.mentor == mentor.person
    client.post(url)
    assert Practice.objects.count() == 1, "once per write-up"


def test_a_writeup_not_to_be_published_stays_where_it_is(client, oranges, mentor, learner):
    writeup = approved_writeup(oranges, mentor, publish=False)
    client.force_login(mentor)

    assert client.post(reverse("knowledge:from_writeup", args=[writeup.pk])).status_code == 404
    client.force_login(learner)
    assert client.post(reverse("knowledge:from_writeup", args=[writeup.pk])).status_code == 404
    assert not Practice.objects.exists()
