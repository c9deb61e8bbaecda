"""Action plans and tasks: a task must fall within its cycle; a team edits its own plan and
no other; the demo's coordinator runs a cycle on the web."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from learnlink.alliance.models import ActionPlan, Alliance, LearningSpace, Task, TaskStatus
from learnlink.alliance.planning import actions as planning
from tests.alliance.conftest import sign_in
from tests.alliance.teams import D, Small, make_small, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def small(network: dict[str, Any]) -> Small:
    return make_small(network)


def test_a_task_due_before_its_cycle_starts_is_refused_saying_what_to_fix(small: Small) -> None:
    plan = planning.plan_for(small.growers, small.second)
    with pytest.raises(ValidationError) as refused:
        planning.add_task(plan, title="Sell the oranges", owner=small.grower.person,
                          due=D(2003, 7, 20))
    assert refused.value.message_dict["due"] == [
        "This task is due on 20 Jul 2003, before cycle 2 starts on 1 Aug 2003: give it a due "
        "date from 1 Aug 2003 to 31 Dec 2003, or put it in the plan of an earlier cycle."]
    with pytest.raises(ValidationError, match="after cycle 2 ends on 31 Dec 2003"):
        planning.add_task(plan, title="Sell the oranges", owner=small.grower.person,
                          due=D(2004, 1, 5))
    assert not Task.objects.exists()


def test_the_web_form_refuses_it_too_and_keeps_what_was_typed(small: Small) -> None:
    page = signed_in(small.grower).post(
        f"/alliances/tanga-oranges/cycles/2/plans/{small.growers.pk}/tasks/new/",
        {"title": "Sell the oranges", "owner": small.grower.person.pk, "due": "2003-07-20"})
    assert page.status_code == 400
    text = page.content.decode()
    assert "before cycle 2 starts on 1 Aug 2003" in text
    assert 'value="Sell the oranges"' in text
    assert not Task.objects.exists() and not ActionPlan.objects.exists()


def test_a_team_edits_its_own_plan_but_not_another_teams(small: Small) -> None:
    spies_plan = planning.plan_for(small.spies, small.first)
    task = planning.add_task(spies_plan, title="Rice prices", owner=small.spy.person,
                             due=D(2003, 5, 1))
    grower = signed_in(small.grower)
    base = "/alliances/tanga-oranges"
    # Halima reads the other team's plan (she is an insider) but cannot change it.
    assert grower.get(f"{base}/cycles/1/plans/{small.spies.pk}/").status_code == 200
    assert "Add a task" not in grower.get(
        f"{base}/cycles/1/plans/{small.spies.pk}/").content.decode()
    for url, data in [(f"{base}/tasks/{task.pk}/done/", {"done_on": "2003-04-30"}),
                      (f"{base}/tasks/{task.pk}/drop/", {"reason": "no"}),
                      (f"{base}/tasks/{task.pk}/", {"title": "x"}),
                      (f"{base}/cycles/1/plans/{small.spies.pk}/tasks/new/", {"title": "x"}),
                      (f"{base}/cycles/1/plans/{small.spies.pk}/edit/", {"summary": "x"})]:
        assert grower.post(url, data).status_code == 404, url
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN and task.title == "Rice prices"
    spy = signed_in(small.spy)
    assert spy.post(f"{base}/tasks/{task.pk}/done/", {"done_on": "2003-04-30"}).status_code \
        == 302
    task.refresh_from_db()
    assert (task.status, task.done_on) == (TaskStatus.DONE, D(2003, 4, 30))


def test_strangers_do_not_see_a_private_alliances_plans(small: Small, outsider: Any) -> None:
    plan = planning.plan_for(small.growers, small.first)
    task = planning.add_task(plan, title="Grade oranges", owner=small.grower.person,
                             due=D(2003, 5, 1))
    base = "/alliances/tanga-oranges"
    for client in (Client(), signed_in(outsider)):
        for url in [f"{base}/cycles/1/", f"{base}/cycles/1/plans/{small.growers.pk}/",
                    f"{base}/tasks/{task.pk}/", f"{base}/accountability/",
                    f"{base}/calendar/"]:
            assert client.get(url).status_code == 404, url


def test_a_dropped_task_needs_a_reason(small: Small) -> None:
    plan = planning.plan_for(small.growers, small.first)
    task = planning.add_task(plan, title="Grade oranges", owner=small.grower.person,
                             due=D(2003, 5, 1))
    page = signed_in(small.coordinator).post(f"/alliances/tanga-oranges/tasks/{task.pk}/drop/",
                                             {"reason": "   "})
    assert page.status_code == 400
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN


def test_the_demo_coordinator_runs_a_cycle_on_the_web(demo: Alliance) -> None:
    annet = sign_in("annet.kyomuhendo@example.org")
    base = "/alliances/ciat-crs-east-africa"
    cycle = annet.get(f"{base}/cycles/2/")
    assert cycle.status_code == 200
    assert "Second residential course" in cycle.content.decode()
    kenya = demo.partners.get(organisation__name="CRS Kenya")
    peter = kenya.participants.get().person
    step = demo.cycles.get(number=2).spaces.first().steps.first()  # type: ignore[union-attr]

    made = annet.post(f"{base}/cycles/2/spaces/new/", {
        "kind": "field_visit", "title": "Field visit to the greengram buyers of Embu",
        "start": "2003-09-16", "end": "2003-09-17", "place_name": "Embu town market",
        "facilitators": [peter.pk], "steps": [step.pk]})
    assert made.status_code == 302
    space = LearningSpace.objects.get(title="Field visit to the greengram buyers of Embu")
    assert made["Location"] == f"{base}/spaces/{space.pk}/"
    assert annet.post(f"{base}/spaces/{space.pk}/attendance/", {
        "invited": [peter.pk], "attended": [peter.pk]}).status_code == 302
    assert space.attendance.get().attended is True

    added = annet.post(f"{base}/cycles/2/plans/{kenya.pk}/tasks/new/", {
        "title": "Sign a supply agreement with an Embu greengram trader", "owner": peter.pk,
        "due": "2003-11-15", "deliverable": "Signed agreement"})
    assert added.status_code == 302
    task = Task.objects.get(title="Sign a supply agreement with an Embu greengram trader")
    assert annet.post(f"{base}/tasks/{task.pk}/done/", {"done_on": "2003-11-10"}).status_code \
        == 302
    task.refresh_from_db()
    assert (task.status, task.done_on) == (TaskStatus.DONE, datetime.date(2003, 11, 10))
    plan = annet.get(f"{base}/cycles/2/plans/{kenya.pk}/").content.decode()
    assert "Sign a supply agreement" in plan and "10 Nov 2003" in plan
    items = annet.get("/api/alliances/ciat-crs-east-africa/accountability").json()["items"]
    kenya_2 = next(i for i in items if i["partner"] == "CRS Kenya" and i["cycle"] == 2)
    assert kenya_2["on_time"] >= 1
    assert len(items) == 36  # nine teams, four cycles
    dashboard = annet.get(f"{base}/")
    assert "Accountability board" in dashboard.content.decode()
    assert len(dashboard.content) < 50_000  # light pages, even with every block


def test_the_demo_has_courses_visits_and_a_mix_of_task_outcomes(demo: Alliance) -> None:
    courses = LearningSpace.objects.filter(cycle__alliance=demo, kind="residential_course")
    assert [(c.start, c.days, c.where) for c in courses] == [
        (D(2003, 3, 10), 5, "Kampala"), (D(2003, 8, 11), 5, "Nairobi"),
        (D(2004, 2, 9), 5, "Arusha"), (D(2004, 6, 14), 5, "Kigali")]
    assert LearningSpace.objects.filter(kind="monitoring_visit").count() == 8
    statuses = set(Task.objects.values_list("status", flat=True))
    assert statuses == {"open", "done", "dropped"}
    late = [t for t in Task.objects.filter(status="done") if t.done_on > t.due]
    assert late
    for plan in ActionPlan.objects.all():
        assert 2 <= plan.tasks.count() <= 4
    before = Task.objects.count()
    from learnlink.alliance.demo import load_demo

    load_demo()
    assert Task.objects.count() == before


def test_a_team_writes_its_plan_and_edits_drops_and_reopens_its_tasks(small: Small) -> None:
    grower = signed_in(small.grower)
    base = "/alliances/tanga-oranges"
    step = small.guide.steps.get(number=2)
    saved = grower.post(f"{base}/cycles/1/plans/{small.growers.pk}/edit/", {
        "summary": "Sell graded oranges to two Dar es Salaam buyers.", "steps": [step.pk]})
    assert saved.status_code == 302
    plan = ActionPlan.objects.get(partner=small.growers, cycle=small.first)
    assert list(plan.steps.all()) == [step]
    task = planning.add_task(plan, title="Grade oranges", owner=small.grower.person,
                             due=D(2003, 5, 1))
    moved = grower.post(f"{base}/tasks/{task.pk}/", {
        "title": "Grade oranges", "owner": small.grower.person.pk, "due": "2003-08-15"})
    assert moved.status_code == 400
    assert "after cycle 1 ends on 31 Jul 2003" in moved.content.decode()
    assert grower.post(f"{base}/tasks/{task.pk}/drop/",
                       {"reason": "The buyers want tangerines."}).status_code == 302
    task.refresh_from_db()
    assert (task.status, task.drop_reason) == (TaskStatus.DROPPED, "The buyers want tangerines.")
    assert grower.post(f"{base}/tasks/{task.pk}/reopen/").status_code == 302
    task.refresh_from_db()
    assert (task.status, task.drop_reason, task.done_on) == (TaskStatus.OPEN, "", None)
    page = grower.get(f"{base}/cycles/1/plans/{small.growers.pk}/").content.decode()
    assert "Sell graded oranges" in page and "Grade oranges" in page
