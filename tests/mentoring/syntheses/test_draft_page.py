"""A mentor asks for a draft of a thread on its page, and gets the three parts with each point
linked to its message, ready to edit; bad threads get a useful page, never an error."""

from __future__ import annotations

import re

from django.urls import reverse

from learnlink.exchange.models import Message
from tests.mentoring.syntheses.conftest import message_ids


def test_the_thread_page_offers_its_mentor_to_synthesise(mentor_client, warehouse):
    page = mentor_client.get(warehouse.get_absolute_url()).content.decode()
    assert reverse("mentoring:synthesis_draft", args=[warehouse.pk]) in page
    assert "Synthesise this thread" in page


def test_the_draft_has_three_parts_each_point_linked_to_a_message_of_the_thread(
        mentor_client, warehouse):
    response = mentor_client.get(reverse("mentoring:synthesis_draft", args=[warehouse.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    learned = form.initial["learned"].splitlines()
    assert len(learned) >= 3
    numbers = {int(n) for n in re.findall(r"\[m(\d+)\]", form.initial["learned"])}
    thread_messages = set(Message.objects.filter(thread=warehouse).values_list("pk", flat=True))
    assert numbers and numbers <= thread_messages
    assert form.initial["standing"]
    assert "?" in form.initial["next_questions"]
    assert form.initial["title"] == warehouse.subject
    assert message_ids(warehouse)
