"""Facts about a group's archive that pages show and that cost more to compute than to keep."""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from learnlink.exchange.models import Group, Thread
from learnlink.lib.dates import formatter


def archive_months_html(group: Group) -> SafeString:
    """Links to the months in which threads started, newest first, for the month archive.

    Read from the (group, month) index, never by converting every thread's date; written out
    here, the language looked up once, because a list archive spans a hundred months or
    more and a template loop over them cost as much as the rest of the page."""
    base = escape(group.get_absolute_url())
    months = (Thread.objects.filter(group=group).order_by("-month")
              .values_list("month", flat=True).distinct())
    shown = formatter("month")
    return mark_safe(" · ".join(  # noqa: S308 - built of escaped parts
        f'<a href="{base}{month.year}/{month.month}/">{escape(shown(month))}</a>'
        for month in months))
