"""A version of a synthesis as people read it: each point with the link to its message, on the
thread page (paths) and in mail (absolute links). Shared by the thread block, the mentor's
pages, the digest's first item and the message sent to the group."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from learnlink.lib.links import absolute
from learnlink.mentoring.models import Synthesis, Version
from learnlink.mentoring.syntheses.content import Links


@dataclass(frozen=True)
class ShownPoint:
    text: str
    url: str  # the message's permalink; "" for a point without a source, or whose message left


@dataclass(frozen=True)
class Shown:
    synthesis: Synthesis
    version: Version
    learned: list[ShownPoint]
    standing: str
    next_questions: list[ShownPoint]

    @property
    def title(self) -> str:
        return self.version.title

    @property
    def language(self) -> str:
        return self.version.language


def shown(synthesis: Synthesis, version: Version, links: Links | None = None,
          absolute_links: bool = False) -> Shown:
    """`links` may be given for several versions at once; else one query finds the messages."""
    if links is None:
        links = Links.of_ids(synthesis.group_id, _ids(version))
    slug = synthesis.group.slug

    def point(item: dict[str, str]) -> ShownPoint:
        pk = links.pk_of.get(item.get("message_id") or "")
        url = reverse("exchange:message", args=[slug, pk]) if pk else ""
        return ShownPoint(item.get("text", ""), absolute(url) if url and absolute_links else url)

    return Shown(synthesis, version, [point(item) for item in version.learned],
                 version.standing, [point(item) for item in version.next_questions])


def _ids(version: Version) -> list[str]:
    return [item.get("message_id", "") for item in [*version.learned, *version.next_questions]
            if item.get("message_id")]
