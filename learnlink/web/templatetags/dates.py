"""{{ value|dated:"day" }}: a date in the reader's language, in one of learnlink.lib.dates'
shapes, in place of Django's |date, whose French month abbreviations stay English."""

from __future__ import annotations

import datetime

from django import template

from learnlink.lib.dates import shown

register = template.Library()


@register.filter
def dated(value: datetime.date | datetime.datetime | None, shape: str = "day") -> str:
    return shown(value, shape)
