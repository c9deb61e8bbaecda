"""Our own footer, found again in what members write: cut out before the archive shows,
indexes or digests a message.

Members quote whole copies into their replies, footers included, and a footer carries a link
that acts for the member it was sent to. Its form is known (exchange/email/parts/footer.txt,
in each of our languages), so a quoted footer is cut out whole, with the ">" marks the reply put in
front of its lines. A link of ours that is left (a footer a mail program re-wrapped, a welcome
or sign-in mail forwarded to the group) keeps its address but loses its key, as on the outbox
page.

A group may have footer text of its own (Group.footer), above our lines: whoever knows the group
passes it, and a footer with it is cut whole as well.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from learnlink.mail.readable import hide_keys

# Stand-ins rendered into the footer, then replaced by what any group's footer has there.
_FILLS = {"LLFOOTERNAME": r"[^\n]{1,300}?", "LLFOOTERADDRESS": r"\S+",
          "LLFOOTERARCHIVE": r"\S+", "LLFOOTERMUTE": r"\S*/groups/muting/\S+",
          "LLFOOTERLINK": r"\S*/membership/\S+"}
_QUOTE_MARKS = r"[> \t]*"


def without_footers(text: str, group_footer: str = "") -> str:
    """`text` without our footers, quoted or not, with or without the group's own footer
    text above them, and without the keys of our links (a member's page, a sign-in link in a
    mail someone forwarded to the group)."""
    if "/membership/" in text:  # every footer links there: most mail is left alone
        for pattern in _patterns(group_footer):
            text = pattern.sub(_cut, text)
    if settings.LEARNLINK_BASE_URL in text:
        text = hide_keys(text)
    return text


def _cut(footer: re.Match[str]) -> str:
    """A footer goes with the blank lines around it; text after it stays a paragraph apart."""
    return "" if footer.end() == len(footer.string) else "\n"


@lru_cache(maxsize=64)
def _patterns(group_footer: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per language (the footer is in its group's language, the reply in any);
    with the group's footer text, those with it first (a copy sent before the group had its
    text is quoted without it)."""
    texts = [group_footer, ""] if group_footer else [""]
    found = [sorted({_pattern(_rendered(language, text)) for language, _name in settings.LANGUAGES})
             for text in texts]
    return tuple(re.compile(source, re.MULTILINE) for sources in found for source in sources)


def _rendered(language: str, group_footer: str) -> list[str]:
    with translation.override(language):
        text = render_to_string("exchange/email/parts/footer.txt", {
            "group": {"name": "LLFOOTERNAME", "address": "LLFOOTERADDRESS",
                      "footer": group_footer},
            "archive": "LLFOOTERARCHIVE", "settings_url": "LLFOOTERLINK",
            "mute_url": "LLFOOTERMUTE"})
    return [line.rstrip() for line in text.strip("\n").split("\n")]


def _pattern(lines: list[str]) -> str:
    """The footer's lines, each after the same quote marks as the first, the archive and mute
    lines optional (digests have none); blank quoted lines around it go with it."""
    first, *rest = (_line(line) for line in lines)
    source = rf"(?:^{_QUOTE_MARKS}\n)*^(?P<marks>{_QUOTE_MARKS}){first}[ \t]*$"
    for line, line_source in zip(lines[1:], rest, strict=True):
        # A blank line of the group's text, quoted, is often ">" alone, without the space.
        step = rf"\n(?P=marks){line_source}[ \t]*$" if line else rf"\n{_QUOTE_MARKS}$"
        optional = "LLFOOTERARCHIVE" in line or "LLFOOTERMUTE" in line
        source += f"(?:{step})?" if optional else step
    return source + rf"(?:\n{_QUOTE_MARKS}$)*\n?"


def _line(line: str) -> str:
    source = re.escape(line)
    for stand_in, fill in _FILLS.items():
        source = source.replace(stand_in, fill)
    return source
