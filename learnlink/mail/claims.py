"""The senders' claims on the outbox: which due deliveries a sender takes next, leased to it.

A claim is SQL of our own, a fast path (bench/README.md): one `UPDATE ... RETURNING` that
picks and leases a batch in delivery order, with SQLite told which index gives that order
(Django can say neither). Before, Django's select, update and select again sorted every
waiting delivery at each claim, which grows with the square of a run: 10.6 ms a claim of 200
with 20,000 waiting, against 3.3-4.5 ms now whatever waits; bench/deliver.py 3,790 and 3,736
deliveries/s against 2,947 and 2,710 (two senders, 40,000 deliveries, alternated).

A copy whose recipient has another in a sender's hands waits for a later claim, so each
member's mail leaves in order however many senders there are. That needs one claim at a time,
each seeing the leases of the one before: SQLite has one writer; on PostgreSQL an advisory
lock is held to the end of the claim's transaction.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import connection, transaction

from learnlink.mail.models import Delivery, DeliveryState
from learnlink.mail.models.outbox import DeliveryQuerySet

CLAIMS_LOCK = 0x5E11D  # PostgreSQL advisory lock: the senders' claims, one at a time

Claimed = tuple[int, int, str, str]  # a delivery's pk, outgoing pk, address and token


def due(now: datetime.datetime) -> DeliveryQuerySet:
    """Deliveries whose time has come and that no sender holds."""
    return (Delivery.objects.filter(state=DeliveryState.QUEUED, next_attempt__lte=now)
            .exclude(lease_until__gt=now))


def claim(limit: int, now: datetime.datetime) -> list[Claimed]:
    """Up to `limit` due deliveries in order, leased to this sender from `now`."""
    table = connection.ops.quote_name(Delivery._meta.db_table)
    lease = now + datetime.timedelta(seconds=settings.LEARNLINK_SEND_LEASE)
    # Only a sender's rows have a lease (recording a result clears it): the small index
    # delivery_leased holds them all.
    in_hand = Delivery.objects.filter(lease_until__gt=now).values("address")
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CLAIMS_LOCK])
        waiting = due(now).exclude(address__in=in_hand).order_by("pk").values("pk")[:limit]
        select, params = waiting.query.sql_with_params()
        if connection.vendor == "sqlite":
            # Its planner picks delivery_due and sorts all that waits.
            select = select.replace(f"FROM {table}", f"FROM {table} INDEXED BY delivery_waiting",
                                    1)
        cursor.execute(f"UPDATE {table} SET lease_until = %s WHERE id IN ({select}) "  # noqa: S608
                       "RETURNING id, outgoing_id, address, token",
                       [connection.ops.adapt_datetimefield_value(lease), *params])
        return sorted(cursor.fetchall())
