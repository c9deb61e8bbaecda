"""The mail of syntheses, for the catalogue (learnlink.lib.emails): a published synthesis sent
to its group as a message of the discussion. The sample is the demo's Muheza orange growers'
first thread, built without the database."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute_url

THREAD = "Mlivyompata mnunuzi wa machungwa wa Tanga"


def _point(text: str, pk: int) -> dict[str, str]:
    return {"text": text, "url": absolute_url("exchange:message", "oranges-muheza", pk)}


def _shown(title: str, learned: list[str], standing: str, asked: str) -> dict[str, Any]:
    return {"title": title, "learned": [_point(text, 2 + n) for n, text in enumerate(learned)],
            "standing": standing, "next_questions": [_point(asked, 4)]}


def _synthesis() -> dict[str, Any]:
    return {
        "shown": _shown(
            "Jinsi Muheza walivyompata mnunuzi wa Tanga",
            ["Bakari Mhina, mtoa huduma wa Muheza, alimleta mnunuzi kijijini.",
             "Tulikubaliana madaraja matatu na siku moja ya kukusanya machungwa."],
            "Kikundi kitaendelea kukusanya machungwa sehemu moja kila Jumatano.",
            "Je, wakulima wa Songea wanaweza kutumia njia hii kwa mahindi?"),
        "others": [{"code": "en", "language_name": "English", "shown": _shown(
            "How Muheza found its buyer in Tanga",
            ["Bakari Mhina, a service provider in Muheza, brought the buyer to the village.",
             "We agreed three grades and one collection day."],
            "The group keeps collecting its oranges in one place every Wednesday.",
            "Could the Songea farmers use the same way for maize?")}],
        "mentor": "Zuhura Shemdoe", "reply_to_subject": THREAD,
        "url": absolute_url("exchange:thread", "oranges-muheza", 1)}


KINDS = [Kind("mentoring", "synthesis",
              _("a group's members: a mentor's synthesis, as a message of the discussion"),
              _synthesis)]
