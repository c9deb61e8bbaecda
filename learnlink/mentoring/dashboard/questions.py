"""Questions nobody answered: noted as messages enter the archive, never searched for when a
page is shown.

Why a hook and not a worker pass over new messages: the exchange calls `note_questions` in the
transaction that archives a batch (`exchange.archive_hooks`), so each message is read once
whichever way it came (posted, approved from the moderation queue, imported, or a placeholder
filled in place when the message it stood for arrives late, which keeps its row and would slip
past a cursor over new rows), and the dashboard is never behind. It costs the archive a few
regular expressions over the new text and three queries per batch, not per message (0.26 ms
of CPU a message on an import of 4,000 LTP messages, about a fifth of the importer's own).
An archive that existed before the dashboard is read once by `learnlink note_questions`.

A question is a message whose new text (quotes and signature off) asks something in English,
Kiswahili or French, as the drafter reads questions (`drafting.cues.is_question`), or a new
thread whose subject asks; the dashboard shows its last asking sentence. It is answered once
someone outside the asker's organisations writes below it in the thread (`answers`); it shows
on the dashboard once its group's days have passed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from learnlink.drafting.cues import is_question
from learnlink.drafting.sentences import LONGEST, message_sentences
from learnlink.exchange.models import Group, Message
from learnlink.exchange.thread_headers import has_reply_prefix
from learnlink.lib.bulk import update_rows
from learnlink.mentoring.dashboard.answers import Said, first_answers
from learnlink.mentoring.models import DashboardSettings, Question
from learnlink.mentoring.models.dashboard import DEFAULT_ANSWER_DAYS
from learnlink.people.models import Affiliation

BATCH = 1000  # messages per batch when the whole archive is read


def question_in(text: str, subject: str = "") -> str:
    """The last sentence of `text` that asks something (a mail's closing question is the one
    it waits on: "... but his question was: X? Athumani, could you send Y?"), else `subject`
    if it asks (give it only for a message that starts a thread: a reply's subject repeats
    another's); ''."""
    asking = [sentence for sentence in message_sentences(text, relaxed=True)
              if is_question(sentence)]
    if not asking and subject.strip() and is_question(subject):
        asking = [subject.strip()]
    return asking[-1][:LONGEST] if asking else ""


def answer_days(group: Group) -> int:
    """How long a question of `group` may wait for an answer before it shows."""
    days = DashboardSettings.objects.filter(group=group).values_list("answer_days", flat=True)
    return days.first() or DEFAULT_ANSWER_DAYS


@transaction.atomic
def set_answer_days(group: Group, days: int) -> None:
    """A mentor's setting: the group's questions still open show after `days` from now on."""
    DashboardSettings.objects.update_or_create(group=group, defaults={"answer_days": days})
    Question.objects.filter(group=group, answered__isnull=True).update(
        due=F("asked") + datetime.timedelta(days=days))


def note_questions(group: Group, messages: Sequence[Message]) -> None:
    """The archive hook: note the questions among `messages` (just stored in `group`), then
    see which open questions of their threads are answered now."""
    wait = datetime.timedelta(days=answer_days(group))
    asked = []
    for message in messages:
        starts = message.parent_id is None and not has_reply_prefix(message.subject)
        text = question_in(message.text, message.subject if starts else "")
        if text:
            when = message.date or timezone.now()
            asked.append(Question(message_id=message.pk, group=group, text=text, asked=when,
                                  due=when + wait))
    Question.objects.bulk_create(asked, ignore_conflicts=True)
    refresh_threads({message.thread_id for message in messages})


def refresh_threads(threads: Iterable[int]) -> int:
    """Bring the questions of `threads` up to date after their messages came or moved (the
    archive hook calls it; so should whatever moves messages between threads or groups): each
    follows its message's group, and those someone answered since are marked. Returns how
    many were answered now. Reads the threads' messages (a few columns) only when one of
    them has an open question."""
    threads = list(threads)
    Question.objects.filter(message__thread_id__in=threads).exclude(
        group_id=F("message__group_id")).update(group_id=Subquery(
            Message.objects.filter(pk=OuterRef("message_id")).values("group_id")[:1]))
    open_questions = dict(Question.objects.filter(
        answered__isnull=True, message__thread_id__in=threads)
        .values_list("pk", "message__thread_id"))
    if not open_questions:
        return 0
    threads_said = _threads_said(set(open_questions.values()))
    answered = []
    for thread, said in threads_said.items():
        asked = [pk for pk, in_thread in open_questions.items() if in_thread == thread]
        for pk, reply in first_answers(asked, said).items():
            answered.append(Question(pk=pk, answered=reply.date or timezone.now(),
                                     answered_by_id=reply.pk))
    update_rows(answered, ["answered", "answered_by"])
    return len(answered)


def _threads_said(threads: set[int]) -> dict[int, dict[int, Said]]:
    """The messages of `threads` as the answer rule reads them, by thread and pk."""
    rows = list(Message.objects.filter(thread_id__in=threads).values_list(
        "pk", "parent_id", "thread_id", "date", "sender_id", "sender_address", "is_placeholder"))
    organisations: dict[int, set[int]] = {}
    for person, organisation in Affiliation.objects.filter(
            person_id__in={row[4] for row in rows if row[4]}).values_list(
            "person_id", "organisation_id"):
        organisations.setdefault(person, set()).add(organisation)
    said: dict[int, dict[int, Said]] = {thread: {} for thread in threads}
    for pk, parent, thread, date, person, address, placeholder in rows:
        author = f"person {person}" if person else f"address {address.casefold()}"
        said[thread][pk] = Said(pk, parent, date, author,
                                frozenset(organisations.get(person, ())), placeholder)
    return said


def note_all_questions(batch: int = BATCH) -> int:
    """Read the whole archive as the hook would have (an archive older than the dashboard);
    noting a question twice changes nothing. Returns how many messages were read."""
    read = 0
    for group in Group.objects.order_by("pk"):
        last = 0
        while True:
            messages = list(Message.objects.filter(group=group, pk__gt=last, is_placeholder=False)
                            .only("pk", "thread_id", "parent_id", "date", "subject", "text")
                            .order_by("pk")[:batch])
            if not messages:
                break
            with transaction.atomic():
                note_questions(group, messages)
            read += len(messages)
            last = messages[-1].pk
    return read
