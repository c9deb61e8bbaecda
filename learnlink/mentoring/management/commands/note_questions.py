"""`learnlink note_questions`: the mentor dashboard's questions read from the whole archive."""

from typing import Any

from django.core.management.base import BaseCommand

from learnlink.mentoring.dashboard.questions import note_all_questions
from learnlink.mentoring.models import Question


class Command(BaseCommand):
    help = ("Note the questions of every archived message and which are answered, as the "
            "archive does for each new message. Run it once on an archive older than the "
            "mentor dashboard; running it again changes nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        read = note_all_questions()
        waiting = Question.objects.filter(answered__isnull=True).count()
        self.stdout.write(f"{read} messages read; {waiting} questions wait for an answer")
