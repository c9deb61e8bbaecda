"""The contract monitor on a small hand-made archive (tests/mentoring/monitor/conftest.py):
each figure and each state as the group's members read them, the API, the spreadsheet, who may
read it, a month with nothing in it, and what the pages cost."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from learnlink.mentoring.monitor.figures import monitor
from learnlink.mentoring.monitor.months import Month, NotAMonth

MARCH = Month(2026, 3)


def url(archive, name: str = "monitor", month: str = "2026-03", *args) -> str:
    return reverse(f"mentoring:{name}", args=[archive["group"].slug, *args]) + f"?month={month}"


def rows_by_name(archive, month: Month = MARCH) -> dict:
    return {row.organisation.name: row for row in monitor(archive["group"], month).rows}


def test_each_figure_of_march(archive):
    rows = rows_by_name(archive)
    kilulu, babati = rows["Kilulu Orange Growers"], rows["Babati Market Spies"]
    assert (kilulu.messages, kilulu.plans, kilulu.achievements, kilulu.questions) == (3, 1, 1, 0)
    assert (kilulu.answers, kilulu.median_answer_hours, kilulu.owed) == (1, 3.0, 0)
    assert (babati.messages, babati.questions, babati.answers, babati.owed) == (2, 1, 0, 1)
    assert rows["Mkinga Farmers"].questions == 1
    assert rows["Magugu Rice Irrigators"].messages == 0


def test_each_state_of_march(archive):
    states = {name: (row.state, row.quiet_months) for name, row in rows_by_name(archive).items()}
    assert states == {
        "Kilulu Orange Growers": ("kept", 0),
        "Babati Market Spies": ("slipping", 0),  # Mkinga's question waits for its answer
        "Tanga Dairy Group": ("slipping", 1),  # wrote in February, not in March
        "Magugu Rice Irrigators": ("broken", 2),  # nothing since January
        "Mkinga Farmers": ("no_contract", None),
        "Tanga Community Radio": ("no_contract", None),
    }


def test_the_circles_are_shown_apart(archive):
    table = monitor(archive["group"], MARCH)
    assert [row.organisation.name for row in table.outer_circle] == ["Tanga Community Radio"]
    assert [row.organisation.name for row in table.inner_without_contract] == ["Mkinga Farmers"]
    assert len(table.under_contract) == 4


def test_only_the_contracts_commitments_count(archive):
    archive["contract"].commitments.filter(kind__in=["monthly", "answers"]).delete()
    states = {name: row.state for name, row in rows_by_name(archive).items()
              if row.agreement is not None}
    assert set(states.values()) == {"kept"}


def test_an_organisation_that_agreed_late_is_not_broken_for_the_months_before(archive):
    archive["contract"].agreements.filter(organisation=archive["magugu"]).update(
        agreed=MARCH.start)
    assert rows_by_name(archive)["Magugu Rice Irrigators"].state == "slipping"
    assert rows_by_name(archive, Month(2026, 2))["Magugu Rice Irrigators"].state == (
        "no_contract")


def test_the_page_shows_the_table_the_states_and_the_rule(client, archive, learner):
    client.force_login(learner)
    html = client.get(url(archive)).content.decode()
    assert "Contract monitor: March 2026" in html
    assert "Muheza learning contract 2026" in html
    for heading in ("Under the contract", "Inner circle, no contract",
                    "Outer circle (observers), no contract"):
        assert heading in html
    assert "<strong>broken</strong>" in html and "<strong>kept</strong>" in html
    assert "Broken: two months or more in a row without a message." in html
    assert 'href="kilulu-orange-growers/?month=2026-03"' in html
    assert 'href="?month=2026-02"' in html and 'href="?month=2026-04"' in html


def test_the_api_answers_the_interface(client, archive, learner):
    client.force_login(learner)
    answer = client.get(f"/api/groups/{archive['group'].slug}/contract-monitor?month=2026-03")
    assert answer.status_code == 200
    items = {item["organisation"]: item for item in answer.json()["items"]}
    assert items["Kilulu Orange Growers"] == {
        "organisation": "Kilulu Orange Growers", "messages": 3, "plans": 1, "achievements": 1,
        "questions": 0, "answers": 1, "median_answer_hours": 3.0, "state": "kept",
        "circle": "inner", "months_without_exchange": 0}
    assert items["Magugu Rice Irrigators"]["state"] == "broken"
    assert answer.json()["notice"] == ""


def test_a_month_with_no_data_is_said_on_the_page_and_in_the_api(client, archive, learner):
    client.force_login(learner)
    html = client.get(url(archive, month="2025-06")).content.decode()
    assert "In June 2025 no learning contract was in force in Muheza orange growers" in html
    assert "<table" not in html
    answer = client.get(f"/api/groups/{archive['group'].slug}/contract-monitor?month=2025-06")
    assert answer.status_code == 200
    assert answer.json()["items"] == []
    assert "nothing to show" in answer.json()["notice"]
    future = client.get(f"/api/groups/{archive['group'].slug}/contract-monitor?month=2099-01")
    assert future.json()["notice"] == "January 2099 has not come yet: there is nothing to show."


@pytest.mark.parametrize("text", ["2026-13", "March", "2026-3-1", "0000-01"])
def test_a_month_written_wrongly_gets_a_clear_answer(client, archive, learner, text):
    with pytest.raises(NotAMonth):
        Month.parse(text)
    client.force_login(learner)
    page = client.get(url(archive, month=text))
    assert page.status_code == 200
    assert "is not a month: write it as year and month" in page.content.decode()
    answer = client.get(f"/api/groups/{archive['group'].slug}/contract-monitor?month={text}")
    assert answer.status_code == 400
    assert "write it as YYYY-MM" in answer.json()["detail"]


def test_the_spreadsheet_holds_the_table_and_the_rule(client, archive, mentor):
    client.force_login(mentor)
    response = client.get(url(archive, "monitor_export"))
    assert response["Content-Disposition"] == (
        'attachment; filename="muheza-oranges-contract-monitor-2026-03.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    sheet = list(book["2026-03"].values)
    header = sheet[0]
    assert header[:5] == ("Organisation", "Circle", "Agreed by", "Agreed", "Messages")
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in sheet[1:]}
    assert rows["Kilulu Orange Growers"]["Median hours to answer"] == 3
    assert rows["Kilulu Orange Growers"]["Agreed by"] == "Mwanaisha Shabani"
    assert rows["Magugu Rice Irrigators"]["State"] == "broken"
    assert rows["Tanga Community Radio"]["Circle"] == "outer"
    assert "Broken: two months" in list(book["Rule"].values)[3][0]


def test_the_journal_lists_plans_what_happened_and_achievements(client, archive, learner):
    from learnlink.mentoring.models import MessageLabels

    MessageLabels.objects.filter(message__subject="Our grading shed").delete()  # not labelled yet
    client.force_login(learner)
    html = client.get(url(archive, "monitor_journal", "2026-03",
                          "kilulu-orange-growers")).content.decode()
    plans, happened = html.index("<h2>Plans"), html.index("<h2>What happened")
    achievements = html.index("<h2>Achievements")
    assert plans < html.index("Plan for April") < happened
    assert happened < html.index("Our grading shed") < html.index("Re: Grading") < achievements
    assert achievements < html.index("We sold together")
    assert "Rice prices" not in html, "another organisation's messages"
    assert reverse("exchange:message", args=["muheza-oranges", archive["group"].messages.get(
        subject="We sold together").pk]) in html


@pytest.mark.parametrize(("who", "status"), [
    ("guest", 302), ("outsider", 404), ("observer", 404), ("learner", 200), ("mentor", 200),
    ("staff", 200)])
def test_who_reads_the_monitor(client, archive, request, who, status):
    if who == "observer":
        client.force_login(archive["observer"])
    elif who != "guest":
        client.force_login(request.getfixturevalue(who))
    for page in (url(archive), url(archive, "monitor_export"),
                 url(archive, "monitor_journal", "2026-03", "kilulu-orange-growers")):
        assert client.get(page).status_code == status, page
    api = client.get(f"/api/groups/{archive['group'].slug}/contract-monitor?month=2026-03")
    assert api.status_code == (200 if status == 200 else 404)


@pytest.mark.parametrize(("who", "status"), [("guest", 302), ("learner", 404), ("mentor", 200),
                                              ("staff", 200)])
def test_the_network_view_is_for_the_networks_mentors_and_staff(client, archive, request, who,
                                                                 status):
    if who != "guest":
        client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("mentoring:monitor_network") + "?month=2026-03")
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Muheza orange growers" in html
        assert "<td class=\"n\">1<td class=\"n\">2<td class=\"n\">1<td class=\"n\">2" in html


def test_the_mentor_dashboard_links_the_monitor(client, archive, mentor):
    client.force_login(mentor)
    html = client.get(reverse("mentoring:group", args=["muheza-oranges"])).content.decode()
    assert reverse("mentoring:monitor", args=["muheza-oranges"]) in html


def test_the_pages_make_a_bounded_number_of_queries(client, archive, staff,
                                                    django_assert_max_num_queries):
    client.force_login(staff)
    from learnlink.exchange.membership import create_group

    for n in range(5):
        create_group(f"more-{n}", f"More {n}")
    for page, most in ((url(archive), 20), (reverse("mentoring:monitor_network"), 20),
                       (url(archive, "monitor_journal", "2026-03", "kilulu-orange-growers"), 12),
                       (f"/api/groups/{archive['group'].slug}/contract-monitor", 16)):
        with django_assert_max_num_queries(most):
            assert client.get(page).status_code == 200


def test_two_hundred_organisations_fit_the_page_budget(client, archive, mentor):
    from learnlink.exchange.models import Membership
    from learnlink.people.models import Organisation

    Membership.objects.bulk_create(Membership(group=archive["group"], organisation=o)
                                   for o in Organisation.objects.bulk_create(
        Organisation(name=f"Kikundi cha Wakulima wa Machungwa {n}", slug=f"kikundi-{n}",
                     kind="farmer_group") for n in range(200)))
    client.force_login(mentor)
    first = client.get(url(archive)).content
    assert len(first) < 50 * 1024
    assert b"Page 1 of 3" in first


def test_the_mentor_dashboard_links_the_network_view_for_the_networks_mentors(client, archive,
                                                                               mentor):
    client.force_login(mentor)
    html = client.get(reverse("mentoring:dashboard")).content.decode()
    assert reverse("mentoring:monitor_network") in html


def test_the_month_in_progress_is_not_a_silent_month_yet(archive):
    import datetime

    from django.utils import timezone

    from learnlink.mentoring.models.contracts import Contract

    Contract.objects.filter(pk=archive["contract"].pk).update(
        ends=timezone.localdate() + datetime.timedelta(days=400))
    rows = rows_by_name(archive, Month.current())
    assert rows["Kilulu Orange Growers"].quiet_months == Month.current().index() - MARCH.index() - 1
    april = {name: row.quiet_months for name, row in rows_by_name(archive, Month(2026, 4)).items()}
    assert april["Kilulu Orange Growers"] == 1
