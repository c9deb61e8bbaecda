"""Every change to a write-up, as one named function each, called alike by the web pages, the
mail route and the demo. Each change of state or of the learner's consent is logged (who, when,
how) in the same transaction as the change itself."""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import formataddr

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from learnlink.exchange.models import Group, Message, Thread
from learnlink.lib import emails
from learnlink.lib.fields import fitted
from learnlink.lib.links import absolute
from learnlink.mail.models import InboundMessage
from learnlink.mentoring.models import (
    Origin,
    Via,
    WriteUp,
    WriteUpAction,
    WriteUpComment,
    WriteUpEvent,
    WriteUpState,
    WriteUpVersion,
)
from learnlink.mentoring.writeups import drafts
from learnlink.mentoring.writeups.approval import Decision
from learnlink.mentoring.writeups.reply_address import reply_address
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Organisation, Person
from learnlink.people.person_language import language_of


@dataclass(frozen=True)
class Actor:
    """Who did it and how: a signed-in user on the web, or a person by the mail they sent."""

    person: Person | None
    name: str
    via: Via
    user: User | None = None

    @classmethod
    def on_web(cls, user: User) -> Actor:
        person = getattr(user, "person", None)
        return cls(person, person.name if person else user.get_username(), Via.WEB, user)

    @classmethod
    def by_email(cls, person: Person) -> Actor:
        return cls(person, person.name, Via.EMAIL)


class CannotSend(Exception):
    """The draft cannot go to the learner; the message says why, for the mentor."""


class NotSent(Exception):
    """The learner cannot approve a draft the mentor has not sent them (again) yet."""


@dataclass(frozen=True)
class Start:
    """What every write-up starts with, whichever way it starts."""

    group: Group
    learner: Person
    organisation: Organisation | None
    title: str
    language: str


@transaction.atomic
def start_from_thread(start: Start, thread: Thread, messages: list[Message],
                      by: Actor) -> WriteUp | None:
    """A draft quoting the chosen messages; None when none of them has words of its own."""
    text = drafts.from_thread(messages, start.language)
    return _create(start, Origin.THREAD, text, by, thread) if text else None


@transaction.atomic
def start_from_guide(start: Start, answers: dict[str, str], by: Actor) -> WriteUp | None:
    """A draft of the interview's answers under the guide's headings; None when none was
    answered."""
    text = drafts.from_guide(answers, start.language)
    return _create(start, Origin.GUIDE, text, by) if text else None


def _create(start: Start, origin: Origin, text: str, by: Actor,
            thread: Thread | None = None) -> WriteUp:
    writeup = WriteUp.objects.create(
        group=start.group, thread=thread, origin=origin, learner=start.learner,
        organisation=start.organisation, mentor=by.user, language=start.language,
        title=fitted(WriteUp, "title", start.title), text=text)
    WriteUpVersion.objects.create(writeup=writeup, number=1, title=writeup.title, text=text,
                           by=by.user)
    _log(writeup, WriteUpAction.STARTED, "", by)
    return writeup


@transaction.atomic
def edit(writeup: WriteUp, title: str, text: str, by: Actor) -> bool:
    """Keep the new text as a new version; False if nothing changed. An approved write-up
    goes back to draft: the learner approved the words they read, not these."""
    title = fitted(WriteUp, "title", title)
    if (title, text) == (writeup.title, writeup.text):
        return False
    WriteUp.objects.select_for_update().filter(pk=writeup.pk).first()  # one editor at a time
    number = writeup.versions.count() + 1
    WriteUpVersion.objects.create(writeup=writeup, number=number, title=title, text=text,
                                  by=by.user)
    writeup.title, writeup.text = title, text
    before = writeup.state
    if before == WriteUpState.APPROVED:
        writeup.state, writeup.approved = WriteUpState.DRAFT, None
    writeup.save(update_fields=["title", "text", "state", "approved", "updated"])
    if before == WriteUpState.APPROVED:
        _log(writeup, WriteUpAction.REOPENED, before, by, f"version {number}")
    return True


@transaction.atomic
def send_to_learner(writeup: WriteUp, by: Actor) -> str:
    """Mail the draft to the learner, in their language, from a fresh reply address; returns
    the address it went to. CannotSend when the learner has no working address or already
    approved this text."""
    if writeup.state == WriteUpState.APPROVED:
        raise CannotSend("approved")
    to = delivery_address(writeup.learner)
    if not to:
        raise CannotSend("no address")
    address = reply_address(writeup)
    mentor = by.name
    emails.send("mentoring.writeup_to_learner", to, {
        "writeup": writeup, "mentor": mentor, "url": absolute(writeup.get_absolute_url()),
        "days": settings.LEARNLINK_WRITEUP_REPLY_DAYS},
        language_of(writeup.learner) or writeup.language,
        from_address=formataddr((f"{mentor} (Learnlink)", address), "utf-8"),
        reply_to=address)
    before = writeup.state
    writeup.state, writeup.sent = WriteUpState.WITH_LEARNER, timezone.now()
    writeup.save(update_fields=["state", "sent", "updated"])
    _log(writeup, WriteUpAction.SENT, before, by, to)
    return to


