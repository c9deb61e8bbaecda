"""The mentor's workbench (see the package's docstring): who mentors which groups, and the
rules of the syntheses, clean-up, introductions, the library of resources, labels and write-ups.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from learnlink.exchange.models import Group, Membership, Message, Role, Thread
from learnlink.exchange.models.groups import GroupQuerySet
from learnlink.exchange.permissions import (
    can_moderate,
    group_for_moderator,
    groups_for_person,
    memberships,
    person_id,
    sees_every_group,
    visible_groups,
)
from learnlink.mentoring.models import (
    CleanupEntry,
    Introduction,
    Resource,
    Synthesis,
    WriteUp,
)
from learnlink.mentoring.models.introductions import IntroductionQuerySet
from learnlink.mentoring.models.resources import ResourceQuerySet
from learnlink.people.guests import refuse
from learnlink.people.models import Affiliation, Person
from learnlink.people.permissions import can_see_contact_details
from learnlink.people.roles import MENTOR

AnyUser = User | AnonymousUser
MENTORING_ROLES = (Role.MENTOR, Role.OWNER)


def followed_groups(user: AnyUser) -> GroupQuerySet:
    """The groups whose mentoring is this user's: those they mentor or own; every group for a
    network mentor or staff member who mentors none by membership; none for anyone else."""
    mentored = memberships(user).filter(role__in=MENTORING_ROLES).values("group_id")
    if mentored.exists() or not sees_every_group(user):
        return Group.objects.filter(pk__in=mentored)
    return Group.objects.all()


def groups_followed_by(person: Person) -> GroupQuerySet:
    """`followed_groups` of the person's account; for someone who mentors without one (a
    mentor known only by their address), the groups they mentor or own."""
    if person.user is not None:
        return followed_groups(person.user)
    mentored = Membership.objects.filter(
        Q(person=person) | Q(organisation__affiliations__person=person),
        role__in=MENTORING_ROLES).values("group_id")
    return Group.objects.filter(pk__in=mentored)


def summary_readers() -> QuerySet[Person]:
    """Who receives the mentors' morning summary: whoever mentors or owns a group (in person
    or through their organisation), and the network's mentors."""
    return Person.objects.filter(
        Q(memberships__role__in=MENTORING_ROLES)
        | Q(affiliations__organisation__memberships__role__in=MENTORING_ROLES)
        | Q(user__groups__name=MENTOR)).distinct()


def is_mentor(user: AnyUser) -> bool:
    return sees_every_group(user) or memberships(user).filter(role__in=MENTORING_ROLES).exists()


def mentor_or_refuse(request: HttpRequest) -> None:
    """Let a mentor in; send a guest to sign in and give anyone else 404."""
    if not is_mentor(request.user):
        refuse(request)


def group_for_mentor(request: HttpRequest, slug: str) -> Group:
    """A group this user mentors; refused otherwise."""
    return group_for_moderator(request, slug)


def mentored_thread(user: AnyUser, pk: int) -> Thread | None:
    """The thread if this user mentors its group (for the API, which answers 404 itself)."""
    thread = Thread.objects.select_related("group").filter(pk=pk).first()
    return thread if thread is not None and can_moderate(user, thread.group) else None


def thread_for_mentor(request: HttpRequest, pk: int) -> Thread:
    """A thread of a group this user mentors; refused otherwise."""
    thread = mentored_thread(request.user, pk)
    if thread is None:
        refuse(request)
    return thread


def may_synthesise(user: AnyUser, group: Group) -> bool:
    """Drafting, editing, translating, publishing and sending a group's syntheses: its mentors'
    work (unpublished syntheses are shown to nobody else)."""
    return can_moderate(user, group)


def synthesis_for_mentor(request: HttpRequest, pk: int) -> Synthesis:
    """A synthesis of a group this user mentors, published or not; refused otherwise."""
    synthesis = Synthesis.objects.select_related("group").filter(pk=pk).first()
    if synthesis is None or not may_synthesise(request.user, synthesis.group):
        refuse(request)
    return synthesis
def mentored_message(user: AnyUser, pk: int) -> Message | None:
    """A real message of a group this user mentors (for the API, which answers 404 itself)."""
    message = (Message.objects.select_related("group", "thread").filter(pk=pk, is_placeholder=False)
               .first())
    return message if message is not None and can_moderate(user, message.group) else None


