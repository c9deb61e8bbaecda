"""What a mentor does to a synthesis: start it, save a version, translate, check a translation,
publish and withdraw it. The web pages, the API and the demo all call these; permission is
the caller's to check first (mentoring.permissions).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from learnlink.exchange import page_generations
from learnlink.exchange.models import Group, Thread
from learnlink.mentoring.models import Scope, Synthesis, Version
from learnlink.mentoring.syntheses.content import Content
from learnlink.mentoring.syntheses.versions import latest_versions


@transaction.atomic
def start(group: Group, threads: Sequence[Thread], *, title: str, language: str,
          content: Content, by: User | None, scope: str = Scope.THREAD,
          month: datetime.date | None = None, drafted_by: str = "") -> Synthesis:
    """A new synthesis of `threads` (all of `group`), its first version `content`: a draft
    only the group's mentors see until it is published. `drafted_by` says which drafter wrote
    the draft the mentor started from, for the history."""
    synthesis = Synthesis.objects.create(group=group, scope=scope, month=month, title=title,
                                         language=language, created_by=by)
    synthesis.threads.set(threads)
    _add(synthesis, language, title, content, by, drafted_by)
    return synthesis


@transaction.atomic
def save_version(synthesis: Synthesis, language: str, title: str, content: Content,
                 by: User | None) -> Version:
    """Every save is a new version, in `language`: the original's language, or a translation
    (recorded as written against the original's latest version)."""
    if language == synthesis.language and title != synthesis.title:
        synthesis.title = title
        synthesis.save(update_fields=["title"])
    return _add(synthesis, language, title, content, by)


@transaction.atomic
def check_translation(synthesis: Synthesis, language: str, by: User | None) -> Version:
    """A mentor read the translation against the original's latest version and it still says
    the same: a new version of the same text, now checked against the latest original."""
    _locked(synthesis)
    translation = latest_versions(synthesis)[language]
    content = Content.of_stored(translation.learned, translation.standing,
                                translation.next_questions)
    return _add(synthesis, language, translation.title, content, by)


@transaction.atomic
def publish(synthesis: Synthesis) -> None:
    """Readers see it from now: at the top of its threads, in the next digests."""
    if synthesis.published is None:
        synthesis.published = timezone.now()
        synthesis.save(update_fields=["published"])
        _shown_afresh(synthesis)


@transaction.atomic
def withdraw(synthesis: Synthesis) -> None:
    """Back to a draft only its mentors see (a message already sent to the group stays sent)."""
    synthesis.published = None
    synthesis.save(update_fields=["published"])
    _shown_afresh(synthesis)


def publish_for_thread(thread: Thread, content: Content, by: User | None,
                       language: str = "", title: str = "") -> Version:
    """The API's publish: a new version of the thread's own synthesis (a new synthesis when it
    has none yet), published."""
    with transaction.atomic():
        synthesis = Synthesis.objects.of_thread(thread).select_for_update().first()
        if synthesis is None:
            synthesis = start(thread.group, [thread], title=title or thread.subject,
                              language=language or thread.group.language, content=content,
                              by=by)
            version = synthesis.versions.get()
        else:
            language = language or synthesis.language
            latest = latest_versions(synthesis).get(language)
            version = save_version(synthesis, language,
                                   title or (latest.title if latest else synthesis.title),
                                   content, by)
        publish(synthesis)
    return version


def _locked(synthesis: Synthesis) -> Synthesis:
    """The synthesis row locked, so two saves at once cannot take the same version number."""
    return Synthesis.objects.select_for_update().get(pk=synthesis.pk)


def _add(synthesis: Synthesis, language: str, title: str, content: Content, by: User | None,
         drafted_by: str = "") -> Version:
    """The next version; a translation records the original's version it was written against."""
    _locked(synthesis)
    if synthesis.published is not None:
        _shown_afresh(synthesis)
    numbers = synthesis.versions.aggregate(last=Max("number"))["last"] or 0
    translates = None
    if language != synthesis.language:
        translates = (synthesis.versions.filter(language=synthesis.language)
                      .order_by("-number").values_list("number", flat=True).first())
    return Version.objects.create(
        synthesis=synthesis, number=numbers + 1, language=language, title=title.strip(),
        translates=translates, drafted_by=drafted_by, author=by, **content.stored())


def _shown_afresh(synthesis: Synthesis) -> None:
    """Guests' kept pages of its group (it stands at the top of its threads) and the home page
    (it is among the latest syntheses) show it as it now is."""
    page_generations.forget_groups([synthesis.group_id])
