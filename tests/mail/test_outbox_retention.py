"""The outbox does not grow for ever: sent deliveries go after the retention period, while
those still waiting and those that failed (the mentors' contacts to fix) stay."""

import datetime

import pytest
from django.utils import timezone

from learnlink.mail.models import Delivery, DeliveryState, Outgoing
from learnlink.mail.outbox import enqueue, prune_sent

pytestmark = pytest.mark.django_db


def test_old_sent_deliveries_go_and_waiting_or_failed_ones_stay(settings) -> None:
    settings.LEARNLINK_SENT_RETENTION_DAYS = 30
    now = timezone.now()
    old = enqueue(b"Subject: March prices\r\n\r\nMaize 400/kg\r\n",
                  [("a@example.org", ""), ("b@example.org", ""), ("c@example.org", "")])
    recent = enqueue(b"Subject: April prices\r\n\r\nMaize 420/kg\r\n", [("a@example.org", "")])
    Outgoing.objects.filter(pk__in=[old.pk, recent.pk]).update(
        created=now - datetime.timedelta(days=45))
    Delivery.objects.filter(outgoing=old, address="a@example.org").update(
        state=DeliveryState.SENT, sent=now - datetime.timedelta(days=40))
    Delivery.objects.filter(outgoing=old, address="b@example.org").update(
        state=DeliveryState.FAILED, sent=None)
    Delivery.objects.filter(outgoing=recent).update(
        state=DeliveryState.SENT, sent=now - datetime.timedelta(days=29))

    assert prune_sent(now) == 1
    assert sorted(Delivery.objects.values_list("address", "state")) == [
        ("a@example.org", "sent"), ("b@example.org", "failed"), ("c@example.org", "queued")]
    assert Outgoing.objects.count() == 2

    Delivery.objects.filter(outgoing=old).delete()
    prune_sent(now)
    assert list(Outgoing.objects.values_list("pk", flat=True)) == [recent.pk], \
        "a message left with no delivery goes too"
