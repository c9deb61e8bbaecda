"""The demo's nudges: the worker's hourly run, at ten in the morning of the demo's day, over
the demo network's own archive: its quiet groups and its plans from months ago that nobody
followed up get their polite reminders, queued in the outbox like any mail."""

from __future__ import annotations

import datetime

from django.db.models import Count
from django.utils import timezone

from learnlink.mentoring.models import Nudge
from learnlink.mentoring.nudges.sending import send_nudges

DEMO_HOUR = datetime.time(10, 0)


def load_demo() -> str:
    send_nudges(timezone.localtime().replace(hour=DEMO_HOUR.hour, minute=DEMO_HOUR.minute))
    kinds = dict(Nudge.objects.values_list("kind").annotate(n=Count("pk")).order_by())
    return (f"nudges: {sum(kinds.values())} in the outbox ({kinds.get('quiet', 0)} for quiet "
            f"groups, {kinds.get('question', 0)} for questions, {kinds.get('plan', 0)} for "
            f"plans with no news)")
