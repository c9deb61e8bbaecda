"""A coordinator's reply to the notice of a new due date asked for (task_replies): `confirm`
or `decline` on the first line (Kiswahili `thibitisha`, `kataa`; French `confirmer`,
`refuser`; or simply yes/no, ndiyo/hapana, oui/non) decides the request through the same
function as the task page's buttons. Only the alliance's coordinators may decide; a request
already decided, on the web or by an earlier reply, stays as it was.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from learnlink.alliance.models import DueDateRequest
from learnlink.alliance.permissions import may_decide_due_date_by_mail
from learnlink.alliance.planning import actions
from learnlink.alliance.replies.answers import answer, refuse
from learnlink.alliance.replies.task_replies import ANSWER, task_link
from learnlink.mail.inbox import finish
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.people.models import Person

CONFIRM = ("confirm", "yes", "thibitisha", "ndiyo", "confirmer", "oui")
DECLINE = ("decline", "no", "kataa", "hapana", "refuser", "non")


def take(inbound: InboundMessage, parsed: ParsedMessage, person: Person | None, pk: int,
         language: str) -> None:
    asked = DueDateRequest.objects.select_related(
        "task__plan__cycle__alliance", "task__plan__partner__organisation").filter(pk=pk).first()
    if asked is None:
        refuse(inbound, parsed, language, _("This task no longer exists."), f"date {pk} gone")
        return
    task, link = asked.task, task_link(asked.task)
    if person is None or not may_decide_due_date_by_mail(person, task.plan.cycle.alliance):
        refuse(inbound, parsed, language, _(
            "Only the alliance's coordinators may confirm a new due date; Learnlink does not "
            "know %(address)s as one of theirs, so nothing was changed.")
            % {"address": parsed.from_address}, f"not a coordinator (date {pk})", link)
        return
    word = parsed.first_line.rstrip(".!").strip().casefold()
    if asked.decided is not None or word not in (*CONFIRM, *DECLINE):
        reason = (_("This request was decided already.") if asked.decided is not None else
                  _("Reply with confirm or decline on the first line (thibitisha or kataa; "
                    "confirmer or refuser)."))
        refuse(inbound, parsed, language, reason, f"date {pk}: nothing decided", link)
        return
    with transaction.atomic():  # the decision, its answer and the inbox row's end
        try:
            actions.decide_new_date(asked, person, word in CONFIRM, inbound.received)
        except ValidationError as error:
            refuse(inbound, parsed, language, " ".join(error.messages), f"date {pk}: invalid",
                   link)
            return
        outcome = "confirmed" if word in CONFIRM else "declined"
        answer(parsed, ANSWER, language, {"outcome": outcome, "task": task, "link": link,
                                          "day": asked.due})
        finish(inbound, State.DONE, f"from {parsed.from_address}: date {pk} {outcome}")
