"""What a sentence does, read from the words of English, Kiswahili and French: asks a question,
states a plan or a decision, gives a figure (a price, a weight, a number of members).

Kiswahili marks the future inside the verb: "tu-ta-fanya" (we will do), "ni-ta-tuma" (I will
send), "ha-tu-ta-shuka" (we will not go down); so a plan there is a word starting "tuta" or
"nita", where English and French need two words ("we will", "nous allons").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUESTION_MARKS = ("?", "？", "؟")  # also full-width and Arabic
_ASKING = re.compile(
    r"\b(?:i(?:'m| am) curious|i wonder|we wonder|wondering (?:if|whether)|"
    r"(?:i|we) would like to know|please (?:tell|let) us|could you (?:tell|explain|share)|"
    r"(?:tunge|ninge)penda kujua|naomba (?:kujua|mtueleze|utueleze)|tafadhali tuelezeni|"
    r"tuambieni|nous aimerions savoir|j'aimerais savoir|je me demande|"
    r"pourriez-vous (?:nous )?(?:dire|expliquer)|dites-nous)\b",
    re.IGNORECASE)

_PLAN = re.compile(
    r"\b(?:(?:we|i|our group|the group|the members)\s+(?:will|shall|are going to|am going to|"
    r"plan to|intend to|decided to|have decided|agreed to|have agreed|are planning)|"
    r"(?:we|i)['’]ll|next (?:step|season|year|month|week) (?:we|is)|"
    r"(?:ha)?(?:tu|ni)ta[a-z]{3,}|tumeamua|tumekubaliana|tunapanga|tuna mpango|mpango wetu|"
    r"msimu ujao (?:tu|ni)[a-z]+|"
    r"nous\s+(?:allons|irons|[a-zéè]+rons|avons décidé|comptons|prévoyons|envisageons)|"
    r"(?:on|je)\s+va(?:is)?\s+[a-zéè]+|la prochaine (?:étape|saison)|"
    r"nous nous sommes mis d'accord)\b",
    re.IGNORECASE)

_SWAHILI_NUMBERS = ("moja|mbili|tatu|nne|tano|sita|saba|nane|tisa|kumi|ishirini|thelathini|"
                    "arobaini|hamsini|sitini|sabini|themanini|tisini")
# A number: digits (1,200 / 1 200 / 2.5, but not a year such as 2004) or a number word of the
# three languages.
_NUMBER = (r"(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:[ ,.'\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
           r"|(?:hundred|thousand|million|cent|mille|millions?)"
           rf"|(?:mia|elfu|laki|milioni)(?:\s+(?:{_SWAHILI_NUMBERS}|\d+)\b)?")
_UNITS = {
    "money": r"(?:t?shs?|tzs|kes|ksh|kshs|ugx|ush|usd|us\$|\$|€|eur|euros?|fbu|bif|rwf|frw|etb|"
             r"birr|shillings?|shilingi|francs?|fcfa|cfa|dollars?)",
    "weight": r"(?:tonnes?|tons?|t|tani|kg|kgs|kilos?|kilograms?|kilogrammes?|quintals?|"
              r"bags?|sacks?|gunia|magunia|sacs?|debe|madebe|crates?|tenga|matenga)",
    "people": r"(?:members?|wanachama|mwanachama|membres?|farmers?|wakulima|mkulima|"
              r"agriculteurs?|producteurs?|productrices?|women|wanawake|femmes|groups?|"
              r"vikundi|groupements?|households?|kaya|ménages?|families|familles|people|watu|"
              r"personnes)",
    "area": r"(?:hectares?|ha|acres?|ekari|heka)",
    "share": r"(?:%|percent|per cent|asilimia|pour ?cent)",
}
_UNIT = "|".join(f"(?P<{kind}>{unit})" for kind, unit in _UNITS.items())
# The unit after the number (500 shillings, 3 tonnes, 40 members) or before it (shilingi 500,
# tani 3, wanachama 45, TSh 500, asilimia 20), at most one word apart ("40 women farmers").
_FIGURE = re.compile(
    rf"(?<![\w$€])(?:(?:{_NUMBER})\s*(?:[^\W\d]+\s+)?(?:{_UNIT})"
    rf"|(?:{_UNIT.replace('?P<', '?P<before_')})\.?\s*(?:{_NUMBER}))(?![^\W\d_])",
    re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A number with what it counts: `kind` is money, weight, people, area or share."""

    text: str
    kind: str


def is_question(sentence: str) -> bool:
    """Asks something: ends with a question mark, or asks in words ("we would like to know",
    "tungependa kujua", "nous aimerions savoir")."""
    return sentence.rstrip("\"')» ").endswith(_QUESTION_MARKS) or bool(_ASKING.search(sentence))


def is_plan(sentence: str) -> bool:
    """Says what someone will do or has decided: "we will", "tutafanya", "nous allons"."""
    return bool(_PLAN.search(sentence))


def figures(sentence: str) -> list[Figure]:
    """The figures of a sentence, as written, with what each counts."""
    found = []
    for match in _FIGURE.finditer(sentence):
        kind = next(name for name, value in match.groupdict().items() if value is not None)
        found.append(Figure(match.group(0).strip(), kind.removeprefix("before_")))
    return found
