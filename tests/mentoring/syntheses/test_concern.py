"""The dashboard's row for syntheses: threads of 8 messages or more that no published synthesis
covers, the liveliest first, each with its "Synthesise" link, in one query per page."""

from __future__ import annotations

from django.utils import timezone

from learnlink.exchange.models import Group
from learnlink.mentoring.concerns import concerns
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.concern import CONCERN
from learnlink.mentoring.syntheses.content import Content
from tests.mentoring.syntheses.conftest import post


def discussion(group, subject: str, replies: int):
    first = post(group, subject, f"Who buys {subject.lower()} this season?")
    references = f"<{first.message_id}>"
    for n in range(replies):
        reply = post(group, f"Re: {subject}", f"Answer {n}: the buyer from Tanga pays cash.",
                     sender="joseph.mshana@example.org" if n % 2 else "halima@example.org",
                     In_Reply_To=references.split()[-1], References=references)
        references += f" <{reply.message_id}>"
    return first.thread


def test_long_threads_without_a_published_synthesis_need_one(
        oranges, mentor, django_assert_max_num_queries):
    oranges_thread = discussion(oranges, "Oranges", 7)  # 8 messages
    pepper = discussion(oranges, "Pepper", 8)
    discussion(oranges, "Rice", 3)
    synthesised = discussion(oranges, "Sesame", 9)
    services.publish(services.start(oranges, [synthesised], title="Sesame", language="en",
                                    content=Content(standing="Sold together."), by=mentor))
    services.start(oranges, [pepper], title="Pepper", language="en",
                   content=Content(standing="A draft does not count."), by=mentor)
    assert CONCERN in concerns()

    with django_assert_max_num_queries(1):
        rows = [CONCERN.row(thread) for thread in
                CONCERN.rows(Group.objects.filter(pk=oranges.pk), timezone.now())[:25]]
    assert [row.url for row in rows] == [pepper.get_absolute_url(),
                                         oranges_thread.get_absolute_url()]
    assert rows[0].text == "Pepper: 9 messages, no synthesis yet"
    assert rows[0].action_url == f"/mentoring/syntheses/threads/{pepper.pk}/draft/"
    assert str(rows[0].action) == "Synthesise" and rows[0].group == oranges
