"""The mentor dashboard's row for write-ups: those whose learner answered (in review), the
longest waiting first, read in one query whatever their number."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from learnlink.mentoring.concerns import concerns
from learnlink.mentoring.models import WriteUpState
from learnlink.mentoring.permissions import followed_groups
from learnlink.mentoring.writeups import actions
from tests.mentoring.writeups.conftest import start


def test_write_ups_the_learner_answered_wait_for_their_mentors(
        writeup, grading, mentor, halima, network, django_assert_max_num_queries):
    by_mentor, by_halima = actions.Actor.on_web(mentor), actions.Actor.on_web(halima)
    waiting = []
    for n in range(12):
        other = start(grading, mentor, halima, network["growers"], title=f"Write-up {n}")
        actions.send_to_learner(other, by_mentor)
        actions.comment(other, "Two changes, please.", by_halima)
        waiting.append(other)
    actions.send_to_learner(writeup, by_mentor)  # with the learner: her turn, not his
    approved = waiting.pop()
    actions.approve(approved, by_halima, publish=True)

    [concern] = [c for c in concerns() if c.key == "writeups"]
    groups = followed_groups(mentor)
    with django_assert_max_num_queries(1):
        rows = [concern.row(found) for found in concern.rows(groups, timezone.now())[:25]]
    assert [row.text for row in rows] == [
        f"Halima Omari answered on the write-up “Write-up {n}”" for n in range(11)]
    first = waiting[0]
    assert rows[0].url == first.get_absolute_url()
    assert rows[0].action_url == reverse("mentoring:writeups:edit", args=[first.pk])
    assert rows[0].group == grading.group and rows[0].when == first.updated
    assert {w.state for w in waiting} == {WriteUpState.IN_REVIEW}