def message_for_mentor(request: HttpRequest, pk: int) -> Message:
    """A real message of a group this user mentors; refused otherwise."""
    message = mentored_message(request.user, pk)
    if message is None:
        refuse(request)
    return message


def carry_refusal(user: AnyUser, source: Group, target: Group) -> str:
    """Why messages of `source` may not be carried into `target` by this user ("" if they may).

    A private group's members wrote for each other, not for a public archive, and a public
    message moved into a private group would vanish from the public's links: a message never
    crosses between them. Between two groups of the same kind, the user must mentor both."""
    if source.pk == target.pk:
        return ""
    if source.is_public != target.is_public:
        return gettext("A message cannot move between a members-only group and a public one: "
                       "its writers chose who reads it.")
    if not (can_moderate(user, source) and can_moderate(user, target)):
        return gettext("You can only move messages between groups you mentor both of.")
    return ""


def mentored_entry(user: AnyUser, pk: int) -> CleanupEntry | None:
    """A clean-up log entry whose every group this user mentors (an undo writes back rows of
    each group an action touched)."""
    entry = CleanupEntry.objects.select_related("group").filter(pk=pk).first()
    if entry is None:
        return None
    groups = Group.objects.filter(pk__in=entry_groups(entry))
    return entry if all(can_moderate(user, group) for group in groups) else None


def entry_for_mentor(request: HttpRequest, pk: int) -> CleanupEntry:
    entry = mentored_entry(request.user, pk)
    if entry is None:
        refuse(request)
    return entry


def entry_groups(entry: CleanupEntry) -> set[int]:
    return {entry.group_id} | {row["group"] for state in (entry.before, entry.after)
                               for rows in state.values() for row in rows}
def may_introduce(user: AnyUser) -> bool:
    """Someone in the directory (the mail says who introduces) who mentors or belongs to a
    group."""
    return person_id(user) is not None and (is_mentor(user) or memberships(user).exists())


def introducer_or_refuse(request: HttpRequest) -> Person:
    if not may_introduce(request.user):
        refuse(request)
    return request.user.person  # type: ignore[union-attr]


def introduces_anyone(user: AnyUser) -> bool:
    """A mentor chooses both sides; anyone else is one of them (`own_organisations`)."""
    return is_mentor(user)


def own_organisations(user: AnyUser) -> QuerySet[Affiliation]:
    pid = person_id(user)
    return Affiliation.objects.filter(person_id=pid) if pid else Affiliation.objects.none()


def thread_for_introducer(request: HttpRequest, pk: int) -> Thread:
    """The thread an introduction starts from, if the introducer may read it."""
    thread = (Thread.objects.select_related("group")
              .filter(pk=pk, group__in=visible_groups(request.user)).first())
    if thread is None:
        refuse(request)
    return thread


def person_may_open(person: Person, group: Group | None) -> bool:
    """Whether a side may open evidence in `group` (None: a page anyone may open)."""
    return group is None or groups_for_person(person).filter(pk=group.pk).exists()


def may_open(user: AnyUser, group: Group | None) -> bool:
    """Whether a page's reader may open evidence in `group`."""
    return group is None or visible_groups(user).filter(pk=group.pk).exists()


def follows_introduction(user: AnyUser, introduction: Introduction) -> bool:
    """The network's mentors and staff, and the mentors of the introduction's group."""
    return sees_every_group(user) or (introduction.group is not None
                                      and can_moderate(user, introduction.group))


def may_read_introduction(user: AnyUser, introduction: Introduction) -> bool:
    if follows_introduction(user, introduction):
        return True
    pid = person_id(user)
    if pid is None:
        return False
    sides = [introduction.seeker_organisation_id, introduction.peer_organisation_id]
    return pid in (introduction.introducer_id, introduction.seeker_id, introduction.peer_id) \
        or Affiliation.objects.filter(person_id=pid, organisation_id__in=sides).exists()


def introduction_for_reader(request: HttpRequest, pk: int) -> Introduction:
    introduction = Introduction.objects.for_page().filter(pk=pk).first()
    if introduction is None or not may_read_introduction(request.user, introduction):
        refuse(request)
    return introduction


def may_remind(user: AnyUser, introduction: Introduction) -> bool:
    return (person_id(user) == introduction.introducer_id
            or follows_introduction(user, introduction))


def introduction_for_reminder(request: HttpRequest, pk: int) -> Introduction:
    introduction = introduction_for_reader(request, pk)
    if not may_remind(request.user, introduction):
        refuse(request)
    return introduction


