"""The mail about agreed tasks, for the catalogue (learnlink.lib.emails), with a sample task of
the demo alliance's Uganda team, built without the database."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.replies.commands import EXAMPLES
from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute_url


def sample_task(days: int) -> dict[str, Any]:
    """The context `reminders._send` gives, for a task due in `days` (late when negative)."""
    due = timezone.localdate() + datetime.timedelta(days=days)
    return {"task": {"title": "First collective sale of sweet potatoes by the groups",
                     "due": due, "deliverable": "Sales record: volume, price and buyer",
                     "owner": {"name": "Sarah Nabukeera"}},
            "plan": {"partner": "CRS Uganda", "cycle": {"number": 3}},
            "alliance": {"name": "CIAT–CRS East Africa Learning Alliance"},
            "days": max(days, 0), "late_by": max(-days, 0),
            "link": absolute_url("alliance:plan", "ciat-crs-east-africa", 3, 9),
            "examples": EXAMPLES}


KINDS = [
    Kind("alliance", "task_due_soon", _("the owner of a task due within a week"),
         lambda: sample_task(3)),
    Kind("alliance", "task_overdue",
         _("the owner of an overdue task, the alliance's coordinators in copy"),
         lambda: sample_task(-5)),
]
