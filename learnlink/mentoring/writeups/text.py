"""A write-up is plain text, so that it reads the same in the learner's mail as on the page.

Its few marks are those a mail reader already knows: blank lines between paragraphs, "## "
before a heading, "> " before quoted lines, and "— " before a quote's attribution (who, their
organisation, when, and the link to the message on the next line). This module turns that text
into the page's HTML, escaped, with its links made clickable, and nothing else: no markup a
learner could not type in a reply.
"""

from __future__ import annotations

import re

from django.utils.html import escape, urlize
from django.utils.safestring import SafeString

from learnlink.exchange.display import reflow

HEADING = "## "
QUOTE = ">"
ATTRIBUTION = "— "
_BLOCKS = re.compile(r"\n[ \t]*\n")
_LINK_LENGTH = 60


def as_html(text: str) -> SafeString:
    """The write-up's text as the page shows it (see the module's docstring for the marks)."""
    html = []
    for block in _BLOCKS.split(text.replace("\r\n", "\n").strip()):
        lines = block.strip("\n").split("\n")
        while lines and lines[0].startswith(HEADING):
            html.append(f"<h2>{escape(lines.pop(0).removeprefix(HEADING).strip())}</h2>")
        if lines:
            html.append(_block(lines))
    return SafeString("\n".join(html))


def _block(lines: list[str]) -> str:
    if all(line.startswith(QUOTE) for line in lines):
        quoted = "\n".join(line.removeprefix(QUOTE).removeprefix(" ") for line in lines)
        return f'<blockquote class="text">{_linked(reflow(quoted))}</blockquote>'
    if lines[0].startswith(ATTRIBUTION):
        return f'<p class="muted">{"<br>".join(_linked(line) for line in lines)}</p>'
    return f'<p class="text">{_linked(reflow(chr(10).join(lines)))}</p>'


def _linked(text: str) -> str:
    return urlize(text, trim_url_limit=_LINK_LENGTH, nofollow=True, autoescape=True)
