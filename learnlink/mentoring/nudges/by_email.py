"""The reminders' own address, SLUG+reminders@ the mail domain, for whoever has only email:
"not now" (*si sasa*, *pas maintenant*) pauses for SNOOZE_DAYS every kind of reminder of that
group's to the sender's organisations, as the link does for one kind, and "stop" (*acha*,
*arrêter*) sends the sender no more reminders, as the other link does.

A From header can be forged, but each only quietens reminders, and the answer goes to the
address the mail claims, so its owner learns of it at once. Automatic replies and unreadable
mail are quarantined unanswered; each sender may write a limited number of times an hour (the
commands' limit)."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from learnlink.exchange.command_words import plain_words
from learnlink.exchange.models import Group
from learnlink.lib import emails
from learnlink.mail.inbox import finish
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.mentoring.models import NudgeKind
from learnlink.mentoring.nudges.links import SNOOZE_DAYS, opt_out, snooze
from learnlink.mentoring.plus_addresses import group_at, group_request
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Organisation, Person
from learnlink.people.person_language import language_of

WORD = "reminders"
NOT_NOW = {"not now", "si sasa", "pas maintenant"}
STOP = {"stop", "acha", "arreter"}


def reminders_group(local: str) -> Group | None:
    """The group whose SLUG+reminders@ address `local` is."""
    return group_at(local, WORD)


def asked(parsed: ParsedMessage) -> str:
    """'not now', 'stop' or '': what the subject or the first line of new text begins with
    ("Si sasa, asante" too)."""
    for line in (parsed.subject, parsed.first_line):
        words = plain_words(line)
        for said in (" ".join(words[:2]), " ".join(words[:1])):
            if said in NOT_NOW:
                return "not now"
            if said in STOP:
                return "stop"
    return ""


def take(inbound: InboundMessage) -> None:
    request = group_request(inbound, WORD)
    if request is None:
        return
    group, parsed = request
    person = person_for_address(parsed.from_address)
    language = (language_of(person) if person else "") or group.language
    with translation.override(language):
        outcome, done = _carry_out(group, person, asked(parsed))
    emails.send("mentoring.reminders_reply", parsed.from_address,
                {"group": group, "outcome": outcome, "address": group.command_address(WORD)},
                language,
                from_address=group.command_address(WORD),
                headers={"In-Reply-To": f"<{parsed.message_id}>",
                         "Auto-Submitted": "auto-replied"})
    finish(inbound, State.DONE if person and done else State.REJECTED,
           f"from {parsed.from_address}: {done or 'nothing done'}")


def _carry_out(group: Group, person: Person | None, command: str) -> tuple[str, str]:
    """What the answer says and what the inbound row records ('' when nothing was done)."""
    if person is None:
        return _("This address is not known to Learnlink: write from the address the "
                 "reminders came to."), ""
    if command == "not now":
        organisations = list(Organisation.objects.filter(affiliations__person=person)
                             .distinct().order_by("name"))
        now = timezone.now()
        for organisation in organisations:
            for kind in NudgeKind.values:
                snooze(organisation, kind, now)
        names = ", ".join(o.name for o in organisations)
        return (_("Done: no reminders from %(group)s to %(organisations)s for %(days)s "
                  "days.") % {"group": group.name, "organisations": names or person.name,
                   "days": SNOOZE_DAYS},
                f"snoozed {len(organisations)} organisations")
    if command == "stop":
        opt_out(person)
        return (_("Done: %(name)s will get no more reminders from the groups. The group's own "
                  "mail still comes.") % {"name": person.name}, "opted out")
    return _("Write “not now” to pause the reminders for %(days)s days, or “stop” for no more "
             "reminders.") % {"days": SNOOZE_DAYS}, ""

