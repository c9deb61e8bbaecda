"""The dashboard's row of threading suggestions waiting: each says what is suggested and leads
to the one-click answers, read in a bounded number of queries however many are waiting."""

from django.utils import timezone

from learnlink.exchange.models import Group
from learnlink.mentoring.concerns import concerns
from learnlink.mentoring.permissions import followed_groups
from tests.mentoring.cleanup.conftest import post


def suggestions_concern():
    [concern] = [c for c in concerns() if c.key == "threading-suggestions"]
    return concern


def test_waiting_suggestions_are_a_dashboard_concern_read_in_one_query(
        talk, group_mentor, django_assert_max_num_queries):
    for n in range(4):
        post(talk.group, "Re: Grading before the lorry", f"Size {n} too.", f"lost{n}@example.org")
    concern = suggestions_concern()
    groups = followed_groups(group_mentor)

    with django_assert_max_num_queries(1):
        rows = [concern.row(message) for message in concern.rows(groups, timezone.now())[:20]]

    assert len(rows) == 4
    assert rows[0].text == ("“Re: Grading before the lorry” (Halima Omari) probably belongs to "
                            "“Grading before the lorry”")
    assert rows[0].action_url.startswith("/mentoring/cleanup/messages/")
    assert rows[0].group == talk.group


def test_a_decided_suggestion_leaves_the_dashboard(talk, mentor):
    from learnlink.mentoring.cleanup import actions

    lost = post(talk.group, "Re: Grading before the lorry", "Four sizes.", "lost@example.org")
    concern = suggestions_concern()
    assert list(concern.rows(Group.objects.all(), timezone.now())) == [lost]

    actions.dismiss_suggestion(mentor, lost)

    assert not concern.rows(Group.objects.all(), timezone.now()).exists()
