"""Pages with a synthesis make a bounded number of queries, however many times it was saved and
however many messages its points cite."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learnlink.exchange.models import Message
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Item


def saved(thread, mentor, times: int):
    """A synthesis citing every message of the thread, saved `times` times in two languages."""
    ids = list(Message.objects.filter(thread=thread, is_placeholder=False)
               .values_list("message_id", flat=True))
    content = Content([Item(f"Point {n}.", message_id) for n, message_id in enumerate(ids)],
                      "Standing.", [Item("Asked?", ids[-1])])
    synthesis = services.start(thread.group, [thread], title="Receipts", language="en",
                               content=content, by=mentor)
    for n in range(times - 1):
        services.save_version(synthesis, "sw" if n % 2 else "en", f"Receipts {n}", content,
                              mentor)
    services.publish(synthesis)
    return synthesis


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_thread_page_and_the_synthesis_page_cost_the_same_after_many_saves(
        client, mentor, warehouse):
    synthesis = saved(warehouse, mentor, 2)
    client.force_login(mentor)
    pages = [warehouse.get_absolute_url(), synthesis.get_absolute_url(),
             reverse("mentoring:synthesis_edit", args=[synthesis.pk, "sw"])]
    for url in pages:
        client.get(url)  # the first request of a session reads what the next ones find cached
    few = [queries(client, url) for url in pages]
    for n in range(30):
        services.save_version(synthesis, "sw" if n % 2 else "en", "Receipts", Content(
            standing=f"Again {n}."), mentor)
    after = [queries(client, url) for url in pages]
    assert all(now <= before for now, before in zip(after, few, strict=True)), (after, few)
    assert max(few) <= 21  # with the check that the reader may reply on the web
    client.logout()
    # A visitor's thread page: the exchange's reads and one or two of each tool's block.
    assert queries(client, warehouse.get_absolute_url()) <= 14, "a visitor's thread page"
