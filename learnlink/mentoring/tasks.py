"""Background work of the mentoring app: each tool's tasks, in its own package, are imported
here, where Huey looks for them; the mentors' morning summary is the app's own."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from learnlink.mentoring.labels.tasks import label_new_posts, retrain_labeller
from learnlink.mentoring.nudges.tasks import hourly_nudges, weekly_nudge_summary

__all__ = ["dialogue_stages", "hourly_nudges", "label_new_posts", "morning_summary",
           "retrain_labeller", "weekly_nudge_summary"]


@db_periodic_task(crontab(hour="7", minute="0"))
def morning_summary() -> None:
    """Every morning: each mentor hears what needs them in the groups they follow."""
    from learnlink.mentoring.dashboard.summary import send_morning_summaries

    send_morning_summaries(timezone.localdate())


@db_periodic_task(crontab(minute="15"))
def dialogue_stages() -> None:
    """Every hour: the participants of each dialogue hear, once, that its current stage is
    open (hourly, so a stage that opens today is announced today, whatever the time zone)."""
    from learnlink.mentoring.agenda.dialogues import send_stage_reminders

    send_stage_reminders(timezone.localdate())
