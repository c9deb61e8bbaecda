"""A group's reading of SpamAssassin's score: mail at or above the group's threshold waits in
the quarantine with its score and the rules that matched, where a mentor can release it; it is
never delivered. When spamd cannot answer in time the mail goes on unchecked (a spam filter
that is down must not stop a group), and the log says so."""

from __future__ import annotations

import logging

from learnlink.exchange.models import Group
from learnlink.mail.spam import SpamdError, spam_score

logger = logging.getLogger(__name__)
RULES_SHOWN = 8


def spam_reason(group: Group, raw: bytes) -> str:
    """Why the mail is spam for `group`; '' when it is not, or was not checked."""
    try:
        found = spam_score(raw)
    except SpamdError as error:
        logger.warning("mail to %s not checked for spam: %s", group.slug, error)
        return ""
    if found is None or found.score < group.spam_threshold:
        return ""
    rules = ", ".join(found.rules[:RULES_SHOWN]) or "no rule named"
    return (f"spam: SpamAssassin scored it {found.score:g}, at or above the group's threshold "
            f"of {group.spam_threshold:g} ({rules})")
