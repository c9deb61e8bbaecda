"""The worker's schedule of nudges: every hour (quiet hours depend on each group's time zone,
so the hour that suits Kampala is not Dar es Salaam's), and each Monday morning the mentors'
summary of the week's nudges."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(minute="20"))
def hourly_nudges() -> None:
    from learnlink.mentoring.nudges.sending import send_nudges

    send_nudges(timezone.now())


@db_periodic_task(crontab(day_of_week="1", hour="5", minute="0"))
def weekly_nudge_summary() -> None:
    from learnlink.mentoring.nudges.summary import send_weekly_summaries

    send_weekly_summaries(timezone.now())
