"""A published synthesis sent to its group as a message of the discussion.

It takes the path every group mail takes: written as an email from the mentor to the group's
address, stored in the inbox as it is (the raw mail is the truth), parsed, threaded by its
References under the thread's latest message, archived, indexed and delivered to the members
as any post is. Only the decision whether to hold it is skipped, as when a mentor approves a
held message: a mentor sending their group's synthesis is the group's moderator.

A synthesis of one thread answers that thread; one of several threads (a topic, a month) starts
a thread of its own. The text is in the group's language, followed by the translations the
mentors wrote or checked, so that each member reads it in theirs.
"""

from __future__ import annotations

from email.utils import format_datetime, formataddr, make_msgid

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _

from learnlink.exchange.models import Message, Thread
from learnlink.exchange.posting import post
from learnlink.lib import emails
from learnlink.lib.links import absolute
from learnlink.mail.decorate import as_bytes, text_part
from learnlink.mail.inbox import quarantine, receive
from learnlink.mail.models import Source
from learnlink.mail.parsing import parse
from learnlink.mentoring.models import Synthesis
from learnlink.mentoring.syntheses.presenting import shown
from learnlink.mentoring.syntheses.showing import where
from learnlink.mentoring.syntheses.versions import for_reader, is_current, latest_versions


class CannotSend(Exception):
    """Why the synthesis cannot be sent, in the mentor's language."""


def send_to_group(synthesis: Synthesis, by: User) -> Message:
    """Post the synthesis to its group and remember the message; CannotSend says why not."""
    if synthesis.published is None:
        raise CannotSend(_("Publish the synthesis before you send it to the group."))
    person = getattr(by, "person", None)
    address = person.primary_address() if person is not None else None
    if person is None or address is None:
        raise CannotSend(_("Your profile has no email address to send the synthesis from."))
    group = synthesis.group
    raw = _mail(synthesis, person.name, address.address)
    [inbound] = receive(raw, [group.address], Source.WEB, envelope_from=address.address,
                        process=False)
    try:
        message = post(group, inbound, parse(raw), person)
    except Exception as error:  # the stored mail ends quarantined with the reason, as any does
        quarantine(inbound, f"could not be posted: {type(error).__name__}: {error}")
        raise CannotSend(_("The synthesis could not be archived.")) from error
    if message is None:  # the same Message-ID twice: not possible for a new msgid
        raise CannotSend(_("The synthesis could not be archived."))
    synthesis.sent_as = message
    synthesis.save(update_fields=["sent_as"])
    return message


def preview(synthesis: Synthesis, by: User) -> emails.Rendered:
    """The message as the group will receive it (before the list's footer)."""
    person = getattr(by, "person", None)
    return _rendered(synthesis, person.name if person else by.get_full_name(),
                     _answered(synthesis))


def _answered(synthesis: Synthesis) -> Message | None:
    """The message the synthesis answers: the latest of its thread; none for several threads,
    whose synthesis starts a thread of its own."""
    threads = list(synthesis.threads.all()[:2])
    return _latest_message(threads[0]) if len(threads) == 1 else None


def _rendered(synthesis: Synthesis, mentor: str, above: Message | None) -> emails.Rendered:
    return emails.render("mentoring.synthesis", _context(synthesis, mentor, above),
                         synthesis.group.language)


def _mail(synthesis: Synthesis, name: str, address: str) -> bytes:
    group = synthesis.group
    above = _answered(synthesis)
    rendered = _rendered(synthesis, name, above)
    mail = text_part(rendered.text)  # as a mail program writes it: plain text, UTF-8
    mail["MIME-Version"] = "1.0"
    mail["From"] = formataddr((name, address), "utf-8")
    mail["To"] = group.address
    mail["Subject"] = rendered.subject
    mail["Date"] = format_datetime(timezone.now())
    mail["Message-ID"] = make_msgid("synthesis", settings.LEARNLINK_MAIL_DOMAIN)
    if above is not None:
        mail["In-Reply-To"] = f"<{above.message_id}>"
        mail["References"] = " ".join(f"<{ref}>" for ref in
                                      [*above.references.split(), above.message_id])
    return as_bytes(mail)


def _context(synthesis: Synthesis, mentor: str, above: Message | None) -> dict[str, object]:
    """The version in the group's language first, then each other language's current one."""
    latest = latest_versions(synthesis)
    first = for_reader(latest, synthesis.language, synthesis.group.language)
    names = dict(settings.LANGUAGES)
    others = [{"code": language, "language_name": names[language],
               "shown": shown(synthesis, version, absolute_links=True)}
              for language, version in sorted(latest.items())
              if version != first and is_current(version, latest, synthesis.language)]
    return {"shown": shown(synthesis, first, absolute_links=True) if first else None,
            "others": others, "mentor": mentor, "url": absolute(where(synthesis)),
            "reply_to_subject": above.thread.subject if above is not None else ""}


def _latest_message(thread: Thread) -> Message | None:
    """The message a reply to the discussion answers: its latest real one."""
    return (Message.objects.filter(thread=thread, is_placeholder=False).select_related("thread")
            .order_by("-date", "-pk").first())
