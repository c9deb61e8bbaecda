"""How a message is shown on a page: its text, its date, its reply link.

A message's text and quotes are rendered once, when it is archived (`message_html`), and stored
with it. The thread page joins the stored fragments with what depends on the reader: the
language of labels and dates, whether they may open a message's source, the thread's shape.

Written as plain strings with explicit escaping rather than as a template loop, filters or
format_html, because a thread's pages are rendered at once, a hundred messages and more, and
their generality costs several times the page's queries. Every value put into the markup below
is escaped here or was escaped when stored.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from learnlink.exchange.models import Attachment, Group, Message, Thread
from learnlink.exchange.thread_headers import strip_reply_prefixes
from learnlink.exchange.thread_tree import TreeItem, tree

MAX_INDENT = 6  # deeper replies stay at this indent, so a phone screen keeps room for text

WRAPPED = 60  # a line this long that goes on in the next line was wrapped by a mail program

CACHE_SECONDS = 3600

# A thread page holds this many messages at most, and no more than this much of their articles
# once it has one: with the page around them and the stylesheet, under the 50 KB of any page.
PAGE_MESSAGES = 20
PAGE_BYTES = 36_000
# A message whose stored HTML is longer shows its first part there, and a link to the rest: the
# benchmark archive holds patches of up to 1.3 MB, which would make any page of their thread
# that heavy.
LONG_ARTICLE = 24_000
_TEXT_OPEN = '<div class="text">'

# The line break after a long line, before a line that continues the sentence: not blank, not
# indented, not a quote, not a list item ("- ", "* ", "• ", "1. ", "2) "). Written to start with
# the break itself, which the regex engine finds fast: every message is reflowed when archived.
_WRAP = re.compile(rf"\n(?<=[^\n]{{{WRAPPED}}}\n)(?=[^\s>*•\-])(?!\d+[.)]\s)")

# Where a stored fragment wants the label of its folded quotes. Stored text is escaped, so this
# markup can only be ours; the page puts the label in, in the reader's language.
_QUOTES_LABEL = "<summary></summary>"

# What the thread page reads of each message: never its text and quotes, which `html` holds.
_PAGE_COLUMNS = ("subject", "message_id", "sender_name", "sender__name", "sender__slug", "html")


def reflow(text: str) -> str:
    """Join the lines a mail program hard-wrapped at about 72 characters, so a paragraph fills
    a phone's screen instead of breaking in odd places. Short lines, blank lines, list items
    and quotes keep their breaks: those were meant."""
    return _WRAP.sub(" ", text)


def message_html(text: str, quoted: str) -> str:
    """What of a message's article is the same for every reader, in every language: its text
    (reflowed) and its quotes (folded), escaped. Rendered when the message is archived."""
    html = f"{_TEXT_OPEN}{escape(reflow(text))}</div>"
    if quoted:
        html += f'<details>{_QUOTES_LABEL}<div class="quote">{escape(quoted)}</div></details>'
    return html


def short_datetimes(with_time: bool = True) -> Callable[[datetime.datetime | None], str]:
    """"7 Mar 2005 12:30" in local time, month in the reader's language (as |date:"j M Y H:i"),
    or "7 Mar 2005" without the time, for a page of dates: the time zone and the month names
    are looked up once, not per date."""
    zone = timezone.get_current_timezone()
    months = month_names()

    def short(moment: datetime.datetime | None) -> str:
        if moment is None:
            return ""
        local = moment.astimezone(zone)
        day = f"{local.day} {months[local.month]} {local.year}"
        return f"{day} {local.hour:02}:{local.minute:02}" if with_time else day

    return short


def thread_list_html(group: Group, rows: Iterable[tuple[Thread, list[Thread]]]) -> SafeString:
    """The rows of a group page (subject, replies, last activity), each with the threads that
    are probably replies to it below it (`probable_replies`), built as the articles of a thread
    page are: fifty rows of a template loop cost several times the page's queries."""
    url = _by_pk("exchange:thread", group.slug)
    when = short_datetimes(with_time=False)
    untitled = escape(gettext("(no subject)"))
    replies: dict[int, str] = {}
    html = []
    for thread, probable in rows:
        count = thread.message_count - 1
        if count not in replies:
            replies[count] = escape(ngettext("%(replies)s reply", "%(replies)s replies", count)
                                    % {"replies": count})
        subject = escape(thread.subject) or untitled
        html.append(f'<li><a href="{url(thread.pk)}">{subject}</a>'
                    f'<br>\n  <span class="muted">{replies[count]} · '
                    f"{when(thread.last_activity)}</span>")
        if probable:
            label = escape(gettext("probably a reply to “%(subject)s”")
                           % {"subject": thread.subject or gettext("(no subject)")})
            html.append('\n<ul class="plain indent1">\n' + "".join(
                f'<li><a href="{url(reply.pk)}">{escape(reply.subject) or untitled}</a>'
                f'<br>\n  <span class="muted">{label} · {when(reply.last_activity)}</span></li>\n'
                for reply in probable) + "</ul>\n")
        html.append("</li>\n")
    return mark_safe("".join(html))  # noqa: S308 - built of escaped parts


