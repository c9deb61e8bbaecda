"""Every change to a group's agenda, as a named function the web, the mail route, the demo and
the tests all call: each checks everything first and raises `Refused` with words for the person
who asked, then writes in one transaction, so a refused request leaves nothing half-done."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from learnlink.exchange.models import Group, Thread
from learnlink.lib.fields import fitted
from learnlink.mentoring.agenda.months import months_later
from learnlink.mentoring.models import (
    Dialogue,
    Support,
    Synthesis,
    Topic,
    TopicChange,
    TopicState,
    Workshop,
)
from learnlink.mentoring.models.agenda import Cause, Via
from learnlink.mentoring.permissions import person_takes_part
from learnlink.people.models import Organisation, Person

# Topics in these states are still being chosen or learned: members support them.
OPEN_STATES = (TopicState.PROPOSED, TopicState.ACTIVE)


class Refused(Exception):
    """What the agenda cannot do, and why, in words for whoever asked (web page or mail)."""

    def __init__(self, reason: str, topic: Topic | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.topic = topic  # the topic the refusal points to, when there is one


def clean_title(title: str) -> str:
    return fitted(Topic, "title", " ".join(title.split()))


def propose(group: Group, person: Person | None, title: str, description: str = "",
            via: Via = Via.WEB, when: datetime.datetime | None = None) -> Topic:
    """A learner's proposal: a new topic of the group's agenda, in state proposed."""
    title = clean_title(title)
    if not title:
        raise Refused(_("A topic needs a few words saying what you want to learn: when you "
                        "write to the agenda's address, the subject is the topic."))
    if not person_takes_part(person, group):
        raise Refused(_("Only the learners and mentors of %(group)s propose topics for its "
                        "agenda.") % {"group": group.name})
    _refuse_twice(group, title)
    with transaction.atomic():
        return _create(group, person, title, description, via, when or timezone.now())


def _refuse_twice(group: Group, title: str) -> None:
    same = group.agenda_topics.filter(title__iexact=title).first()
    if same is not None:
        raise Refused(_("“%(title)s” is on the agenda already: support it there.")
                      % {"title": same.title}, topic=same)


def _create(group: Group, person: Person | None, title: str, description: str, via: Via,
            when: datetime.datetime) -> Topic:
    topic = Topic.objects.create(group=group, title=title, description=description.strip(),
                                 proposed_by=person, via=via, created=when)
    TopicChange.objects.create(topic=topic, by=person, when=when, to_state=TopicState.PROPOSED)
    return topic


def support(topic: Topic, person: Person | None,
            when: datetime.datetime | None = None) -> list[Support]:
    """One vote per organisation: the person's vote counts for each organisation of theirs
    that does not support the topic yet (for themselves if they belong to none); refused when
    every one of them supports it already, saying through whom."""
    if person is None or not person_takes_part(person, topic.group):
        raise Refused(_("Only the learners and mentors of %(group)s support its topics.")
                      % {"group": topic.group.name})
    if topic.state not in OPEN_STATES:
        raise Refused(_("This topic is %(state)s: it takes no more support.")
                      % {"state": TopicState(topic.state).label})
    organisations: list[Organisation | None] = list(
        Organisation.objects.filter(affiliations__person=person).distinct().order_by("pk"))
    given = list(topic.supports.select_related("person", "organisation").filter(
        Q(organisation__in=[o for o in organisations if o]) if organisations
        else Q(person=person, organisation__isnull=True)))
    counted = {support.organisation_id for support in given}
    free = [o for o in organisations or [None] if (o.pk if o else None) not in counted]
    if not free:
        if any(support.person_id == person.pk for support in given):
            raise Refused(_("You support this topic already."))
        raise Refused(_("Your organisation %(organisation)s supports this already, by "
                        "%(person)s.") % {"organisation": given[0].organisation,
                                          "person": given[0].person.name})
    moment = when or timezone.now()
    try:
        with transaction.atomic():
            return [Support.objects.create(topic=topic, person=person, organisation=organisation,
                                           created=moment) for organisation in free]
    except IntegrityError:  # someone of the same organisation, at the same moment
        raise Refused(_("Your organisation supports this already.")) from None


def change_state(topic: Topic, to: str, by: Person | None, note: str = "",
                 when: datetime.datetime | None = None) -> TopicChange:
    if to == topic.state:
        raise Refused(_("The topic is %(state)s already.") % {"state": TopicState(to).label})
    with transaction.atomic():
        return _move(topic, TopicState(to), by, note, when or timezone.now())


def _move(topic: Topic, to: TopicState, by: Person | None, note: str,
          when: datetime.datetime, cause: Cause | None = None,
          workshop: Workshop | None = None) -> TopicChange:
    change = TopicChange.objects.create(topic=topic, by=by, when=when, from_state=topic.state,
                                        to_state=to, note=fitted(TopicChange, "note", note),
                                        cause=cause or "", workshop=workshop)
    topic.state = to
    topic.save(update_fields=["state"])
    return change


@dataclass(frozen=True)
class WorkshopRecord:
    """What a mentor's one form says about a workshop."""

    group: Group
    date: datetime.date
    place: str
    participants: Sequence[Person]
    others: str
    topics: Sequence[Topic]  # of the agenda already
    new_topics: Sequence[str]  # titles, one a line in the form


