"""`GET /health` for load balancers and monitors: is each part a node needs working?

Three parts, each a cheap check answered "ok" or "error: <what>":
- database: one `SELECT 1` on the node's own connection;
- queue: the worker's queue storage answers (Redis PING when REDIS_URL is set, else Huey's
  SQLite file opens and holds its task table);
- mail: mail is moving, read from two indexed questions: nothing received has waited
  unprocessed longer than MAIL_STUCK (the workers are not taking mail in), and, when a relay is
  configured, no delivery has been due longer than MAIL_STUCK (the relay refuses us or no
  worker sends). Without a relay, mail waits in the outbox by design, so that is not an error.

Any failing part makes the answer 503, so a balancer takes the node out of rotation. The
answer is public: it names the exception and its first line, with any password in a URL
blotted out; the full error goes to the log. No session is touched and nothing is cached.
"""

from __future__ import annotations

import datetime
import logging
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing

import redis
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from learnlink.mail.models import Delivery, DeliveryState, InboundMessage, State

logger = logging.getLogger(__name__)

MAIL_STUCK = datetime.timedelta(minutes=15)
QUEUE_TIMEOUT = 2.0  # seconds: a balancer's probe gives up after a few
ERROR_LENGTH = 160
_CREDENTIALS = re.compile(r"(//[^/\s:@]*:)[^@\s]*@")


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_queue() -> None:
    """The storage the worker reads its tasks from, as configured in settings.HUEY."""
    huey = settings.HUEY
    if huey["huey_class"] == "huey.RedisHuey":
        client = redis.Redis.from_url(huey["url"], socket_connect_timeout=QUEUE_TIMEOUT,
                                      socket_timeout=QUEUE_TIMEOUT)
        try:
            client.ping()
        finally:
            client.close()
        return
    # mode=rw: a missing file is an error here, not a new empty queue.
    with closing(sqlite3.connect(f"file:{huey['filename']}?mode=rw", uri=True,
                                 timeout=QUEUE_TIMEOUT)) as queue:
        queue.execute("SELECT 1 FROM task LIMIT 1").fetchall()


def check_mail() -> None:
    cutoff = timezone.now() - MAIL_STUCK
    if InboundMessage.objects.filter(state=State.PENDING, received__lt=cutoff).exists():
        raise MailStuck(f"mail received over {_minutes()} minutes ago is still unprocessed")
    if settings.LEARNLINK_RELAY and Delivery.objects.filter(
            state=DeliveryState.QUEUED, next_attempt__lt=cutoff).exists():
        raise MailStuck(f"deliveries have been due for over {_minutes()} minutes")


class MailStuck(Exception):
    """Mail that should have moved by now has not."""


def _minutes() -> int:
    return int(MAIL_STUCK.total_seconds() // 60)


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database, "queue": check_queue, "mail": check_mail}


def status_of(name: str, check: Callable[[], None]) -> str:
    try:
        check()
    except Exception as error:  # any failure at all is this part's answer
        logger.warning("health: %s failed", name, exc_info=True)
        return f"error: {describe(error)}"
    return "ok"


def describe(error: Exception) -> str:
    """The exception's name and first line, passwords in URLs blotted out, bounded."""
    lines = str(error).strip().splitlines()
    text = f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
    return _CREDENTIALS.sub(r"\1***@", text)[:ERROR_LENGTH]


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    parts = {name: status_of(name, check) for name, check in CHECKS.items()}
    healthy = all(answer == "ok" for answer in parts.values())
    return JsonResponse(parts, status=200 if healthy else 503)
