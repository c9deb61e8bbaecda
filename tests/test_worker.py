"""Background work goes through the real queue: Huey on SQLite, or on Redis with REDIS_URL."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from huey.contrib.djhuey import HUEY


@pytest.fixture
def real_queue():
    HUEY.immediate = False
    HUEY.flush()
    yield HUEY
    HUEY.flush()


def test_a_sign_in_link_waits_in_the_queue_until_the_worker_sends_it(
        client, learner, smtp_sink, real_queue):
    client.post(reverse("login_link_request"), {"email": "halima@example.org"})
    assert smtp_sink.messages == [], "the web request only queues the mail"
    assert real_queue.pending_count() == 1

    real_queue.execute(real_queue.dequeue())  # renders the mail into the outbox
    assert smtp_sink.messages == [], "the outbox is sent by a task of its own"
    assert real_queue.pending_count() == 1

    real_queue.execute(real_queue.dequeue())

    assert len(smtp_sink.to("halima@example.org")) == 1
    assert real_queue.pending_count() == 0


def test_the_queue_lives_where_the_settings_say(real_queue):
    expected = "RedisStorage" if settings.REDIS_URL else "SqliteStorage"
    assert type(real_queue.storage).__name__ == expected


@pytest.mark.skipif(not settings.REDIS_URL, reason="REDIS_URL is not set: the cache is in memory")
def test_the_cache_is_shared_through_redis():
    import redis

    cache.set("learnlink-test", "kept", 30)
    keys = redis.Redis.from_url(settings.REDIS_URL).keys("*learnlink-test*")
    assert keys and cache.get("learnlink-test") == "kept"
