"""The labeller's work in the worker: new posts labelled every few minutes, the classifier
retrained each night."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(minute="*/5"))
def label_new_posts() -> None:
    """At most `labelling.BATCH` messages a round: a big import is labelled over a few rounds."""
    from learnlink.mentoring.labels.labelling import label_new_messages

    label_new_messages()


@db_periodic_task(crontab(hour="2", minute="30"))
def retrain_labeller() -> None:
    """Each night, when mail is quiet: train on mentors' corrections and keep the better."""
    from learnlink.mentoring.labels.training import retrain

    retrain()
