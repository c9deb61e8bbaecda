"""Whether the sender's own domain vouched for a message: the DMARC result our MTA wrote.

A From header proves nothing (anyone can write `From: neema@...`). A receiving MTA that checks
DMARC (OpenDMARC, rspamd) records what it found in an Authentication-Results header (RFC 8601)
named by its authserv-id. Only the topmost such header is read, and only when its id is ours
(LEARNLINK_AUTHSERV_ID): headers further down were written before the message reached us, by
anyone. DMARC pass with header.from equal to the From domain means SPF or DKIM passed aligned
with that domain. Without the setting nothing is believed, and callers ask for confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass

import authres
from django.conf import settings

from learnlink.mail.mime import blank_line
from learnlink.mail.models import InboundMessage, Source

_HEADER = "authentication-results:"
_LONGEST = 4000  # a real header is a few hundred characters; parse no more than this


@dataclass(frozen=True)
class Verdict:
    authenticated: bool
    how: str  # how it was decided, for the inbound row's reason

    def __str__(self) -> str:
        return f"{'authenticated' if self.authenticated else 'not authenticated'}: {self.how}"


def sender_verdict(raw: bytes, from_address: str) -> Verdict:
    """Did the domain of `from_address` vouch for this message, in our MTA's own words?"""
    ours = settings.LEARNLINK_AUTHSERV_ID.strip().lower()
    if not ours:
        return Verdict(False, "LEARNLINK_AUTHSERV_ID is not set, so no Authentication-Results "
                              "header is believed")
    value = _topmost_authentication_results(raw)
    if value is None:
        return Verdict(False, "no Authentication-Results header")
    try:
        header = authres.AuthenticationResultsHeader.parse_value(value[:_LONGEST])
    except Exception as error:  # a hostile header may break the parser in any way
        return Verdict(False, f"the topmost Authentication-Results is unreadable "
                              f"({type(error).__name__})")
    if str(header.authserv_id).lower() != ours:
        return Verdict(False, f"the topmost Authentication-Results is by "
                              f"{str(header.authserv_id)[:100]!r}, not {ours!r}")
    domain = from_address.rpartition("@")[2].lower()
    for result in header.results:
        if str(result.method).lower() == "dmarc" and str(result.result).lower() == "pass" \
                and _header_from(result) == domain:
            return Verdict(True, f"{ours}: dmarc=pass header.from={domain}")
    return Verdict(False, f"{ours} found no dmarc=pass for header.from={domain}")


def inbound_verdict(inbound: InboundMessage, from_address: str) -> Verdict:
    """`sender_verdict`, except for a post written on our own site by a signed-in member: its
    source is set by our web code alone (no header a stranger could write), and it is as sure
    as a DMARC pass."""
    if inbound.source == Source.WEB:
        return Verdict(True, "posted on the web by its signed-in author")
    return sender_verdict(bytes(inbound.raw), from_address)


def _header_from(result: authres.core.AuthenticationResult) -> str:
    return next((str(p.value).lower() for p in result.properties
                 if str(p.type).lower() == "header" and str(p.name).lower() == "from"), "")


def _topmost_authentication_results(raw: bytes) -> str | None:
    """The first Authentication-Results field of the header block, unfolded."""
    text = raw[:256 * 1024].decode("ascii", "replace")
    end = blank_line(text)
    lines = (text[:end[0]] if end else text).splitlines()
    for number, line in enumerate(lines):
        if line.lower().startswith(_HEADER):
            folded = [line[len(_HEADER):], *_continuation(lines[number + 1:])]
            return " ".join(part.strip() for part in folded)
    return None


def _continuation(lines: list[str]) -> list[str]:
    taken = []
    for line in lines:
        if not line[:1].isspace():
            break
        taken.append(line)
    return taken
