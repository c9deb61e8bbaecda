"""The mail of syntheses, for the catalogue (learnlink.lib.emails): a published synthesis sent
to its group as a message of the discussion. The sample is the demo's Muheza orange growers'
first thread, built without the database."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute_url

THREAD = "Mlivyompata mnunuzi wa machungwa wa Tanga"


def _point(text: str, pk: int) -> dict[str, str]:
    return {"text": text, "url": absolute_url("exchange:message", "oranges-muheza", pk)}


def _shown(title: str, learned: list[str], standing: str, asked: str) -> dict[str, Any]:
    return {"title": title, "learned": [_point(text, 2 + n) for n, text in enumerate(learned)],
            "standing": standing, "next_questions": [_point(asked, 4)]}


def _translation(code: str) -> tuple[str, dict[str, Any]]:
    """The translation that follows the group's own text: English in the English sample, in the
    others a French one, so that a reader of the sample in Kiswahili or French finds no
    English."""
    if code == "en":
        return "English", _shown(
            "How Muheza found its buyer in Tanga",
            ["Bakari Mhina, a service provider in Muheza, brought the buyer to the village.",
             "We agreed three grades and one collection day."],
            "The group keeps collecting its oranges in one place every Wednesday.",
            "Could the Songea farmers use the same way for maize?")
    return "Français", _shown(
        "Comment Muheza a trouvé son acheteur à Tanga",
        ["Bakari Mhina, prestataire de services à Muheza, a amené l’acheteur au village.",
         "Nous avons convenu de trois calibres et d’un jour de collecte."],
        "Le groupe continue de rassembler ses oranges au même endroit chaque mercredi.",
        "Les producteurs de Songea pourraient-ils faire de même pour le maïs ?")


def _synthesis() -> dict[str, Any]:
    code = "en" if get_language() == "en" else "fr"
    name, translation = _translation(code)
    return {
        "shown": _shown(
            "Jinsi Muheza walivyompata mnunuzi wa Tanga",
            ["Bakari Mhina, mtoa huduma wa Muheza, alimleta mnunuzi kijijini.",
             "Tulikubaliana madaraja matatu na siku moja ya kukusanya machungwa."],
            "Kikundi kitaendelea kukusanya machungwa sehemu moja kila Jumatano.",
            "Je, wakulima wa Songea wanaweza kutumia njia hii kwa mahindi?"),
        "others": [{"code": code, "language_name": name, "shown": translation}],
        "mentor": "Zuhura Shemdoe", "reply_to_subject": THREAD,
        "url": absolute_url("exchange:thread", "oranges-muheza", 1)}


KINDS = [Kind("mentoring", "synthesis",
              _("a group's members: a mentor's synthesis, as a message of the discussion"),
              _synthesis)]
