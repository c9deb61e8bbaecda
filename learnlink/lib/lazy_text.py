"""A translated message with its values filled in when it is read, not when it is written.

A reply by mail is rendered in its recipient's language, later than the code that chose its
words: `_("… %(group)s …") % values` would fill a lazy message in the language of the moment
(the server's), and the recipient would get English inside their Kiswahili mail.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.functional import Promise, lazy


def _fill(message: str | Promise, values: Mapping[str, object]) -> str:
    return str(message) % values


filled = lazy(_fill, str)
