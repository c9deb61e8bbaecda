""""I approve" in a learner's reply, in English, Kiswahili or French, and whether they let it be
published.

The mail asks for one short line: "I approve, publish" or "I approve, do not publish" (in
Kiswahili "Nakubali, ichapishwe" / "Nakubali, isichapishwe"; in French "J'approuve, publiez" /
"J'approuve, ne publiez pas"), read as mentoring.consent reads any consent line: so "I approve
of the first part, but..." approves nothing. The language of the line need not be the
write-up's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from learnlink.mentoring.consent import END, SEPARATOR, YES, consenting_lines

_APPROVE = r"(?:i approve|i approve it|nakubali|j'approuve|je l'approuve|j'approuve le texte)"
_NO_PUBLISH = (r"(?:do not publish(?: it)?|don't publish(?: it)?|not for publication"
               r"|isichapishwe|usichapishe|msichapishe|ne publiez pas|ne pas publier"
               r"|ne le publiez pas|ne la publiez pas)")
_PUBLISH = (r"(?:(?:you may )?publish(?: it)?|ichapishwe|mnaweza kuichapisha|chapisheni"
            r"|(?:vous pouvez )?publiez(?:-le|-la)?|vous pouvez le publier)")
_LINE = re.compile(rf"^(?:{YES}{SEPARATOR})?{_APPROVE}"
                   rf"(?:{SEPARATOR}(?:(?P<no>{_NO_PUBLISH})|(?P<yes>{_PUBLISH})))?{END}")


@dataclass(frozen=True)
class Decision:
    """The learner approved; `publish` is their answer about publication, None if not given."""

    publish: bool | None


def decision(text: str) -> Decision | None:
    """The approval a reply's own text makes, if any (see the module's docstring); None when
    its approval lines disagree about publication."""
    found = {_publish(match) for match in consenting_lines(text, _LINE)}
    return Decision(found.pop()) if len(found) == 1 else None


def _publish(line: re.Match[str]) -> bool | None:
    return False if line.group("no") else True if line.group("yes") else None

