"""Documents for the search tests: a message of a group, with only what a test cares about."""

import datetime

from django.utils import timezone

from learnlink.search.documents import Document

KILULU, BABATI, PRIVATE = 1, 2, 3


def document(object_id: int, subject: str = "", body: str = "", *, group_id: int = KILULU,
             sender: str = "Halima Omari <halima@example.org>",
             day: datetime.date = datetime.date(2024, 3, 1)) -> Document:
    date = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))
    return Document(object_id, group_id, sender, date, subject, body)
