"""Every permission decision of the knowledge app, in one place.

A published practice is for everyone, guests included: the library is the network's public
face. A draft or one in review is read by its authors, its coaching mentor, the network's
mentors and staff; to anyone else it does not exist (a guest is asked to sign in first, a
signed-in stranger gets 404). Its authors, its coaching mentor, the network's mentors and staff
edit it; only mentors (the coaching one, the network's) and staff change its state. Whoever
mentors a group may start a practice, and turn an approved, published write-up of a group they
follow into one. A practice's source threads are shown as the exchange shows them: a thread of
a group the reader may not read is only said to exist.

Stories, news and interviews: a published piece (and its photo) is for everyone; a draft is
read by its author, the network's mentors and staff, and is written and published by mentors
(of the network or of a group) and staff only.

The public site (feeds, sitemap, network report) shows what a guest reads, whoever asks: feed
readers and crawlers do not sign in, and the report and its downloads are the same for all.
A members-only group has no feed: 404 to everyone.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from learnlink.exchange.models import Thread
from learnlink.exchange.models.groups import GroupQuerySet
from learnlink.exchange.permissions import person_id, sees_every_group, visible_groups
from learnlink.knowledge.models import Practice, PracticeQuerySet, Story, StoryQuerySet
from learnlink.mentoring.models import Synthesis, WriteUp
from learnlink.mentoring.permissions import followed_groups, is_mentor
from learnlink.people.guests import refuse

AnyUser = User | AnonymousUser


def readable_practices(user: AnyUser) -> PracticeQuerySet:
    if sees_every_group(user):
        return Practice.objects.all()
    pid = person_id(user)
    if pid is None:
        return Practice.objects.published()
    own = Practice.objects.of_person(pid).values("pk")
    return Practice.objects.filter(Q(state="published") | Q(pk__in=own))


def practice_for_reader(request: HttpRequest, pk: int) -> Practice:
    found = (readable_practices(request.user).select_related("translation_of")
             .prefetch_related("enterprises", "themes", "organisations").filter(pk=pk).first())
    if found is None:
        refuse(request)
    return found


def may_edit(user: AnyUser, practice: Practice) -> bool:
    if sees_every_group(user):
        return True
    pid = person_id(user)
    return pid is not None and (practice.mentor_id == pid
                                or practice.authors.filter(pk=pid).exists())


def may_change_state(user: AnyUser, practice: Practice) -> bool:
    pid = person_id(user)
    return sees_every_group(user) or (pid is not None and practice.mentor_id == pid)


def practice_for_editor(request: HttpRequest, pk: int) -> Practice:
    practice = practice_for_reader(request, pk)
    if not may_edit(request.user, practice):
        refuse(request)
    return practice


def may_start(user: AnyUser) -> bool:
    return is_mentor(user)


def starter_or_refuse(request: HttpRequest) -> None:
    if not may_start(request.user):
        refuse(request)


def writeups_to_turn(user: AnyUser) -> list[WriteUp]:
    """The approved, published write-ups of the groups this mentor follows that no practice
    comes from yet, the latest first (at most 20: the form's list)."""
    return list(WriteUp.objects.published().with_names()
                .filter(group__in=followed_groups(user), practices__isnull=True)
                .order_by("-updated", "-pk")[:20])


def writeup_for_turning(request: HttpRequest, pk: int) -> WriteUp:
    starter_or_refuse(request)
    return get_object_or_404(WriteUp.objects.published().with_names(), pk=pk,
                             group__in=followed_groups(request.user))


def readable_threads(user: AnyUser, practice: Practice) -> tuple[list[Thread], int]:
    """The practice's source threads this reader may open, and how many others it cites
    from discussions closed to them (shown as a note, never by subject)."""
    threads = list(practice.threads.select_related("group").order_by("-pk"))
    open_groups = set(visible_groups(user).values_list("pk", flat=True))
    readable = [t for t in threads if t.group_id in open_groups]
    return readable, len(threads) - len(readable)


def readable_syntheses(user: AnyUser, practice: Practice) -> list[Synthesis]:
    return list(practice.syntheses.published().filter(group__in=visible_groups(user))
                .select_related("group").order_by("-published", "-pk"))


def practice_for_api(user: AnyUser, pk: int) -> Practice:
    """As for the page, but the API answers 404 to a guest too: it has no sign-in page."""
    return get_object_or_404(readable_practices(user), pk=pk)


def readable_stories(user: AnyUser) -> StoryQuerySet:
    if is_mentor(user):
        return Story.objects.all()
    pid = person_id(user)
    if pid is None:
        return Story.objects.published()
    return Story.objects.filter(Q(state="published") | Q(author_id=pid))


def story_for_reader(request: HttpRequest, pk: int) -> Story:
    """The piece without its photo's bytes (the photo has its own view)."""
    found = (readable_stories(request.user).defer("photo")
             .select_related("author", "translation_of").filter(pk=pk).first())
    if found is None:
        refuse(request)
    return found


def photo_for_reader(request: HttpRequest, pk: int) -> Story:
    """The piece with its photo, under the piece's own rule."""
    found = readable_stories(request.user).filter(pk=pk).first()
    if found is None:
        refuse(request)
    if not found.has_photo:
        raise Http404
    return found


def public_groups() -> GroupQuerySet:
    """The groups whose archive a guest reads: the sitemap's and the feeds'."""
    return visible_groups(AnonymousUser())


def may_write_stories(user: AnyUser) -> bool:
    return is_mentor(user)


def story_writer_or_refuse(request: HttpRequest) -> None:
    if not may_write_stories(request.user):
        refuse(request)


def story_for_writer(request: HttpRequest, pk: int) -> Story:
    story_writer_or_refuse(request)
    return get_object_or_404(Story.objects.defer("photo"), pk=pk)


def reported_practices() -> PracticeQuerySet:
    """The practices of the network report and its downloads: the published originals (a
    translation shares its original's journey)."""
    return Practice.objects.published().filter(translation_of__isnull=True)
