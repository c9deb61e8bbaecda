""""I agree" is read in English, Kiswahili and French, on a line of its own: a line that
discusses, or our own indented line carried along in a reply, agrees to nothing."""

from __future__ import annotations

import pytest

from learnlink.mentoring.contracts.agreement import agrees


@pytest.mark.parametrize("text", [
    "I agree", "I agree.", "i agree!", "Yes, I agree", "We agree to the contract",
    "Habari Zuhura,\n\nNakubali.\n\nElibariki", "Ndiyo, tunakubali", "**Nakubali**",
    "Je suis d'accord", "Je suis d’accord.", "Oui, j'accepte", "D'accord !",
    "Nous acceptons le contrat", "«J’accepte»",
])
def test_these_replies_agree(text):
    assert agrees(text)


@pytest.mark.parametrize("text", [
    "", "I agree with Halima, but what counts as an achievement?", "I do not agree",
    "Nakubali kwa sharti moja", "Je ne suis pas d'accord", "Thanks, we will discuss it",
    "Mwanaisha wrote:\n    I agree\n", "\tNakubali", "I approve, publish",
])
def test_these_replies_do_not(text):
    assert not agrees(text)
