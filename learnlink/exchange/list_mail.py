"""The headers and footer that make mail a group's mail, for posts and digests alike.

Rendered once per message in the group's language, with a marker where each member's own token
goes: the sender fills it in per recipient (see learnlink.mail.outbox).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.header import Header
from email.utils import formataddr

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from learnlink.exchange.member_links import leave_url, settings_url
from learnlink.exchange.models import Group, Message, ReplyTo
from learnlink.exchange.muting import mute_url
from learnlink.exchange.subject_prefix import with_prefix
from learnlink.lib.links import absolute
from learnlink.mail.decorate import decorate
from learnlink.mail.models.outbox import part_marker
from learnlink.mail.outbox import new_marker

# Headers a list replaces or must not pass on (read receipts to every member, old signatures).
DROPPED = ("DKIM-Signature", "ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results",
           "Return-Path", "Sender", "Errors-To", "Precedence", "X-Loop", "List-Id", "List-Post",
           "List-Archive", "List-Help", "List-Subscribe", "List-Unsubscribe",
           "List-Unsubscribe-Post", "Disposition-Notification-To", "Return-Receipt-To",
           "X-Original-From")


def list_headers(group: Group, marker: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers; the unsubscribe link carries the member's token."""
    return {
        "List-Id": f"{Header(group.name, 'utf-8').encode()} <{group.list_id}>",
        "List-Post": f"<mailto:{group.address}>",
        "List-Archive": f"<{absolute(group.get_absolute_url())}>",
        "List-Help": f"<mailto:{group.command_address('help')}>",
        "List-Unsubscribe": f"<{leave_url(marker)}>, "
                            f"<mailto:{group.command_address('unsubscribe')}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Precedence": "list",
        "X-Loop": group.address,
    }


def subject_header(group: Group, subject: str) -> str:
    """The Subject of a member's copy or digest, with the group's prefix once, encoded for
    mail (RFC 2047) when it is not ASCII."""
    subject = with_prefix(subject, group.subject_prefix)
    return subject if subject.isascii() else Header(subject, "utf-8").encode()


def footer(group: Group, marker: str, archive: str = "") -> str:
    """A post's footer (with `archive`, its link in the archive) also links to muting its
    thread, with the second word of each recipient's token (see recipients); a digest's
    has neither. The group's own footer text, if it has one, comes first."""
    return render_to_string("exchange/email/parts/footer.txt", {
        "group": group, "archive": archive, "settings_url": settings_url(marker),
        "mute_url": mute_url(part_marker(marker, 1)) if archive else ""})


@dataclass(frozen=True)
class MemberCopy:
    """A post as its members get it, rendered before the post is archived: the link to it in
    the archive is a marker until `of` fills it in."""

    raw: bytes
    marker: str  # where each member's own token goes
    archive_marker: str

    def of(self, message: Message) -> bytes:
        return self.raw.replace(self.archive_marker.encode(),
                                absolute(message.get_absolute_url()).encode())


def member_copy(group: Group, raw: bytes, name: str, address: str,
                subject: str = "") -> MemberCopy:
    """The received bytes made the group's mail, `subject` (as parsed) with the group's
    prefix if it has one. Slow for a large message (every header written out again, the
    footer added): done before the posting transaction, never in it."""
    marker, archive = new_marker(), new_marker()
    with translation.override(group.language):
        headers = {
            "From": formataddr((_("%(name)s via %(group)s") % {"name": name,
                                                               "group": group.name},
                                group.address), "utf-8"),
            "Reply-To": group.address if group.reply_to == ReplyTo.GROUP
            else formataddr((name, address), "utf-8"),
            "X-Original-From": formataddr((name, address), "utf-8"),
            **list_headers(group, marker),
            "Archived-At": f"<{archive}>",  # RFC 5064: this message in the archive
        }
        if group.subject_prefix:
            headers["Subject"] = subject_header(group, subject)
        text = footer(group, marker, archive)
    return MemberCopy(decorate(raw, headers=headers, drop=DROPPED, footer=text), marker,
                      archive)
