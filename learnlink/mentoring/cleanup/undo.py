"""Undoing a clean-up action: its rows written back as they were before it.

Refused, with the reason, when a later action changed any of the same messages or threads
(undo that one first), or when something else moved its messages since (new mail, a reparse,
the admin): writing the old rows back would then undo more than the mentor sees in the log.
Replies that arrived below a moved message since go back with it (state.mend).
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learnlink.lib.dates import shown
from learnlink.mentoring.cleanup.actions import Done, Refused, lock_groups
from learnlink.mentoring.cleanup.log import by_name
from learnlink.mentoring.cleanup.state import differences, mend, restore, snapshot
from learnlink.mentoring.models import CleanupEntry, Touch
from learnlink.mentoring.permissions import entry_groups


def undo(by: User, entry: CleanupEntry) -> Done:
    with transaction.atomic():
        lock_groups(entry_groups(entry))
        entry = CleanupEntry.objects.select_for_update().get(pk=entry.pk)
        _check_undoable(entry)
        touched = entry.touched()
        threads = restore(entry.before)
        left = mend(threads | touched[Touch.THREAD], _reindexed(entry))
        entry.undone, entry.undone_by = timezone.now(), by
        entry.save(update_fields=["undone", "undone_by"])
    return Done(entry, left)


def _check_undoable(entry: CleanupEntry) -> None:
    if entry.undone is not None:
        raise Refused(_("This action was undone already."))
    later = CleanupEntry.objects.later_touching(entry).first()
    if later is not None:
        raise Refused(_("“%(action)s” (%(who)s, %(when)s) changed the same messages "
                        "afterwards: undo that first.") % {
            "action": later.get_action_display(), "who": by_name(later.by),
            "when": shown(later.at, "day_time")})
    touched = entry.touched()
    moved = differences(entry.after, snapshot(touched[Touch.MESSAGE], touched[Touch.THREAD]))
    if moved:
        raise Refused(ngettext(
            "A message of this action has moved since (new mail, a reparse or the admin): "
            "undoing it would undo more than this log shows.",
            "%(count)d messages of this action have moved since (new mail, a reparse or the "
            "admin): undoing it would undo more than this log shows.",
            len(moved)) % {"count": len(moved)})


def _reindexed(entry: CleanupEntry) -> set[int]:
    """The messages whose group or removal the action changed: the index must follow."""
    before = {row["id"]: row for row in entry.before["messages"]}
    return {row["id"] for row in entry.after["messages"]
            if row["id"] in before and not row["placeholder"]
            and (row["group"], row["removed"]) != (before[row["id"]]["group"],
                                                   before[row["id"]]["removed"])}
