"""Changing a group's settings: the one path for the settings page (and any API or mail command
to come), and the record of who changed what, from what to what.

The record is Django's admin log (LogEntry), the group's "History" in the admin: a change made
there and one made on the settings page read alike. Cached thread articles show the group's
slug and address, which no setting here changes; the guests' kept pages show its name and
description, and are dropped on a change (one made in the admin shows within a minute).
"""

from __future__ import annotations

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from learnlink.exchange import page_generations
from learnlink.exchange.models import Group

# What a group's moderators may change. The slug (its address) is not here: every member's
# mail filters and address book know it. Visibility is staff's (a private archive made public
# is every message made public), as is the spam threshold, in the admin.
SETTINGS = ("name", "description", "language", "posting_policy", "subject_prefix", "footer",
            "reply_to", "size_limit", "join_by_subject", "observers_may_post")
SHOWN = 5  # changes listed on the settings page; the admin's history has them all


class NotASetting(ValueError):
    """A caller tried to change something that is not a moderator's setting."""


def change_settings(group: Group, by: User, **changes: object) -> list[str]:
    """Set `changes` on the group, checked as the model checks them (ValidationError), and
    record those that differ; the names of the fields that changed."""
    unknown = changes.keys() - set(SETTINGS)
    if unknown:
        raise NotASetting(", ".join(sorted(unknown)))
    changed = {name: (getattr(group, name), value) for name, value in changes.items()
               if getattr(group, name) != value}
    if not changed:
        return []
    for name, (_old, new) in changed.items():
        setattr(group, name, new)
    group.clean_fields(exclude=[field.name for field in Group._meta.fields
                                if field.name not in changed])
    with transaction.atomic():
        group.save(update_fields=list(changed))
        LogEntry.objects.log_actions(by.pk, [group], CHANGE, change_message=_described(changed),
                                     single_object=True)
        page_generations.forget_groups([group.pk])
    return list(changed)


def recent_changes(group: Group) -> QuerySet[LogEntry]:
    """The latest changes to the group's settings, newest first, with who made them."""
    return (LogEntry.objects.filter(content_type__app_label="exchange",
                                    content_type__model="group", object_id=str(group.pk))
            .select_related("user__person").order_by("-action_time")[:SHOWN])


def _described(changed: dict[str, tuple[object, object]]) -> str:
    """One line per field, old value then new: what the log keeps for the next moderator."""
    return "\n".join(f"{name}: {old!r} → {new!r}" for name, (old, new) in changed.items())
