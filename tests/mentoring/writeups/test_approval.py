"""Which replies approve a write-up: the one short line the mail asks for, in any of the three
languages, wherever it stands in the reply's own text; never a sentence that discusses
approval, and never the mail's own instructions carried along without quote marks."""

from __future__ import annotations

import pytest
from django.utils import translation

from learnlink.lib.emails import render_sample
from learnlink.mentoring.writeups.approval import Decision, decision
from learnlink.mentoring.writeups.mail_kinds import KINDS


@pytest.mark.parametrize(("text", "publish"), [
    ("I approve", None),
    ("I approve, publish", True),
    ("Dear Joseph,\n\nI approve, do not publish.\n\nHalima", False),
    ("Yes, I approve. You may publish it!", True),
    ("*I APPROVE*", None),
    ("Nakubali", None),
    ("Nakubali, ichapishwe", True),
    ("Ndiyo, nakubali - isichapishwe", False),
    ("J'approuve", None),
    ("J’approuve, publiez", True),
    ("Oui, j’approuve, ne publiez pas.", False),
])
def test_the_approval_line_in_each_language_approves(text, publish):
    assert decision(text) == Decision(publish)


@pytest.mark.parametrize("text", [
    "", "I approve of the first part, but not the prices.", "I do not approve.",
    "Sikubali, bei si sahihi.", "Je n'approuve pas le deuxième paragraphe.",
    "Please publish it after the harvest.", "> I approve, publish",
    "I approve, publish\nI approve, do not publish",
])
def test_anything_else_approves_nothing(text):
    assert decision(text) is None


@pytest.mark.parametrize("language", ["en", "sw", "fr"])
def test_the_mails_own_lines_carried_along_unquoted_approve_nothing(language):
    """Some mail programs forward or reply with the whole mail and no quote marks."""
    [to_learner] = [kind for kind in KINDS if kind.name == "writeup_to_learner"]
    text = render_sample(to_learner, language).text
    with translation.override(language):
        assert decision(text) is None
        assert decision(f"Asante.\n\n{text}") is None
