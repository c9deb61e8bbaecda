"""After the whole demo, the monitor shows a realistic mix of kept, slipping and broken
contracts, made by the demo's own mail through the inbox, and loading it again adds nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from learnlink.exchange.models import Message
from learnlink.mentoring.monitor.demo import load_demo
from learnlink.mentoring.monitor.figures import monitor
from learnlink.mentoring.monitor.months import Month


@pytest.fixture
def demo(transactional_db):
    call_command("demo", stdout=StringIO())


def test_the_demo_monitor_shows_kept_slipping_and_broken_from_the_demos_mail(client, demo):
    assert Message.objects.filter(message_id__endswith="@monitor.demo.example.net").count() == 13
    from learnlink.exchange.models import Group

    table = monitor(Group.objects.get(slug="oranges-muheza"), Month.current().previous())
    states = {row.organisation.name: row.state for row in table.under_contract}
    assert states["Kicheba Orange Growers Group"] == "kept"
    assert states["Amani Black Pepper Group"] == "slipping"  # asked in October, quiet since
    assert states["Ruvuma Farm Services"] == "broken"
    spies = monitor(Group.objects.get(slug="market-spies"), Month.current().previous())
    assert "Ruaha Mbuyuni Onion Growers Group" in {
        row.organisation.name for row in spies.inner_without_contract}, "offered, not agreed"

    client.force_login(User.objects.get(username="zuhura.shemdoe@example.org"))
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(reverse("mentoring:monitor", args=["oranges-muheza"])
                      + f"?month={Month.current().previous()}").content.decode()
    for state in ("kept", "slipping", "broken"):
        assert f"<strong>{state}</strong>" in page
    assert load_demo().startswith("contract monitor: 0 messages posted; last month "), "once"
