"""What a group's moderators change about a member: their role, and whether their posts wait for
review. The members page calls these; who may call them is permissions' to decide
(`membership_for_moderator`, `may_set_role`), checked first in each view."""

from __future__ import annotations

from learnlink.exchange.models import Membership, Role


def set_role(membership: Membership, role: str) -> bool:
    """Make the member a learner, observer, mentor or owner; False when they already were."""
    if membership.role == role:
        return False
    membership.role = Role(role)
    membership.save(update_fields=["role"])
    return True


def hold_posts(membership: Membership, hold: bool) -> bool:
    """Hold what the member sends for a mentor's review (posting.HELD_MEMBER), or stop holding
    it; False when it already was so. Their posts already waiting stay in the queue."""
    if membership.hold_posts == hold:
        return False
    membership.hold_posts = hold
    membership.save(update_fields=["hold_posts"])
    return True
