"""Text as XML 1.0 allows it. ElementTree escapes `<`, `&` and quotes but writes control
characters through, and a single one makes the whole SVG or GraphML unreadable; a name pasted
from a spreadsheet can carry one."""

from __future__ import annotations

import re

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """The text without the characters XML 1.0 forbids."""
    return FORBIDDEN.sub("", text)
