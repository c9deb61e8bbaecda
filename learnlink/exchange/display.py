"""How a message is shown on a thread page: its article, its reply link.

A message's text is reflowed and escaped once, when it is archived (`message_html`), and stored
with it: reflowing a hundred messages' text is what a thread page would cost most. The markup is
in a template (`exchange/article.html`). A thread's articles, cut into pages, are cached whole
per thread, language and what the reader may see or do (sources for members, a "Reply" link
under each message for those who may post on the web, removed messages and the mentors' tools
for the group's mentors), so the template renders once an hour for every reader of that
thread, not once per request.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import get_language

from learnlink.exchange import page_generations
from learnlink.exchange.message_tools import links as tool_links
from learnlink.exchange.models import Attachment, Group, Message, Thread
from learnlink.exchange.thread_headers import strip_reply_prefixes
from learnlink.exchange.thread_tree import TreeItem, tree

if TYPE_CHECKING:
    from django.template.backends.base import _EngineTemplate  # in django-stubs only

MAX_INDENT = 6  # deeper replies stay at this indent, so a phone screen keeps room for text

WRAPPED = 60  # a line this long that goes on in the next line was wrapped by a mail program

CACHE_SECONDS = 3600

# A thread page holds this many messages at most, and no more than this much of their articles
# once it has one: with the page around them and the stylesheet, under the 50 KB of any page.
PAGE_MESSAGES = 20
PAGE_BYTES = 36_000
# A message whose text and quotes are longer shows the first part of its text there, and a link
# to the rest: the benchmark archive holds patches of up to 1.3 MB, which would make any page of
# their thread that heavy.
LONG_ARTICLE = 24_000

# The line break after a long line, before a line that continues the sentence: not blank, not
# indented, not a quote, not a list item ("- ", "* ", "• ", "1. ", "2) "). Written to start with
# the break itself, which the regex engine finds fast: every message is reflowed when archived.
_WRAP = re.compile(rf"\n(?<=[^\n]{{{WRAPPED}}}\n)(?=[^\s>*•\-])(?!\d+[.)]\s)")

# What the thread page reads of each message (`html` is its text, reflowed and escaped).
_PAGE_COLUMNS = ("subject", "message_id", "sender_name", "sender__name", "sender__slug", "html",
                 "quoted", "removed", "removed_reason")


def reflow(text: str) -> str:
    """Join the lines a mail program hard-wrapped at about 72 characters, so a paragraph fills
    a phone's screen instead of breaking in odd places. Short lines, blank lines, list items
    and quotes keep their breaks: those were meant."""
    return _WRAP.sub(" ", text)


def message_html(text: str) -> str:
    """A message's text as every reader sees it, in every language: reflowed and escaped.
    Stored when the message is archived; `exchange/article.html` shows it."""
    return escape(reflow(text))


def reply_link(address: str, subject: str, message_id: str) -> str:
    """A mailto (RFC 6068) that answers a message as a mail program's Reply would: to the
    group's address, "Re:" once before the subject, the Message-ID in its angle brackets as
    In-Reply-To, so that the answer lands under the message in its thread. Every field is
    percent-encoded as UTF-8; "<" and ">" must be."""
    return (f"mailto:{address}?subject={_reply_subject(subject)}"
            f"&In-Reply-To={quote(f'<{message_id}>', safe='@')}")


@functools.lru_cache(maxsize=1024)
def _reply_subject(subject: str) -> str:
    """Replies share their subject: quoted once, not once per message of the page."""
    return quote(f"Re: {strip_reply_prefixes(subject)}", safe="")


@dataclass(frozen=True)
class ThreadPages:
    """A thread's articles cut into pages, and on which page (from 1) each message is."""

    pages: list[list[str]]  # rendered templates: SafeStrings
    page_of: dict[int, int]


def thread_pages(group: Group, thread: Thread, show_source: bool,
                 moderator: bool = False, poster: bool = False) -> ThreadPages:
    """The thread's messages in tree order, as its pages show them to this reader.

    Cached per thread, language and what the reader sees (sources; a reply link for a poster,
    who is always one who sees sources; for the group's moderators, removed messages and their
    tools): a new message changes the thread's count and last activity, and so the key;
    `forget_thread_html` drops the rest. The reply link lives only in a poster's variant, so
    no cached page shows it to a reader who may not reply, and its pages' breaks are the
    poster's own (the link weighs a little)."""
    key = _cache_key(thread, get_language(), show_source, moderator, poster)
    pages = cache.get(key)
    if pages is None:
        pages = _paged(_articles(group, thread, _Sees(show_source, moderator, poster)))
        cache.set(key, pages, CACHE_SECONDS)
    return pages


# What readers see: the public; members (sources), who may post or not; the group's moderators
# (and removed messages), who may post or not.
_READERS = ((False, False, False), (True, False, False), (True, False, True),
            (True, True, False), (True, True, True))


def forget_thread_html(threads: Iterable[Thread]) -> None:
    """Drop the cached pages of threads whose messages were rendered again, in every language,
    and the guests' kept pages of their groups (the threads are read with their group's id)."""
    threads = list(threads)
    cache.delete_many([_cache_key(thread, language, *sees)
                       for thread in threads for language, _name in settings.LANGUAGES
                       for sees in _READERS])
    page_generations.forget_groups(thread.group_id for thread in threads)


