"""The demo's agenda is produced by mail through the real inbox and the same functions as the
web, from the demo network's own stories: one topic learned with its synthesis, one running as
a dialogue in its synthesis stage, one parked, a workshop, a proposal refused for its empty
subject."""

from __future__ import annotations

import pytest
from django.utils import timezone

from learnlink.exchange.demo import load_demo as load_exchange
from learnlink.mail.models import InboundMessage, State
from learnlink.mentoring.agenda.demo import BUYER, SPIES, TRYING
from learnlink.mentoring.agenda.dialogues import running
from learnlink.mentoring.demo import load_demo
from learnlink.mentoring.models import Topic
from learnlink.people.demo import load_demo as load_people

LINE = ("agenda: 5 topics in oranges-muheza (1 learned, 1 running as a dialogue, 1 parked), "
        "1 workshop, 1 proposal by mail refused")


@pytest.mark.django_db
def test_the_demo_agenda_lives_from_the_networks_own_stories():
    load_people()
    load_exchange()
    assert LINE in load_demo()
    assert LINE in load_demo(), "loading again changes nothing"

    learned = Topic.objects.get(title=BUYER)
    assert learned.state == "learned" and learned.via == "mail"
    assert learned.syntheses.get().published is not None
    dialogue = Topic.objects.get(title=TRYING).dialogue
    assert running(dialogue, timezone.localdate()).stage == "synthesis"
    assert dialogue.topic.threads.count() == 2
    spies = Topic.objects.get(title=SPIES)
    assert spies.state == "proposed"
    assert sorted(s.organisation.name for s in spies.supports.all()) == [
        "Babati Rice Farmers Association", "Kicheba Orange Growers Group",
        "Magugu Rice Producers Group", "Muheza Fruit Growers Association"]
    inbox = InboundMessage.objects.filter(recipient__startswith="oranges-muheza+agenda@")
    assert sorted(inbox.values_list("state", flat=True)) == [State.DONE] * 4 + [State.REJECTED]
