"""Background work of the alliance app."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(hour="6", minute="30"))
def task_reminders() -> None:
    """Every morning: reminders of tasks due soon and of overdue ones."""
    from learnlink.alliance.planning.reminders import send_reminders

    send_reminders(timezone.localdate())


@db_periodic_task(crontab(hour="6", minute="40"))
def reflection_questions() -> None:
    """Every morning: the reflection questions to the teams of cycles that have just ended."""
    from learnlink.alliance.reflection.mailing import send_questions

    send_questions(timezone.localdate())
