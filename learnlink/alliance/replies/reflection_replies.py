"""A team's reply to the reflection questions (reflection.mailing) lands as its answers for
the cycle, through the same function as the web form, and stays editable there.

The reply holds its answers under the questions' numbers:

    1. Market surveys worked when the farmers did the interviews themselves.
    2. The survey took twice the time planned because of the long rains.
    3. We will plan the survey for the dry season and share the price list by SMS.

A number may be followed by the question itself (a reply that copies the questions). Only the
parts given change: a second reply may add the third answer. A reply with no answer under any
number (an empty reply, or text without numbers) records nothing and is answered with what to
fix and an example. Only the team's own people and the alliance's coordinators may answer,
as on the web; anyone else is answered with why and the mail set aside.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from learnlink.alliance.models import EndOfCycleMailing, Reflection
from learnlink.alliance.models.reflection import QUESTIONS
from learnlink.alliance.permissions import may_write_for_team_by_mail
from learnlink.alliance.reflection import reviews
from learnlink.alliance.replies.answers import answer, refuse
from learnlink.lib.links import absolute
from learnlink.mail.inbox import finish
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.people.models import Person

ANSWER = "alliance.reflection_answer"
# The Kenya team's answers after cycle 1 of the demo alliance (demo/review_text.py).
EXAMPLE = ("1. Market surveys worked when the farmers did the interviews themselves.\n"
           "2. The survey took twice the time planned because of the long rains.\n"
           "3. We will plan the survey for the dry season and share the price list by SMS.")
_NUMBER = re.compile(r"^\s*([123])\s*[.):-]\s*(.*)$")


def take(inbound: InboundMessage, parsed: ParsedMessage, person: Person | None, pk: int,
         language: str) -> None:
    mailing = EndOfCycleMailing.objects.select_related(
        "cycle__alliance", "partner__organisation", "partner__alliance").filter(pk=pk).first()
    if mailing is None:
        refuse(inbound, parsed, language, _("This cycle or this team is no longer in the "
                                            "alliance."), f"reflection mailing {pk} gone")
        return
    link = absolute(reverse("alliance:answer", args=[
        mailing.cycle.alliance.slug, mailing.cycle.number, mailing.partner_id]))
    if person is None or not may_write_for_team_by_mail(person, mailing.partner):
        refuse(inbound, parsed, language, _(
            "Learnlink does not know %(address)s as the address of someone of %(team)s or of "
            "the alliance's coordinators, so nothing was changed.")
            % {"address": parsed.from_address, "team": mailing.partner}, f"not of "
            f"{mailing.partner} nor a coordinator (reflection mailing {pk})", link)
        return
    given = parts(parsed.new_text)
    context = {"partner": mailing.partner, "cycle": mailing.cycle, "link": link,
               "example": EXAMPLE, "questions": QUESTIONS}
    with transaction.atomic():  # the answers, the reply and the inbox row's end
        if not given:
            answer(parsed, ANSWER, language, {**context, "outcome": "empty"})
            finish(inbound, State.REJECTED, f"from {parsed.from_address}: no answers")
            return
        try:
            saved = _save(mailing, given, person)
        except ValidationError as error:
            answer(parsed, ANSWER, language, {**context, "outcome": "refused",
                                              "reason": " ".join(error.messages)})
            finish(inbound, State.REJECTED, f"from {parsed.from_address}: {error.messages}")
            return
        recorded = [(label, getattr(saved, key)) for key, label in QUESTIONS if key in given]
        answer(parsed, ANSWER, language, {**context, "outcome": "recorded",
                                          "recorded": recorded})
        finish(inbound, State.DONE, f"from {parsed.from_address}: reflection {saved.pk}: "
                                    f"{', '.join(given)}")


def _save(mailing: EndOfCycleMailing, given: dict[str, str], person: Person) -> Reflection:
    """The parts given replace those answers; the others stay as they were."""
    existing = Reflection.objects.filter(cycle=mailing.cycle, partner=mailing.partner).first()
    answers = {key: getattr(existing, key) if existing else "" for key in reviews.ANSWER_FIELDS}
    return reviews.save_reflection(mailing.cycle, mailing.partner, answers | given, person)


def parts(text: str) -> dict[str, str]:
    """The answers under the numbers 1, 2 and 3, each without the question if it was copied;
    a number with nothing under it gives nothing."""
    found: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        number = _NUMBER.match(line)
        if number:
            current = reviews.ANSWER_FIELDS[int(number.group(1)) - 1]
            found[current] = [number.group(2)]
        elif current:
            found[current].append(line)
    answers = {key: _without_question(key, "\n".join(lines).strip())
               for key, lines in found.items()}
    return {key: text for key, text in answers.items() if text}


def _without_question(key: str, text: str) -> str:
    """The answer, the question cut from its start in any of the site's languages."""
    label = dict(QUESTIONS)[key]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            question = str(label)
        if text.casefold().startswith(question.casefold()):
            return text[len(question):].strip()
    return text

