"""GET /api/groups/{slug}/agenda: topics with state, supporters and history, for the group's
readers; 404 to anyone else, in a bounded number of queries."""

from __future__ import annotations

from learnlink.mentoring.agenda import actions
from tests.mentoring.agenda.conftest import proposed


def url(people) -> str:
    return f"/api/groups/{people.group.slug}/agenda"


def test_a_member_reads_each_topics_state_supporters_and_history(client, people,
                                                                 django_assert_max_num_queries):
    topic = proposed(people)
    actions.support(topic, people.athumani.person)
    actions.change_state(topic, "active", people.mentor.person, "Chosen in Muheza.")
    for number in range(10):
        actions.support(proposed(people, f"Topic {number}"), people.learner.person)
    client.force_login(people.observer)
    with django_assert_max_num_queries(12):
        body = client.get(url(people)).json()

    item = next(item for item in body["items"] if item["id"] == topic.pk)
    assert body["group"] == "muheza-oranges" and len(body["items"]) == 11
    assert item["state"] == "active" and item["organisations"] == 1
    assert item["supporters"][0]["organisation"] == "Kilulu Orange Growers"
    assert item["supporters"][0]["person"] == "Athumani Kaniki"
    assert [(c["from_state"], c["to_state"], c["by"]) for c in item["history"]] == [
        (None, "proposed", "Halima Omari"), ("proposed", "active", "Joseph Mshana")]
    assert item["history"][1]["note"] == "Chosen in Muheza."


def test_outside_the_group_the_agenda_is_not_found(client, people):
    proposed(people)
    assert client.get(url(people)).status_code == 404
    client.force_login(people.outsider)
    assert client.get(url(people)).status_code == 404
    assert client.get("/api/groups/no-such-group/agenda").status_code == 404
