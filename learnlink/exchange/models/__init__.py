"""Team spaces and what is said in them."""

from learnlink.exchange.models.delivery import Digest, MutedThread, PendingChange, Subscription
from learnlink.exchange.models.groups import (
    BannedAddress,
    DeliveryMode,
    Group,
    HeldNotices,
    Membership,
    PostingPolicy,
    ReplyTo,
    Role,
    Visibility,
)
from learnlink.exchange.models.messages import Attachment, Message, Thread
from learnlink.exchange.models.moderation import HeldMessage, HeldStatus

__all__ = [
    "Attachment",
    "BannedAddress",
    "DeliveryMode",
    "Digest",
    "Group",
    "HeldMessage",
    "HeldNotices",
    "HeldStatus",
    "Membership",
    "Message",
    "MutedThread",
    "PendingChange",
    "PostingPolicy",
    "ReplyTo",
    "Role",
    "Subscription",
    "Thread",
    "Visibility",
]
