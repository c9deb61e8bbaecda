"""The peer finder's mail, for the catalogue (learnlink.lib.emails): the answer to a question
sent to peers@, with a sample from the demo network's warehouse receipts built without the
database."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from learnlink.lib.emails import Kind
from learnlink.mentoring.peers.finder import Answer, Peer, Shown, Where
from learnlink.mentoring.peers.question import read_question


def _shown(url: str, title: str, snippet: str, days: int | None) -> Shown:
    date = timezone.now() - datetime.timedelta(days=days) if days is not None else None
    return Shown(url, title, snippet, SafeString(escape(snippet)), date)


def _answer() -> dict[str, Any]:
    mbeya = Where("Mbeya", "Mbeya", "Tanzania")
    return {"address": f"peers@{settings.LEARNLINK_MAIL_DOMAIN}", "answer": Answer(
        read_question("Nani amefanya stakabadhi ghalani?"), [
            Peer("organisation", 1, "Mbonzo Cooperative",
                 "/directory/organisations/mbonzo-cooperative/", mbeya, 2.142, [
                     _shown("/directory/organisations/mbonzo-cooperative/",
                            gettext("Directory"), "warehouse receipts, maize · A cooperative "
                            "that stores members' maize in a warehouse and gives them a "
                            "receipt.", None),
                     _shown("/groups/warehouse-receipts/messages/2/",
                            "Re: How do the Mbonzo warehouse receipts work?",
                            "If she needs money before selling, she takes the receipt to the "
                            "SACCO and borrows against it.", 30)]),
            Peer("person", 2, "Atupele Mwakyusa", "/directory/people/atupele-mwakyusa/",
                 mbeya, 0.641, [_shown("/groups/warehouse-receipts/messages/3/",
                                       "Re: How do the Mbonzo warehouse receipts work?",
                                       "grade it and write name, weight and grade on the "
                                       "receipt, with a copy in our book", 28)])])}


KINDS = [Kind("mentoring", "peers_answer", _("whoever asks peers@ who has done something"),
              _answer)]
