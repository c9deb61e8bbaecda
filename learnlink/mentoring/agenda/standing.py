"""Where the group stands on a topic, for its page: who supports it, how it moved, its threads
and the open questions asked in them (unanswered first), its workshops. A fixed number of
queries, however long the topic's story."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F

from learnlink.exchange.models import Thread
from learnlink.mentoring.models import Question, Support, Topic, TopicChange, Workshop

THREADS_SHOWN = 20
QUESTIONS_SHOWN = 10
HISTORY_SHOWN = 50


@dataclass(frozen=True)
class Standing:
    supports: list[Support]
    history: list[TopicChange]
    threads: list[Thread]
    questions: list[Question]
    workshops: list[Workshop]


def standing(topic: Topic) -> Standing:
    threads = topic.threads.all()
    questions = (Question.objects.filter(message__thread__in=threads)
                 .order_by(F("answered").asc(nulls_first=True), "-asked")[:QUESTIONS_SHOWN])
    return Standing(
        supports=list(topic.supports.select_related("person", "organisation")
                      .order_by("created", "pk")),
        history=list(TopicChange.objects.filter(topic=topic).history()[:HISTORY_SHOWN]),
        threads=list(threads.order_by("-last_activity")[:THREADS_SHOWN]),
        questions=list(questions),
        workshops=list(topic.workshops.order_by("-date")),
    )
