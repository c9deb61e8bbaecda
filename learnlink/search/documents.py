"""What goes into the index and what comes out of a search: plain values, no other app's models."""

import datetime
from dataclasses import dataclass, field

from django.utils.safestring import SafeString


@dataclass(frozen=True, slots=True)
class Document:
    """One message as the index sees it; `object_id` names it, indexing it again replaces it."""

    object_id: int
    group_id: int
    sender: str  # the name readers see ("Halima Omari"), never the address
    date: datetime.datetime | None  # aware
    subject: str
    body: str  # the new text only: quotes and signatures left out by the caller


@dataclass(frozen=True, slots=True)
class Hit:
    object_id: int
    group_id: int
    rank: float  # higher is better; compare only within one result list
    snippet_html: SafeString  # escaped, the matched words in <mark>
    snippet_text: str  # the same passage as plain text, for answers by email


@dataclass(frozen=True, slots=True)
class SearchResults:
    """One page of hits, best first, and how many there are in all.

    Counting stops at a thousand: past it `total` is 1000 and `total_capped` is true, shown as
    "1000+". A search looks only at the newest 1,200 matches (see `backends.base.RANK_WINDOW`);
    with fewer matches than that, which is every search short of a very common word, both the
    hits and the total are exact.
    """

    total: int
    hits: list[Hit] = field(default_factory=list)
    total_capped: bool = False

    @property
    def total_display(self) -> str:
        return f"{self.total}+" if self.total_capped else str(self.total)
