"""A practice's sources: a published synthesis it cites is linked where its readers read it,
on top of its thread; its own page is the mentors' workbench, which a guest cannot open."""

from __future__ import annotations

from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Item
from tests.knowledge.conftest import posted


def test_a_guest_follows_a_cited_synthesis_to_the_thread_it_sits_on(client, published,
                                                                    oranges):
    thread = posted(oranges, "Grading for the Tanga buyer")
    synthesis = services.start(oranges, [thread], title="Three grades", language="en", by=None,
                               content=Content([Item("Three sizes, by hand.",
                                                     thread.messages.get().message_id)],
                                               "The buyer pays by grade."))
    services.publish(synthesis)
    published.syntheses.set([synthesis])

    page = client.get(published.get_absolute_url()).content.decode()

    assert f'href="{thread.get_absolute_url()}#synthesis"' in page
    assert synthesis.get_absolute_url() not in page
    assert "Three sizes, by hand." in client.get(thread.get_absolute_url()).content.decode()