@transaction.atomic
def comment(writeup: WriteUp, text: str, by: Actor) -> WriteUpComment:
    """A comment on the web. The learner's first answer to a draft sent to them puts it in
    review (it is the mentor's turn), and the mentor is told by email."""
    added = _comment(writeup, text, by)
    if _is_learner(writeup, by):
        _tell_mentor(writeup, by, text=text)
    return added


@transaction.atomic
def approve(writeup: WriteUp, by: Actor, publish: bool | None = None) -> bool:
    """The learner approves on the web, in one click, and says whether it may be published
    (None: they did not say). False when it was approved already (only the consent may
    change); NotSent while the mentor is still changing it (back in draft)."""
    changed = _approve(writeup, by, publish)
    if changed:
        _tell_mentor(writeup, by, approved=True)
    return changed


@transaction.atomic
def reply(writeup: WriteUp, text: str, by: Actor, inbound: InboundMessage,
          approval: Decision | None, note: str = "") -> bool | None:
    """A reply by email: a comment, and the learner's approval when they wrote it (see
    `approval`); the mentor is told once. Returns whether it approved the write-up: None when
    the approval could not apply (the mentor is changing the draft), the comment kept."""
    _comment(writeup, text, by, inbound)
    approved: bool | None = False
    if approval is not None and _is_learner(writeup, by):
        try:
            approved = _approve(writeup, by, approval.publish, note)
        except NotSent:
            approved = None
    if _is_learner(writeup, by):
        _tell_mentor(writeup, by, text=text, approved=bool(approved))
    return approved


def _is_learner(writeup: WriteUp, by: Actor) -> bool:
    return by.person is not None and by.person.pk == writeup.learner_id


def _comment(writeup: WriteUp, text: str, by: Actor,
             inbound: InboundMessage | None = None) -> WriteUpComment:
    added = WriteUpComment.objects.create(writeup=writeup, author=by.person,
                                   author_name=fitted(WriteUpComment, "author_name", by.name),
                                   text=text, via=by.via, inbound=inbound)
    if _is_learner(writeup, by) and writeup.state == WriteUpState.WITH_LEARNER:
        _change(writeup, WriteUpState.IN_REVIEW, WriteUpAction.REPLIED, by)
    return added


def _approve(writeup: WriteUp, by: Actor, publish: bool | None, note: str = "") -> bool:
    if writeup.state == WriteUpState.DRAFT:
        raise NotSent
    changed = writeup.state != WriteUpState.APPROVED
    if changed:
        writeup.approved = timezone.now()
        version = f"version {writeup.versions.count()}"
        _change(writeup, WriteUpState.APPROVED, WriteUpAction.APPROVED, by,
                f"{version} {note}".strip())
    if publish is not None:
        set_publishing(writeup, publish, by)
    return changed


@transaction.atomic
def set_publishing(writeup: WriteUp, publish: bool, by: Actor) -> None:
    """The learner's answer to "may it be published?", which they may change at any time."""
    if writeup.publish is publish:
        return
    writeup.publish = publish
    writeup.save(update_fields=["publish", "updated"])
    _log(writeup, WriteUpAction.PUBLISH if publish else WriteUpAction.NO_PUBLISH, writeup.state, by)


def _change(writeup: WriteUp, state: WriteUpState, action: WriteUpAction, by: Actor,
            note: str = "") -> None:
    before = writeup.state
    writeup.state = state
    writeup.save(update_fields=["state", "approved", "updated"])
    _log(writeup, action, before, by, note)


def _log(writeup: WriteUp, action: WriteUpAction, before: str, by: Actor, note: str = "") -> None:
    WriteUpEvent.objects.create(writeup=writeup, action=action, before=before, after=writeup.state,
                         by=by.person, by_name=fitted(WriteUpEvent, "by_name", by.name), via=by.via,
                         note=fitted(WriteUpEvent, "note", note))


def _tell_mentor(writeup: WriteUp, by: Actor, text: str = "", approved: bool = False) -> None:
    """The mentor may be in the field with only email: the learner's words reach them there."""
    mentor = getattr(writeup.mentor, "person", None) if writeup.mentor else None
    to = delivery_address(mentor) if mentor else None
    if not to or mentor == by.person:
        return
    emails.send("mentoring.writeup_to_mentor", to, {
        "writeup": writeup, "learner": by.name, "text": text, "approved": approved,
        "url": absolute(writeup.get_absolute_url())},
        language_of(mentor) or None,
        reply_to=reply_address(writeup), headers={"Auto-Submitted": "auto-generated"})
