"""How a message's plain text is shown on a page."""

import re

WRAPPED = 60  # a line this long that goes on in the next line was wrapped by a mail program

# A long line, then a line that continues the sentence: not blank, not indented, not a quote,
# not a list item ("- ", "* ", "• ", "1. ", "2) ").
_WRAP = re.compile(rf"(?m)^([^\n]{{{WRAPPED},}})\n(?=[^\s>*•\-])(?!\d+[.)]\s)")


def reflow(text: str) -> str:
    """Join the lines a mail program hard-wrapped at about 72 characters, so a paragraph fills
    a phone's screen instead of breaking in odd places. Short lines, blank lines, list items
    and quotes keep their breaks: those were meant."""
    return _WRAP.sub(r"\1 ", text)