def record_workshop(record: WorkshopRecord, by: Person | None,
                    when: datetime.datetime | None = None) -> Workshop:
    """The workshop's common agenda: its new topics join the agenda, and every topic it chose
    becomes active, each change noting the workshop."""
    titles = list(dict.fromkeys(t for t in map(clean_title, record.new_topics) if t))
    if not titles and not record.topics:
        raise Refused(_("Name at least one topic the workshop chose."))
    if any(topic.group_id != record.group.pk for topic in record.topics):
        raise Refused(_("A workshop chooses topics of its own group's agenda."))
    moment = when or timezone.now()
    with transaction.atomic():
        workshop = Workshop.objects.create(group=record.group, date=record.date,
                                           place=record.place, others=record.others.strip(),
                                           recorded_by=by)
        workshop.participants.set(record.participants)
        chosen = list(record.topics) + [
            record.group.agenda_topics.filter(title__iexact=title).first()
            or _create(record.group, by, title, "", Via.WORKSHOP, moment) for title in titles]
        workshop.topics.set(chosen)
        for topic in chosen:
            if topic.state != TopicState.ACTIVE:
                _move(topic, TopicState.ACTIVE, by, "", moment, Cause.WORKSHOP, workshop)
    return workshop


def link_thread(topic: Topic, thread: Thread) -> None:
    if thread.group_id != topic.group_id:
        raise Refused(_("A topic links threads of its own group."))
    topic.threads.add(thread)


def unlink_thread(topic: Topic, thread: Thread) -> None:
    topic.threads.remove(thread)


def name_topic(synthesis: Synthesis, topic: Topic | None) -> None:
    """The synthesis is about `topic` (None: about no topic of the agenda)."""
    if topic is not None and topic.group_id != synthesis.group_id:
        raise Refused(_("A synthesis names a topic of its own group's agenda."))
    synthesis.topic = topic
    synthesis.save(update_fields=["topic"])


def default_stages(opens: datetime.date) -> tuple[datetime.date, ...]:
    """A month of discussion, a month for the synthesis, a month of feedback and consensus."""
    return tuple(months_later(opens, months) for months in range(4))


def start_dialogue(topic: Topic, by: Person | None, stages: Sequence[datetime.date],
                   when: datetime.datetime | None = None) -> Dialogue:
    """Run the topic as a dialogue with these four dates (each stage's first day, then the
    end); a proposed topic becomes active."""
    if Dialogue.objects.filter(topic=topic).exists():
        raise Refused(_("This topic runs as a dialogue already."))
    if topic.state not in OPEN_STATES:
        raise Refused(_("Only a proposed or active topic runs as a dialogue."))
    if list(stages) != sorted(set(stages)) or len(stages) != 4:
        raise Refused(_("Each stage opens after the one before, and the dialogue ends after "
                        "the last one opens."))
    with transaction.atomic():
        if topic.state != TopicState.ACTIVE:
            _move(topic, TopicState.ACTIVE, by, "", when or timezone.now(), Cause.DIALOGUE)
        opens, synthesis_opens, feedback_opens, ends = stages
        return Dialogue.objects.create(topic=topic, opens=opens, synthesis_opens=synthesis_opens,
                                       feedback_opens=feedback_opens, ends=ends, started_by=by)


def closing_synthesis(dialogue: Dialogue) -> Synthesis | None:
    """The newest published synthesis that names the dialogue's topic."""
    return (Synthesis.objects.published().filter(topic_id=dialogue.topic_id)
            .order_by("-published", "-pk").first())


def close_dialogue(dialogue: Dialogue, when: datetime.datetime | None = None) -> Synthesis:
    """A dialogue ends with what it produced: a published synthesis of its topic."""
    if dialogue.closed is not None:
        raise Refused(_("This dialogue is closed already."))
    synthesis = closing_synthesis(dialogue)
    if synthesis is None:
        raise Refused(_("A dialogue closes with a published synthesis of its topic, and none "
                        "is published yet: write one, name this topic in it and publish it."))
    dialogue.closed, dialogue.synthesis = when or timezone.now(), synthesis
    dialogue.save(update_fields=["closed", "synthesis"])
    return synthesis