def introductions_followed(user: AnyUser) -> IntroductionQuerySet:
    """The mentors' list: every introduction for the network's mentors and staff; for a
    group's mentor, those of the groups they mentor and those they made."""
    if sees_every_group(user):
        return Introduction.objects.all()
    return Introduction.objects.filter(Q(group__in=followed_groups(user))
                                       | Q(introducer_id=person_id(user)))
def peer_finder_groups(user: AnyUser) -> GroupQuerySet:
    """The peer finder is for everyone who may search the archive: a mentor connecting two
    groups, a learner looking for a peer who did what they plan, a visitor. Its evidence comes
    from the groups this user may read (a guest or an outsider: the public groups only) and
    from the directory, which is public; a private group's messages never show to anyone who
    cannot read the group."""
    return visible_groups(user)


def peer_finder_groups_for(person: Person | None) -> GroupQuerySet:
    """What someone asking peers@ from their address may read, as search@ decides it."""
    return groups_for_person(person)
# The library of outside expertise (resources/). The library is public, as the network's
# archives and guides are: anyone may read what it holds, and a search or a thread page suggests
# it to anyone. Only the expert contacts' email and phone are personal data, shown to members of
# the network as the directory shows its own people's (people.permissions). Mentors add, edit
# and remove resources, and attach them to the threads of the groups they mentor.


def readable_resources(user: AnyUser) -> ResourceQuerySet:
    """The whole library, for everyone: it is open."""
    return Resource.objects.all()


def resource_for_reader(request: HttpRequest, pk: int) -> Resource:
    """Any resource of the library, for everyone."""
    return get_object_or_404(readable_resources(request.user), pk=pk)


def sees_expert_contacts(user: AnyUser) -> bool:
    """Whether an outside expert's email and phone show (on the page, by search@)."""
    return can_see_contact_details(user)


def resource_for_editor(request: HttpRequest, pk: int) -> Resource:
    """A resource a mentor may edit or remove; refused to anyone else."""
    mentor_or_refuse(request)
    return get_object_or_404(Resource, pk=pk)


def attaches_resources(user: AnyUser, thread: Thread) -> bool:
    """Whether the thread's page offers this reader to attach and detach resources."""
    return can_moderate(user, thread.group)
def can_label(user: AnyUser, group: Group) -> bool:
    """Who corrects what a group's messages are (information, plan...): its mentors."""
    return can_moderate(user, group)
# Write-ups. A draft is between the learner and the mentors: the mentor who started it, the
# learner it is about and the group's mentors (who may take it over) see it; an approved one
# the learner agreed to publish is read by anyone. Only the learner approves it.


def coaches(user: AnyUser, writeup: WriteUp) -> bool:
    """The mentor who started it, or a mentor of its group: they edit, send and comment."""
    return (user.is_authenticated and writeup.mentor_id == user.pk) or can_moderate(
        user, writeup.group)


def is_its_learner(user: AnyUser, writeup: WriteUp) -> bool:
    return person_id(user) == writeup.learner_id


def may_read_writeup(user: AnyUser, writeup: WriteUp) -> bool:
    return writeup.is_public or is_its_learner(user, writeup) or coaches(user, writeup)


def sees_conversation(user: AnyUser, writeup: WriteUp) -> bool:
    """The comments, the log and the versions are the learner's and the mentors' only, even
    on a published write-up."""
    return is_its_learner(user, writeup) or coaches(user, writeup)


def _writeup(request: HttpRequest, pk: int,
             may: Callable[[AnyUser, WriteUp], bool]) -> WriteUp:
    """The write-up if `may` lets this user at it; refused otherwise."""
    writeup = (WriteUp.objects.select_related("group", "thread", "learner", "organisation",
                                              "mentor").filter(pk=pk).first())
    if writeup is None or not may(request.user, writeup):
        refuse(request)
    return writeup


def writeup_for_reader(request: HttpRequest, pk: int) -> WriteUp:
    return _writeup(request, pk, may_read_writeup)


def writeup_for_coach(request: HttpRequest, pk: int) -> WriteUp:
    return _writeup(request, pk, coaches)


def writeup_for_learner(request: HttpRequest, pk: int) -> WriteUp:
    return _writeup(request, pk, is_its_learner)


def writeup_for_commenter(request: HttpRequest, pk: int) -> WriteUp:
    return _writeup(request, pk, sees_conversation)
