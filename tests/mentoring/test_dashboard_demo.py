"""After the whole demo, a demo mentor's dashboard shows what they would act on, drawn from the
demo network's own threads: in the mentors' room Gabriel asked his colleagues how they revive
"Threads that went quiet", and only mentors of his own network answered him."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from learnlink.mentoring.dashboard.summary import send_morning_summaries

GABRIEL = "gabriel.mwakalinga@example.org"


@pytest.fixture
def demo(transactional_db):
    call_command("demo", stdout=StringIO())


def test_the_demo_mentors_dashboard_shows_questions_to_take_up_and_the_links_work(
        client, demo, smtp_sink):
    client.force_login(User.objects.get(username=GABRIEL))
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(reverse("mentoring:dashboard")).content.decode()

    waiting = re.search(r'<section class="card" id="questions">.*?</section>', page, re.S)[0]
    assert "Gabriel Mwakalinga asked: “What do you do?”" in waiting  # Threads that went quiet
    assert "Atupele Mwakyusa asked: “Is there a lender who will accept the receipt?”" in waiting
    assert "Could a receipt like Mbonzo" not in waiting, "Soroti's question was answered"
    assert "Moringa" not in waiting, "Gabriel does not mentor the Kakamega group"
    links = re.findall(r'<li><a href="(/[^"]+)">', page)
    assert links and all(client.get(link, follow=True).status_code == 200 for link in links)
    assert 'href="mailto:mentors@' in waiting, "the action answers in the thread by email"

    assert send_morning_summaries(timezone.localdate()) >= 5
    [summary] = [m for m in smtp_sink.to(GABRIEL) if m["From"] == settings.DEFAULT_FROM_EMAIL]
    text = summary.get_content()
    assert "Gabriel Mwakalinga aliuliza: “What do you do?”" in text, "in Gabriel's Kiswahili"
    assert "/mentoring/" in text
