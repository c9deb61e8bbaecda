"""How a message's plain text is shown on a page."""

import re

_LIST_OR_QUOTE = re.compile(r"^\s*([-*•>]|\d+[.)])\s")
WRAPPED = 60  # a line this long that goes on in the next line was wrapped by a mail program


def reflow(text: str) -> str:
    """Join the lines a mail program hard-wrapped at about 72 characters, so a paragraph fills
    a phone's screen instead of breaking in odd places. Short lines, blank lines, list items
    and quotes keep their breaks: those were meant."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line):
            out[-1] = f"{out[-1].rstrip()} {line.lstrip()}"
        else:
            out.append(line)
    return "\n".join(out)


def _continues(previous: str, line: str) -> bool:
    last_of_previous = previous.rsplit("\n", 1)[-1]
    return (len(last_of_previous) >= WRAPPED and bool(line.strip())
            and not _LIST_OR_QUOTE.match(line) and not line.startswith(" "))
