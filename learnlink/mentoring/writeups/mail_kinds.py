"""The mail of write-up coaching, for the catalogue (learnlink.lib.emails): the draft to its
learner, and the learner's answer to their mentor. Samples from the demo network's Kicheba
orange growers, built without the database."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute
from learnlink.mentoring.models import WriteUp, WriteUpState
from learnlink.people.models import Organisation, Person

TEXT = ("Kicheba wanachagua na kupanga madaraja ya machungwa kijijini kabla gari halijafika; "
        "mnunuzi alieleza anataka nini na ikaandikwa.\n\n"
        "> Kabla ya kukubali tuliwauliza wanunuzi wengine pia. Hatukukubali bei ya kwanza "
        "tuliyoambiwa.\n\n"
        "— Athumani Kaniki, Kicheba Orange Growers Group, 19 Julai 2003\n"
        f"{settings.LEARNLINK_BASE_URL}/groups/oranges-muheza/messages/2/\n")


def writeup() -> WriteUp:
    return WriteUp(pk=1, title="Jinsi Kicheba walivyompata mnunuzi wa Tanga", text=TEXT,
                   language="sw", state=WriteUpState.WITH_LEARNER,
                   learner=Person(name="Athumani Kaniki", slug="athumani-kaniki"),
                   organisation=Organisation(name="Kicheba Orange Growers Group"))


def _to_learner() -> dict[str, Any]:
    sample = writeup()
    return {"writeup": sample, "mentor": "Zuhura Shemdoe",
            "url": absolute(sample.get_absolute_url()),
            "days": settings.LEARNLINK_WRITEUP_REPLY_DAYS}


def _to_mentor() -> dict[str, Any]:
    sample = writeup()
    sample.state, sample.publish = WriteUpState.APPROVED, True
    return {"writeup": sample, "learner": "Athumani Kaniki", "approved": True,
            "text": ("Nakubali, ichapishwe. Ongezeni kwamba Mwanaidi, katibu wetu, anaandika "
                     "kila mwanachama ameleta kiasi gani."),
            "url": absolute(sample.get_absolute_url())}


KINDS = [
    Kind("mentoring", "writeup_to_learner", _("the learner of a write-up, with its draft"),
         _to_learner),
    Kind("mentoring", "writeup_to_mentor",
         _("a write-up's mentor, when its learner comments or approves"), _to_mentor),
]
