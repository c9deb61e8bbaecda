"""The demo's introductions load through the real paths, from the demo network's own
threads: one answered by mail, one waiting past 14 days (on the dashboard), one waiting."""

from __future__ import annotations

import pytest
from django.utils import timezone

from learnlink.exchange.demo import load_demo as load_exchange
from learnlink.exchange.models import Group
from learnlink.mail.models import InboundMessage, State
from learnlink.mentoring.demo import load_demo
from learnlink.mentoring.introductions.concern import unanswered
from learnlink.mentoring.models import Introduction
from learnlink.people.demo import load_demo as load_people


@pytest.mark.django_db
def test_the_demo_introductions_tell_the_networks_own_stories():
    load_people()
    load_exchange()
    assert "introductions: 3 (1 answered)" in load_demo()
    assert "introductions: 3 (1 answered)" in load_demo(), "loading again changes nothing"

    babati = Introduction.objects.get(seeker_organisation__name="Babati Rice Farmers "
                                                                "Association")
    assert babati.peer_organisation.name == "Mufindi Market Spies Group"
    assert babati.answered_by.name == "Yohana Mgimwa" and babati.languages == "sw"
    assert babati.evidence_label == "Re: Jinsi tunavyokusanya bei Mufindi – Yohana Mgimwa"
    [answer] = babati.replies.all()
    assert answer.inbound.state == State.DONE
    assert babati.sent > babati.thread.last_activity, "after the discussion it comes from"

    [waiting] = unanswered(Group.objects.all(), timezone.now())
    assert (waiting.seeker_organisation.name, waiting.peer_organisation.name) == (
        "Abuket Sweet Potato Association", "Mbeya Warehouse Services")
    assert waiting.languages == "en" and waiting.group.slug == "warehouse-receipts"
    assert not InboundMessage.objects.filter(state=State.QUARANTINED,
                                             recipient__startswith="intro-").exists()
