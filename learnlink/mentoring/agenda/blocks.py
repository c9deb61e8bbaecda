"""Where the agenda shows outside its own pages, registered from MentoringConfig.ready(): the
topic's latest synthesis on its page (through mentoring.topic_blocks, as the knowledge app's
practices will be), its dialogue's stage above each linked thread (exchange.thread_blocks) and
at the top of the group's digests (exchange.digest_leads)."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from learnlink.exchange.digest_leads import Lead
from learnlink.exchange.models import Group, Thread
from learnlink.exchange.thread_blocks import Block as ThreadBlock
from learnlink.lib.dates import shown as dated
from learnlink.lib.links import absolute
from learnlink.mentoring.agenda.actions import OPEN_STATES
from learnlink.mentoring.agenda.dialogues import running, running_in
from learnlink.mentoring.models import Synthesis, Topic
from learnlink.mentoring.permissions import may_read_agenda, may_steer_agenda
from learnlink.mentoring.syntheses.showing import reader_version
from learnlink.mentoring.topic_blocks import Block as TopicBlock


def synthesis_block(request: HttpRequest, topic: Topic) -> dict[str, Any] | None:
    """The newest published synthesis naming the topic, in the reader's language."""
    synthesis = (Synthesis.objects.published().filter(topic=topic).with_latest()
                 .order_by("-published", "-pk").first())
    found = (reader_version(synthesis, get_language() or topic.group.language)
             if synthesis else None)
    return {"shown": found} if found else None


def thread_block(request: HttpRequest, group: Group, thread: Thread) -> dict[str, Any] | None:
    """The topics the thread is linked to, each with its dialogue's stage; for a mentor also
    the way to link it to another topic. None when there is nothing for this reader."""
    mentor = may_steer_agenda(request.user, group)
    topics = list(thread.agenda_topics.select_related("dialogue").order_by("title"))
    if not topics and not mentor:
        return None
    today = timezone.localdate()
    shown = [(topic, running(topic.dialogue, today) if hasattr(topic, "dialogue") else None)
             for topic in topics]
    linked = {topic.pk for topic in topics}
    choices = ([topic for topic in group.agenda_topics.filter(state__in=OPEN_STATES)
                .order_by("title")[:50] if topic.pk not in linked] if mentor else [])
    return {"topics": shown, "mentor": mentor, "choices": choices,
            "reader": mentor or may_read_agenda(request.user, group)}


def digest_leads(group: Group, since: datetime.datetime, until: datetime.datetime,
                 language: str) -> list[Lead]:
    """Each running dialogue of the group, with its stage, in every digest while it runs."""
    leads = []
    with translation.override(language):
        for now in running_in(group, timezone.localdate(until)):
            topic = now.dialogue.topic
            leads.append(Lead(
                title=_("Dialogue: %(topic)s") % {"topic": topic.title},
                text=_("Stage: %(stage)s, until %(date)s. Take part by replying in its "
                       "threads.") % {"stage": now.stage.label,
                                      "date": dated(now.last_day, "day")},
                url=absolute(topic.get_absolute_url())))
    return leads


SYNTHESIS = TopicBlock("synthesis", "mentoring/agenda/synthesis_block.html", synthesis_block)
THREAD = ThreadBlock("agenda", "mentoring/agenda/thread_block.html", thread_block, "top")
