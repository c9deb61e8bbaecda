"""Background work of the impact app, run by the worker (Huey)."""

import datetime

from huey.contrib.djhuey import db_task

from learnlink.impact.normalise import recompute_currency


@db_task()
def recompute_after_rate_change(currency: str, since: str) -> int:
    """A rate of `currency` from `since` (ISO date) on changed: bring the stored US$ of the
    sales it applies to up to date. Thousands of sales take a while, so not in the request."""
    return recompute_currency(currency, datetime.date.fromisoformat(since))
