"""What changes a practice: saving the form, changing its state, and turning an approved,
published write-up into a draft in one click. Each writes in one transaction."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from learnlink.exchange import page_generations
from learnlink.knowledge.forms import PracticeForm
from learnlink.knowledge.models import Practice, PracticeState
from learnlink.mentoring.models import WriteUp
from learnlink.people.models import Person


@transaction.atomic
def save_practice(form: PracticeForm, mentor: Person | None) -> Practice:
    """The form's practice; a new one is coached by whoever starts it (a mentor)."""
    practice = form.save(commit=False)
    if practice.pk is None:
        practice.mentor = mentor
    practice.save()
    form.save_m2m()
    return practice


def change_state(practice: Practice, state: str) -> None:
    """A practice is dated the first time it is published, and keeps that date."""
    practice.state = state
    if state == PracticeState.PUBLISHED and practice.published is None:
        practice.published = timezone.now()
    practice.save(update_fields=["state", "published", "updated"])
    page_generations.forget_site()  # the home page lists the latest published


@transaction.atomic
def practice_from_writeup(writeup: WriteUp, mentor: Person | None) -> Practice:
    """A draft practice from the write-up: its text as what was done, its learner as author,
    their organisation, and the group's threads it came from as sources. Once per write-up:
    asked again, it is the practice already made."""
    made = writeup.practices.first()
    if made is not None:
        return made
    summary = writeup.text.strip().split("\n\n", 1)[0][:600]
    practice = Practice.objects.create(
        title=writeup.title, summary=summary, done=writeup.text, language=writeup.language,
        writeup=writeup, mentor=mentor)
    practice.authors.add(writeup.learner)
    if writeup.organisation is not None:
        practice.organisations.add(writeup.organisation)
        if writeup.organisation.place_id:
            practice.place_id = writeup.organisation.place_id
            practice.save(update_fields=["place"])
    practice.threads.add(*_source_threads(writeup))
    return practice


def _source_threads(writeup: WriteUp) -> list[int]:
    """The write-up's thread, and the group's other threads its learner wrote in (ten at
    most, the latest): where the experience was told."""
    found = [writeup.thread_id] if writeup.thread_id else []
    wrote_in = (writeup.group.threads.filter(messages__sender=writeup.learner)
                .exclude(pk__in=found).distinct().order_by("-pk").values_list("pk", flat=True))
    return found + list(wrote_in[:10])
