"""A synthesis of a topic (threads the mentor ticks) or of a month of the group: drafted from
all their messages, each point linked to its own thread's message, and shown at the top of
each thread it covers."""

from __future__ import annotations

import re

from django.urls import reverse

from learnlink.exchange.models import Message, Thread
from learnlink.mentoring.models import Scope, Synthesis
from tests.mentoring.syntheses.conftest import SOROTI, thread_titled


def test_a_topic_of_two_threads_is_drafted_from_both_and_shown_on_both(
        client, mentor, receipts, warehouse):
    soroti = thread_titled(receipts, SOROTI)
    client.force_login(mentor)
    pick = client.get(reverse("mentoring:syntheses_pick", args=[receipts.slug]))
    assert f'name="thread" value="{soroti.pk}"' in pick.content.decode()

    query = f"?thread={warehouse.pk}&thread={soroti.pk}"
    draft = client.get(reverse("mentoring:syntheses_draft", args=[receipts.slug]) + query)
    assert draft.status_code == 200
    initial = draft.context["form"].initial
    cited = {int(n) for n in re.findall(r"\[m(\d+)\]", initial["learned"])}
    threads = set(Message.objects.filter(pk__in=cited).values_list("thread_id", flat=True))
    assert threads == {warehouse.pk, soroti.pk}, "points from both threads"
    assert initial["title"] == f"{warehouse.subject} and 1 more threads"

    saved = client.post(reverse("mentoring:syntheses_save", args=[receipts.slug]) + query,
                        {**initial, "title": "Receipts, from Mbeya to Soroti"})
    synthesis = Synthesis.objects.get()
    assert saved["Location"] == synthesis.get_absolute_url()
    assert synthesis.scope == Scope.TOPIC
    assert set(synthesis.threads.all()) == {warehouse, soroti}
    client.post(reverse("mentoring:synthesis_publish", args=[synthesis.pk]))
    client.logout()
    for thread in (warehouse, soroti):
        assert "Receipts, from Mbeya to Soroti" in client.get(
            thread.get_absolute_url()).content.decode()


def test_a_month_of_the_group_covers_the_threads_started_in_it(client, mentor, receipts):
    month = Thread.objects.filter(group=receipts).order_by("month").first().month
    client.force_login(mentor)
    pick = client.get(reverse("mentoring:syntheses_pick", args=[receipts.slug]))
    link = f"{reverse('mentoring:syntheses_draft', args=[receipts.slug])}?month={month:%Y-%m}"
    assert link in pick.content.decode()
    draft = client.get(link)
    assert draft.status_code == 200
    client.post(link.replace("/draft/", "/save/"), draft.context["form"].initial)
    synthesis = Synthesis.objects.get()
    assert (synthesis.scope, synthesis.month) == (Scope.MONTH, month)
    assert set(synthesis.threads.all()) == set(Thread.objects.filter(group=receipts,
                                                                     month=month))


def test_a_choice_of_nothing_says_what_to_choose(client, mentor, receipts):
    client.force_login(mentor)
    for query in ("", "?month=1999-01", "?month=soon", "?thread=999999"):
        response = client.get(reverse("mentoring:syntheses_draft", args=[receipts.slug]) + query)
        assert response.status_code == 400, query
        page = response.content.decode()
        assert "Choose at least one thread" in page or "A month is written YYYY-MM" in page
