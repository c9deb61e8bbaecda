""""I approve" in a learner's reply, in English, Kiswahili or French, and whether they let it be
published.

The mail asks for one short line: "I approve, publish" or "I approve, do not publish" (in
Kiswahili "Nakubali, ichapishwe" / "Nakubali, isichapishwe"; in French "J'approuve, publiez" /
"J'approuve, ne publiez pas"). A line counts only when it says that and nothing more (a "yes"
before it and punctuation aside), so "I approve of the first part, but..." approves nothing:
a comment that discusses the text must not be taken for consent. Any line of the reply's own
text may carry it, since a greeting often comes first; the language of the line need not be the
write-up's. The mail shows both lines indented: a reply that carries our mail along without
quote marks holds both, and so says nothing; an indented line is never the learner's answer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_YES = r"(?:yes|ndiyo|ndio|oui)"
_APPROVE = r"(?:i approve|i approve it|nakubali|j'approuve|je l'approuve|j'approuve le texte)"
_NO_PUBLISH = (r"(?:do not publish(?: it)?|don't publish(?: it)?|not for publication"
               r"|isichapishwe|usichapishe|msichapishe|ne publiez pas|ne pas publier"
               r"|ne le publiez pas|ne la publiez pas)")
_PUBLISH = (r"(?:(?:you may )?publish(?: it)?|ichapishwe|mnaweza kuichapisha|chapisheni"
            r"|(?:vous pouvez )?publiez(?:-le|-la)?|vous pouvez le publier)")
_SEPARATOR = r"\s*[,.;:!-]*\s*"
_LINE = re.compile(rf"^(?:{_YES}{_SEPARATOR})?{_APPROVE}"
                   rf"(?:{_SEPARATOR}(?:(?P<no>{_NO_PUBLISH})|(?P<yes>{_PUBLISH})))?"
                   r"\s*[.!]*$")
_INDENT = ("    ", "\t")  # how our mail sets out the two lines to copy
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "\xa0": " "})


@dataclass(frozen=True)
class Decision:
    """The learner approved; `publish` is their answer about publication, None if not given."""

    publish: bool | None


def decision(text: str) -> Decision | None:
    """The approval a reply's own text makes, if any (see the module's docstring); None when
    its approval lines disagree about publication."""
    found = {_publish(match) for line in text.splitlines()
             if not line.startswith(_INDENT) and (match := _LINE.match(_normalised(line)))}
    return Decision(found.pop()) if len(found) == 1 else None


def _publish(line: re.Match[str]) -> bool | None:
    return False if line.group("no") else True if line.group("yes") else None


def _normalised(line: str) -> str:
    """Lower case, one kind of apostrophe, single spaces, no emphasis marks or quotes around."""
    line = unicodedata.normalize("NFC", line).translate(_QUOTES).lower()
    return " ".join(line.split()).strip(" *_\"«»“”")
