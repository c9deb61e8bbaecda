"""Background work of the mentoring app."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(hour="7", minute="0"))
def morning_summary() -> None:
    """Every morning: each mentor hears what needs them in the groups they follow."""
    from learnlink.mentoring.dashboard.summary import send_morning_summaries

    send_morning_summaries(timezone.localdate())
