""""I agree" in a reply to a contract's offer, in English, Kiswahili or French: "I agree",
"Nakubali", "Je suis d'accord", "J'accepte", "D'accord" (and "we" for "I"), read as
mentoring.consent reads any consent line, so "I agree with Halima, but..." agrees to nothing.
"""

from __future__ import annotations

import re

from learnlink.mentoring.consent import END, SEPARATOR, YES, consenting_lines

_AGREE = (r"(?:i agree|we agree|i agree to the contract|we agree to the contract"
          r"|nakubali|tunakubali|nakubali mkataba|tunakubali mkataba"
          r"|je suis d'accord|nous sommes d'accord|d'accord|j'accepte|nous acceptons"
          r"|j'accepte le contrat|nous acceptons le contrat)")
_LINE = re.compile(rf"^(?:{YES}{SEPARATOR})?{_AGREE}{END}")


def agrees(text: str) -> bool:
    """Whether a reply's own text says it agrees, on a line of its own."""
    return bool(consenting_lines(text, _LINE))
