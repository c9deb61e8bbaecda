"""The demo alliance's coordinator runs the end of a cycle in a real Chromium, JavaScript off,
on a phone-sized screen: a task agreed and done, a partner's reflection, the synthesis."""

from typing import Any

import pytest

from learnlink.alliance.models import Synthesis, Task
from learnlink.people.demo import DEMO_PASSWORD
from tests.conftest import sign_in_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_coordinator_runs_a_cycle_through_to_its_synthesis(live_server: Any, phone: Any,
                                                               output_dir: Any) -> None:
    from learnlink.alliance.demo import load_demo as load_alliance
    from learnlink.people.demo import load_demo

    load_demo()
    load_alliance()
    sign_in_on(phone, live_server.url, "annet.kyomuhendo@example.org", DEMO_PASSWORD)

    phone.goto(live_server.url + "/alliances/")
    phone.get_by_role("link", name="CIAT–CRS East Africa Learning Alliance").click()
    assert phone.evaluate("document.documentElement.scrollWidth <= 360"), \
        "the dashboard's wide tables scroll inside the page, not the page itself"
    phone.get_by_role("link", name="Cycle 4").first.click()
    assert "Monitoring, evaluation and scaling up" in phone.content()
    phone.get_by_role("link", name="CRS Kenya").first.click()
    phone.get_by_role("link", name="Add a task").click()
    phone.get_by_label("Task").fill("Report the Kenya PMGs' sales for the season")
    phone.get_by_label("Owner").select_option(label="Peter Mutua Kilonzo")
    phone.get_by_label("Due").fill("2004-09-30")
    phone.get_by_label("Deliverable").fill("Sales table per territory")
    phone.get_by_role("button", name="Add the task").click()
    assert "Report the Kenya PMGs' sales for the season" in phone.content()
    task = Task.objects.get(title="Report the Kenya PMGs' sales for the season")
    assert (task.owner.name, str(task.due)) == ("Peter Mutua Kilonzo", "2004-09-30")

    phone.goto(live_server.url + "/alliances/ciat-crs-east-africa/cycles/4/reflection/")
    kenya = phone.locator("section.card", has_text="CRS Kenya")
    kenya.get_by_role("link", name="Answer the three questions").click()
    answers = phone.locator("textarea")
    answers.nth(0).fill("Group sales of greengrams in Mbeere: one lorry instead of many bicycles.")
    answers.nth(1).fill("Kitui's cotton found no buyer before the season ended.")
    answers.nth(2).fill("Agree the buyer before planting.")
    phone.get_by_role("button", name="Save the answers").click()
    assert "one lorry instead of many bicycles" in phone.content()

    phone.get_by_role("link", name="Write the synthesis").click()
    draft = phone.locator("textarea").first.input_value()
    assert "One lorry instead of many bicycles. (CRS Kenya)" in draft, \
        "the draft is made from the partners' answers, each point credited"
    phone.get_by_role("button", name="Save the draft").click()
    phone.goto(live_server.url + "/alliances/ciat-crs-east-africa/cycles/4/synthesis/")
    phone.get_by_role("button", name="Publish the saved synthesis").click()
    assert "Synthesis across partners" in phone.content()
    assert Synthesis.objects.get(cycle__number=4, cycle__alliance__slug="ciat-crs-east-africa"
                                 ).published is not None
    phone.screenshot(path=output_dir / "alliance-synthesis-published.png", full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth <= 360"), "fits a small phone"
