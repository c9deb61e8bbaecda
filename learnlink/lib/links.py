"""Absolute links to Learnlink's pages, for what is read away from the site: mail, calendar
feeds, API answers, the console. Pages themselves link with relative paths."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def absolute(path: str) -> str:
    """The page at `path` (as `get_absolute_url` or `reverse` give it) on LEARNLINK_BASE_URL."""
    return settings.LEARNLINK_BASE_URL + path


def absolute_url(viewname: str, *args: object) -> str:
    """The named page, with its arguments, on LEARNLINK_BASE_URL."""
    return absolute(reverse(viewname, args=args))
