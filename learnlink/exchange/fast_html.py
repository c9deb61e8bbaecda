"""The group page's rows and month links, written out in Python: the exchange app's one place
where markup is not in a template, as a template measured too slow for the page's 15 ms goal.

Why: as templates ({% url %}, |date and {% blocktranslate %} per row, an include per row, 84
month links), the rows and links of a group page took 21-33 ms to render; with their values
worked out in Python and laid out by templates, 8-15 ms; written out here, 1.6 ms (measured on
bench/web.py's archive, December 2026). Every value put into the markup is escaped here.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from learnlink.exchange.models import Group, Thread
from learnlink.lib.dates import formatter


def thread_rows_html(group: Group, rows: Iterable[tuple[Thread, list[Thread]]]) -> SafeString:
    """The rows of a group page (subject, replies, last activity), each with the threads that
    are probably replies to it below it (`probable_replies`); each label and the language
    looked up once."""
    when = formatter("day")
    untitled = escape(gettext("(no subject)"))
    replies: dict[int, str] = {}
    html = []
    for thread, probable in rows:
        count = thread.message_count - 1
        if count not in replies:
            replies[count] = escape(ngettext("%(replies)s reply", "%(replies)s replies", count)
                                    % {"replies": count})
        subject = escape(thread.subject) or untitled
        html.append(f'<li><a href="{_thread_url(group, thread)}">{subject}</a>'
                    f'<br>\n  <span class="muted">{replies[count]} · '
                    f"{when(thread.last_activity)}</span>")
        if probable:
            label = escape(gettext("probably a reply to “%(subject)s”")
                           % {"subject": thread.subject or gettext("(no subject)")})
            html.append('\n<ul class="plain indent1">\n' + "".join(
                f'<li><a href="{_thread_url(group, reply)}">{escape(reply.subject) or untitled}'
                f'</a><br>\n  <span class="muted">{label} · {when(reply.last_activity)}</span>'
                "</li>\n" for reply in probable) + "</ul>\n")
        html.append("</li>\n")
    return mark_safe("".join(html))  # noqa: S308 - built of escaped parts


def month_links_html(group: Group, months: Iterable[datetime.date]) -> SafeString:
    """Links to the months of the group's archive (`archive.archive_months`), "Mar 2005" in the
    reader's language, looked up once."""
    base = escape(group.get_absolute_url())  # a month's page is the group's, then year/month/
    shown = formatter("month")
    return mark_safe(" · ".join(  # noqa: S308 - built of escaped parts
        f'<a href="{base}{month.year}/{month.month}/">{escape(shown(month))}</a>'
        for month in months))


def _thread_url(group: Group, thread: Thread) -> str:
    return escape(reverse("exchange:thread", args=[group.slug, thread.pk]))