def short_month(day: datetime.date) -> str:
    """"Mar 2005", the month in the reader's language (as |date:"M Y")."""
    return f"{_month_name(day.month)} {day.year}"


def _month_name(month: int) -> str:
    return str(MONTHS_3[month]).title()


def month_names() -> list[str]:
    """"Jan" to "Dec" in the reader's language, at their month's index: each is a translation
    lookup, so a page of dates asks once for all of them."""
    return ["", *(_month_name(month) for month in range(1, 13))]


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

    pages: list[SafeString]
    page_of: dict[int, int]


def thread_pages(group: Group, thread: Thread, show_source: bool) -> ThreadPages:
    """The thread's messages in tree order, as its pages show them to this reader.

    Cached per thread, language and whether the reader sees sources: a new message changes the
    thread's count and last activity, and so the key; `forget_thread_html` drops the rest."""
    key = _cache_key(thread, get_language(), show_source)
    pages = cache.get(key)
    if pages is None:
        pages = _paged(_articles(group, thread, show_source))
        cache.set(key, pages, CACHE_SECONDS)
    return pages


def forget_thread_html(threads: Iterable[Thread]) -> None:
    """Drop the cached pages of threads whose messages were rendered again, in every language."""
    cache.delete_many([_cache_key(thread, language, show_source) for thread in threads
                       for language, _name in settings.LANGUAGES for show_source in (False, True)])


def _cache_key(thread: Thread, language: str, show_source: bool) -> str:
    version = thread.last_activity.timestamp()
    return f"thread-pages:{thread.pk}:{thread.message_count}:{version}:{language}:{show_source:d}"


@dataclass
class _Page:
    """What the articles of one page share: the group and thread, the attachments by message,
    the links to sources (None if the reader may not see them), labels in the reader's
    language, escaped once."""

    group: Group
    thread: Thread
    files: dict[int, list[Attachment]]
    message_url: Callable[[int], str]
    whole_url: Callable[[int], str]
    source_url: Callable[[int], str] | None
    when: Callable[[datetime.datetime | None], str] = field(default_factory=short_datetimes)
    reply_label: str = field(default_factory=lambda: escape(gettext("Reply by email")))
    source_label: str = field(default_factory=lambda: escape(gettext("Source")))
    unknown_label: str = field(default_factory=lambda: escape(gettext("unknown sender")))
    profiles: dict[int, str] = field(default_factory=dict)


def _articles(group: Group, thread: Thread, show_source: bool) -> list[tuple[int, str]]:
    """Each message's pk and article, in tree order."""
    items = tree(thread, _PAGE_COLUMNS)
    page = _reading(group, thread, [item.message.pk for item in items], show_source)
    return [(item.message.pk, _placeholder(item) if item.is_placeholder
             else _labelled(_article(item, page))) for item in items]


def whole_message(group: Group, message: Message, show_source: bool) -> SafeString:
    """One message's article with all of its text, however long, for the reader who asked."""
    page = _reading(group, message.thread, [message.pk], show_source)
    return mark_safe(_labelled(_article(TreeItem(message, 0), page, whole=True)))  # noqa: S308


def whole_messages(group: Group) -> QuerySet[Message]:
    """The group's messages as `whole_message` reads them."""
    return (Message.objects.filter(group=group, is_placeholder=False)
            .select_related("sender", "thread").only(*_PAGE_COLUMNS, "date", "thread"))


def _reading(group: Group, thread: Thread, message_pks: list[int], show_source: bool) -> _Page:
    return _Page(group, thread, _attachments(message_pks),
                 _by_pk("exchange:message", group.slug), _by_pk("exchange:whole", group.slug),
                 _by_pk("exchange:source", group.slug) if show_source else None)


def _labelled(article: str) -> str:
    """The folded quotes' label put in, in the reader's language."""
    label = escape(gettext("Quoted text"))  # not inside the f-string: xgettext would miss it
    return article.replace(_QUOTES_LABEL, f"<summary>{label}</summary>")


