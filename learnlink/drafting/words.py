"""Words of a text as the drafter compares them: lower case, stop words of English, French and
Kiswahili left out, plural and simple verb endings off, so that two sentences saying the same
thing in slightly different words share most of their words.
"""

from __future__ import annotations

import re
from collections.abc import Set

_STOP_TEXT = """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing done down during each even few for from
further get got had has have having he her here hers him his how i if in into is it its itself
just less let like made make many may me more most much must my no nor not now of off often on
once only or other our ours out over own per quite rather same she should since so some such
than that the their theirs them then there these they this those through to too under until up
upon us very was we were what when where which while who whom why will with within without
would yet you your themselves itself himself herself ourselves also still well good better
did didn't don't not will want able way ways need needed au aux avec ce ces cette dans de des du
elle elles en est et être été eu il ils je la le les leur leurs lui ma mais me même mes moi mon
ne nos notre nous on ont ou où par pas plus pour qu que qui sa se ses si son sont sur ta te tes
toi ton tous tout toute toutes très tu un une vos votre vous y ça était avons avait fait faire
bien bon bonne aussi donc alors comme peu sans entre après avant encore déjà chaque na ya wa za
la kwa katika ni si kama lakini au pia hii hiyo huo hizo hao sisi wao yeye mimi wewe nyinyi
kuwa kwamba ili hata tu sana zaidi kila baadhi bado tena kwenye hapa pale huko nini gani wakati
baada kabla bila pamoja ndani nje juu chini vizuri vile hivyo hivi ambao ambayo ambapo kutoka
mpaka hadi yetu wetu letu zetu kwetu moja mbili tatu nne tano
one two three four five first second third came come comes took take takes gave give gives went
go goes got put said new old deux trois quatre premier première deuxième
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Words that say nothing about the subject, in English, French and Kiswahili."""

SIMILAR = 0.5
"""Share of meaningful words two sentences must have in common to say the same thing."""

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ENDINGS = ("ies", "es", "s", "ing", "ed")


def tokens(text: str) -> list[str]:
    """Every word of a text, lower case, with one kind of apostrophe."""
    return [word.lower().replace("’", "'") for word in _WORD.findall(text)]


def stem(word: str) -> str:
    """Plural and simple verb endings off, and a final silent e, so that 'surveys' and 'survey',
    'decides' and 'decide' count as one word."""
    for ending in _ENDINGS:
        if len(word) > len(ending) + 3 and word.endswith(ending):
            word = word[: -len(ending)] + ("y" if ending == "ies" else "")
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def words_of(text: str, stop_words: Set[str] = STOP_WORDS) -> list[str]:
    """The meaningful words of a text, stemmed, in order."""
    return [stem(word) for word in tokens(text) if word not in stop_words and len(word) > 2]


def similar(first: Set[str], second: Set[str]) -> bool:
    """Nearly the same point: most words shared, or at least three with most of the shorter."""
    if not first or not second:
        return first == second
    common = len(first & second)
    shorter = min(len(first), len(second))
    return (common / len(first | second) >= SIMILAR or common / shorter >= 0.8
            or (common >= 3 and common / shorter >= 0.6))


def overlap(first: Set[str], second: Set[str]) -> float:
    """How much of the shorter word set the other one holds, from 0 to 1."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))
