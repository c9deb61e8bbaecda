"""The demo's nudges: after `learnlink demo`, its outbox holds polite reminders drawn from the
demo network's own archive (questions nobody answered, a plan from months ago with no news:
no group is quiet once all the demo's mail is in), in each
reader's language, and the demo says so in one line; loading it again sends nothing more."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command

from learnlink.mentoring.models import Nudge

LINE = re.compile(r"^nudges: (\d+) in the outbox \((\d+) for quiet groups, (\d+) for "
                  r"questions, (\d+) for plans with no news\)$", re.M)


@pytest.fixture
def demo(transactional_db) -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_the_demo_outbox_holds_nudges_for_waiting_questions_and_an_old_plan(demo, mailoutbox):
    total, quiet, questions, plans = map(int, LINE.search(demo).groups())
    assert questions >= 1 and plans >= 1 and total == quiet + questions + plans
    assert total == Nudge.objects.count()
    assert not Nudge.objects.filter(kind="quiet").exists(), "every demo group wrote this month"
    plan = Nudge.objects.get(kind="plan")
    assert plan.message.date is not None
    subjects = {message.subject for message in mailoutbox}  # the tests' outbox
    assert any(s.startswith(("Ilikwendaje?", "How did it go?"))
               for s in subjects), "the plan's reminder, in its reader's language"
    assert any(s.endswith((" waits for an answer", " linasubiri jibu")) for s in subjects)

    again = StringIO()
    call_command("demo", stdout=again)
    assert LINE.search(again.getvalue()).groups() == LINE.search(demo).groups()
