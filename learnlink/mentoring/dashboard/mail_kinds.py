"""The dashboard's mail for the catalogue (learnlink.lib.emails): the mentors' morning summary,
with a sample from the demo network's orange growers of Muheza, built without the database."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from learnlink.exchange.models import Group
from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute, absolute_url


def _sample() -> dict[str, Any]:
    oranges = Group(slug="oranges-muheza", name="Machungwa Muheza: kuuza pamoja")
    question = {
        "text": _("%(name)s asked: “%(question)s”") % {
            "name": "Elisante Massawe",
            "question": "Athumani au Bakari, mnaweza kutuma mfano wa makubaliano yenu, bila "
                        "bei, ili Magugu waone yanavyoandikwa?"},
        "url": absolute("/groups/oranges-muheza/messages/123/"), "group": oranges,
        "action": gettext_lazy("Answer by email"),
        "action_url": f"mailto:{oranges.address}?subject=Re%3A%20Babati"}
    moderation = absolute_url("exchange:moderation", oranges.slug)
    held = {"text": ngettext("%(count)d message waits for a moderator",
                             "%(count)d messages wait for a moderator", 2) % {"count": 2},
            "url": moderation, "group": oranges, "action_url": moderation,
            "action": gettext_lazy("Approve or reject")}
    return {"person": {"name": "Zuhura Shemdoe"}, "total": 6,
            "link": absolute_url("mentoring:dashboard"),
            "sections": [
                {"title": gettext_lazy("Questions nobody answered"), "count": 4, "more": 3,
                 "rows": [question]},
                {"title": gettext_lazy("Messages held for a moderator"), "count": 1, "more": 0,
                 "rows": [held]}]}


KINDS = [Kind("mentoring", "summary",
              gettext_lazy("each mentor, in the morning, when something in their groups "
                           "needs them"), _sample)]
