"""The mail of introductions, for the catalogue (learnlink.lib.emails), with a sample drawn
from the demo network: Elisante Massawe puts Babati's rice farmers, who wonder how to pay
their market spies, in touch with Mufindi's spies, whose groups pay for their airtime. Built
without the database."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute, absolute_url


def _sample(reminder: bool = False) -> dict[str, Any]:
    seeker = {"name": "Joseph Bura", "role": "chairperson",
              "organisation": "Babati Rice Farmers Association",
              "place": "Babati, Manyara, Tanzania"}
    peer = {"name": "Yohana Mgimwa", "role": "market spy",
            "organisation": "Mufindi Market Spies Group", "place": "Mufindi, Iringa, Tanzania"}
    return {
        "introducer": "Elisante Massawe", "seeker": seeker, "peer": peer, "sides": [seeker, peer],
        "context": "Babati wanajadili jinsi ya kumlipa shushushu ili kazi iendelee baada ya "
                   "msimu. Mufindi, vikundi vinavyopokea bei vinachangia kidogo kila mwezi "
                   "kwa ajili ya vocha.",
        "evidence": {"label": "Re: Jinsi tunavyokusanya bei Mufindi – Yohana Mgimwa",
                     "url": absolute("/groups/market-spies/messages/3/")},
        "page": absolute_url("mentoring:introduction", 1),
        "languages": [get_language()], "reminder": reminder,
        "sent": timezone.now() - datetime.timedelta(days=15)}


KINDS = [
    Kind("mentoring", "introduction",
         _("two organisations a mentor or a learner introduces to each other"), _sample),
    Kind("mentoring", "introduction_reminder",
         _("both sides of an introduction nobody answered, once"), lambda: _sample(True)),
]
