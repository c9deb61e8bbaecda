"""Where readers meet a published synthesis: at the top of each thread it covers (for every
reader of the thread: on the public archive too when the group is public) and first in the
group's digests, each reader in their language. Registered into the exchange's registries
from MentoringConfig.ready(); the exchange's own permissions already decided who reads the
thread or receives the digest."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from learnlink.exchange.digest_leads import Lead
from learnlink.exchange.models import Group, Thread
from learnlink.lib.links import absolute
from learnlink.mentoring.models import Synthesis
from learnlink.mentoring.permissions import may_synthesise
from learnlink.mentoring.syntheses.presenting import Shown, shown
from learnlink.mentoring.syntheses.versions import for_reader, latest_by_language


def reader_version(synthesis: Synthesis, language: str,
                   absolute_links: bool = False) -> Shown | None:
    """The synthesis (loaded `with_latest`) as a reader of `language` gets it (see
    versions.for_reader)."""
    version = for_reader(latest_by_language(synthesis.versions.all()), synthesis.language,
                         language)
    return shown(synthesis, version, absolute_links=absolute_links) if version else None


def thread_block(request: HttpRequest, group: Group, thread: Thread) -> dict[str, Any] | None:
    """The newest published synthesis covering the thread, in the reader's language; for the
    group's mentors also the way to synthesise it (or to the drafts waiting). None when there
    is nothing to show this reader."""
    mentor = may_synthesise(request.user, group)
    published = Synthesis.objects.shown_on(thread).with_latest().first()
    found = reader_version(published, get_language() or group.language) if published else None
    drafts = (list(Synthesis.objects.filter(threads=thread, published__isnull=True)
                   .order_by("-created")[:3]) if mentor else [])
    if found is None and not mentor:
        return None
    return {"shown": found, "mentor": mentor, "drafts": drafts}


def digest_leads(group: Group, since: datetime.datetime, until: datetime.datetime,
                 language: str) -> list[Lead]:
    """Syntheses of the group published since the previous digest, each in `language`."""
    syntheses = (Synthesis.objects.published().filter(group=group, published__gte=since,
                                                      published__lt=until)
                 .with_latest().prefetch_related("threads").order_by("published"))
    leads = []
    for synthesis in syntheses:
        found = reader_version(synthesis, language, absolute_links=True)
        if found is None:
            continue
        with translation.override(language):
            leads.append(Lead(
                title=_("Synthesis: %(title)s") % {"title": found.version.title},
                text=render_to_string("mentoring/email/parts/synthesis.txt",
                                      {"shown": found}).strip(),
                url=absolute(where(synthesis))))
    return leads


def where(synthesis: Synthesis) -> str:
    """The page a synthesis is read on: the top of its first thread (its group's page if its
    threads are gone). Reads the prefetched threads when there are."""
    threads = sorted(synthesis.threads.all(), key=lambda thread: (thread.started, thread.pk))
    slug = synthesis.group.slug
    return (reverse("exchange:thread", args=[slug, threads[0].pk]) if threads
            else reverse("exchange:group", args=[slug]))


def shown_at(syntheses: list[int]) -> dict[int, str]:
    """Where each synthesis's readers read it: on top of its first thread (its own page is
    the mentors' workbench), in one query."""
    links = (Synthesis.threads.through.objects.filter(synthesis_id__in=syntheses)
             .select_related("thread__group").order_by("thread__started", "thread_id"))
    shown: dict[int, str] = {}
    for link in links:
        shown.setdefault(link.synthesis_id, f"{link.thread.get_absolute_url()}#synthesis")
    return shown