def _cut(html: str) -> str | None:
    """The start of a long message's stored HTML: its text up to a line break (or a space)
    before LONG_ARTICLE characters, without its quotes; None if it is not long.

    The text is escaped, so it holds no markup, and no entity holds a line break or a space:
    cut there, the HTML stays well-formed."""
    if len(html) <= LONG_ARTICLE or not html.startswith(_TEXT_OPEN):
        return None
    start = len(_TEXT_OPEN)
    end = min(html.find("</div>", start), LONG_ARTICLE)
    cut = html.rfind("\n", start, end)
    if cut < (start + end) // 2:
        cut = max(cut, html.rfind(" ", start, end))
    if cut <= start:  # one unbroken word: never cut inside an entity
        entity = html.rfind("&", start, end)
        cut = entity if entity != -1 and ";" not in html[entity:end] else end
    return f"{html[:cut]}</div>"


def _paged(articles: list[tuple[int, str]]) -> ThreadPages:
    """Pages of PAGE_MESSAGES articles, or fewer where they would pass PAGE_BYTES: a long thread
    of patches or reports would otherwise be one page of hundreds of kilobytes. An article
    longer than that alone is a page of its own."""
    pages: list[SafeString] = []
    page_of: dict[int, int] = {}
    current: list[str] = []
    weight = 0
    for pk, article in articles:
        size = len(article.encode())
        if current and (len(current) >= PAGE_MESSAGES or weight + size > PAGE_BYTES):
            pages.append(mark_safe("".join(current)))  # noqa: S308 - built of escaped parts
            current, weight = [], 0
        current.append(article)
        weight += size
        page_of[pk] = len(pages) + 1
    pages.append(mark_safe("".join(current)))  # noqa: S308 - built of escaped parts
    return ThreadPages(pages, page_of)


def _attachments(message_pks: list[int]) -> dict[int, list[Attachment]]:
    """The files of these messages, by message. Asked by message rather than by thread, so
    that the database reads the attachments' index instead of joining every attachment."""
    files: dict[int, list[Attachment]] = {}
    for attachment in Attachment.objects.filter(message_id__in=message_pks).only(
            "message_id", "filename", "size"):
        files.setdefault(attachment.message_id, []).append(attachment)
    return files


def _placeholder(item: TreeItem) -> str:
    label = escape(gettext("A message that never reached the archive."))
    return (f'<article id="m{item.message.pk}" class="msg indent{min(item.depth, MAX_INDENT)}">'
            f'\n<p class="muted"><em>{label}</em></p>\n</article>\n')


def _article(item: TreeItem, page: _Page, whole: bool = False) -> str:
    message = item.message
    pk = message.pk
    body = message.html
    if not whole and (cut := _cut(body)) is not None:
        more = escape(gettext("Read the whole message (%(size)s)")
                      % {"size": filesizeformat(len(body.encode()))})
        body = f'{cut}\n<p class="more"><a href="{page.whole_url(pk)}">{more}</a></p>'
    subject = ""
    if strip_reply_prefixes(message.subject) != page.thread.subject:
        subject = f'<p class="muted">{escape(message.subject)}</p>\n'
    reply = escape(reply_link(page.group.address, message.subject or page.thread.subject,
                              message.message_id))
    source = ""
    if page.source_url is not None:
        source = f' · <a href="{page.source_url(pk)}">{page.source_label}</a>'
    return (f'<article id="m{pk}" class="msg indent{min(item.depth, MAX_INDENT)}">\n'
            f"<header><strong>{_sender(message, page)}</strong>\n"
            f'<a class="muted" href="{page.message_url(pk)}">{escape(page.when(message.date))}'
            "</a></header>\n"
            f"{subject}{body}\n{_files(page.files.get(pk), page.group)}"
            f'<p class="actions"><a href="{reply}">{page.reply_label}</a>{source}</p>\n'
            "</article>\n")


def _sender(message: Message, page: _Page) -> str:
    person = message.sender
    name = escape(message.sender_name or (person.name if person else ""))
    if person is None:
        return name or page.unknown_label
    if person.pk not in page.profiles:
        page.profiles[person.pk] = escape(person.get_absolute_url())
    return f'<a href="{page.profiles[person.pk]}">{name}</a>'


def _files(files: list[Attachment] | None, group: Group) -> str:
    if not files:
        return ""
    return f'<ul class="files">{"".join(_file(f, group) for f in files)}</ul>\n'


def _file(attachment: Attachment, group: Group) -> str:
    url = reverse("exchange:attachment", args=[group.slug, attachment.pk, attachment.filename])
    return (f'<li><a href="{escape(url)}" download>{escape(attachment.filename)}</a> '
            f'<span class="muted">{escape(filesizeformat(attachment.size))}</span></li>')


def _by_pk(name: str, slug: str) -> Callable[[int], str]:
    """The URL `name` of a group's object by its pk, from one reverse(): a reverse() costs more
    than the rest of a message's article, and a page links a hundred messages."""
    before, after = reverse(name, args=[slug, 0]).rsplit("/0/", 1)
    return lambda pk: f"{before}/{pk}/{after}"