def _cache_key(thread: Thread, language: str, show_source: bool, moderator: bool,
               poster: bool) -> str:
    version = thread.last_activity.timestamp()
    return (f"thread-pages:{thread.pk}:{thread.message_count}:{version}:{language}:"
            f"{show_source:d}{moderator:d}{poster:d}")


@dataclass(frozen=True)
class _Sees:
    """What a reader may see and do on a thread page, which its cached variant follows."""

    show_source: bool
    moderator: bool = False
    poster: bool = False


@dataclass
class _Reading:
    """What the articles of a page share: the group and thread, the attachments by message,
    what the reader may see and do, and the article's template, looked up once."""

    group: Group
    thread: Thread
    files: dict[int, list[Attachment]]
    sees: _Sees
    template: _EngineTemplate = field(default_factory=lambda: get_template("exchange/article.html"))

    @functools.cached_property
    def reply_url(self) -> str:
        """The thread's web reply form; `?to=` names the message answered."""
        return reverse("exchange:reply", args=[self.group.slug, self.thread.pk])

    def article(self, item: TreeItem, whole: bool = False) -> str:
        message = item.message
        context = {"group": self.group, "message": message, "indent": min(item.depth, MAX_INDENT)}
        if message.is_removed and not self.sees.moderator:
            context["removed_only"] = True
        elif not message.is_placeholder:
            text = message.html
            size = len(text) + len(escape(message.quoted))
            cut = None if whole or size <= LONG_ARTICLE else _cut(text)
            context.update({
                "sender_name": message.author_name(),
                "own_subject": strip_reply_prefixes(message.subject) != self.thread.subject,
                "text": text if cut is None else cut,
                "cut_size": None if cut is None else size,
                "reply": reply_link(self.group.address, message.subject or self.thread.subject,
                                    message.message_id),
                "files": self.files.get(message.pk, []), "show_source": self.sees.show_source,
                "web_reply": f"{self.reply_url}?to={message.pk}"
                if self.sees.poster and not message.is_removed else "",
                "tools": tool_links(self.group, message) if self.sees.moderator else []})
        return self.template.render(context)


def _articles(group: Group, thread: Thread, sees: _Sees) -> list[tuple[int, str]]:
    """Each message's pk and article, in tree order."""
    items = tree(thread, _PAGE_COLUMNS)
    reading = _Reading(group, thread, _attachments([item.message.pk for item in items]), sees)
    return [(item.message.pk, reading.article(item)) for item in items]


def whole_message(group: Group, message: Message, show_source: bool,
                  moderator: bool = False) -> str:
    """One message's article with all of its text, however long, for the reader who asked."""
    reading = _Reading(group, message.thread, _attachments([message.pk]),
                       _Sees(show_source, moderator))
    return reading.article(TreeItem(message, 0), whole=True)


def whole_messages(group: Group) -> QuerySet[Message]:
    """The group's messages as `whole_message` reads them."""
    return (Message.objects.filter(group=group, is_placeholder=False)
            .select_related("sender", "thread").only(*_PAGE_COLUMNS, "date", "thread"))


def _cut(text: str) -> str:
    """The start of a long message's text, up to a line break (or a space) before LONG_ARTICLE
    characters.

    The text is escaped, so it holds no markup, and no entity holds a line break or a space:
    cut there, the HTML stays well-formed."""
    if len(text) <= LONG_ARTICLE:
        return text
    cut = text.rfind("\n", 0, LONG_ARTICLE)
    if cut < LONG_ARTICLE // 2:
        cut = max(cut, text.rfind(" ", 0, LONG_ARTICLE))
    if cut <= 0:  # one unbroken word: never cut inside an entity
        entity = text.rfind("&", 0, LONG_ARTICLE)
        cut = entity if entity != -1 and ";" not in text[entity:LONG_ARTICLE] else LONG_ARTICLE
    return text[:cut]


def _paged(articles: list[tuple[int, str]]) -> ThreadPages:
    """Pages of PAGE_MESSAGES articles, or fewer where they would pass PAGE_BYTES: a long thread
    of patches or reports would otherwise be one page of hundreds of kilobytes. An article
    longer than that alone is a page of its own."""
    pages: list[list[str]] = [[]]
    page_of: dict[int, int] = {}
    weight = 0
    for pk, article in articles:
        size = len(article.encode())
        if pages[-1] and (len(pages[-1]) >= PAGE_MESSAGES or weight + size > PAGE_BYTES):
            pages.append([])
            weight = 0
        pages[-1].append(article)
        weight += size
        page_of[pk] = len(pages)
    return ThreadPages(pages, page_of)


def _attachments(message_pks: list[int]) -> dict[int, list[Attachment]]:
    """The files of these messages, by message. Asked by message rather than by thread, so
    that the database reads the attachments' index instead of joining every attachment."""
    files: dict[int, list[Attachment]] = {}
    for attachment in Attachment.objects.filter(message_id__in=message_pks).only(
            "message_id", "filename", "size"):
        files.setdefault(attachment.message_id, []).append(attachment)
    return files
