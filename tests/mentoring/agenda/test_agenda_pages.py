"""The agenda on the web: learners propose and support (one vote per organisation), mentors
move topics between states and every change shows in the history; each reader sees only what
they may; the pages make a bounded number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learnlink.mentoring.agenda import actions
from learnlink.mentoring.models import Support, Topic, TopicChange
from tests.mentoring.agenda.conftest import proposed


def agenda_url(people) -> str:
    return reverse("mentoring:agenda", args=[people.group.slug])


def test_a_learner_proposes_a_topic_and_lands_on_its_page(client, people):
    client.force_login(people.learner)
    response = client.post(reverse("mentoring:agenda_propose", args=[people.group.slug]), {
        "title": "  Market spies   for oranges ", "description": "Who pays their airtime?"},
        follow=True)
    html = response.content.decode()

    topic = Topic.objects.get()
    assert topic.title == "Market spies for oranges" and topic.state == "proposed"
    assert "Your topic is proposed." in html and "Who pays their airtime?" in html
    assert "proposed, Halima Omari" in html
    assert "Market spies for oranges" in client.get(agenda_url(people)).content.decode()


def test_the_same_topic_twice_is_refused_with_a_link_to_the_first(client, people):
    first = proposed(people)
    client.force_login(people.athumani)
    response = client.post(reverse("mentoring:agenda_propose", args=[people.group.slug]),
                           {"title": "selling to the tanga juice factory"}, follow=True)
    assert response.redirect_chain[-1][0] == first.get_absolute_url()
    assert "is on the agenda already: support it there." in response.content.decode()
    assert Topic.objects.count() == 1


def test_one_vote_per_organisation_says_who_voted_already(client, people):
    topic = proposed(people)
    client.force_login(people.athumani)
    client.post(reverse("mentoring:agenda_support", args=[people.group.slug, topic.pk]))
    client.force_login(people.chair)
    html = client.post(reverse("mentoring:agenda_support", args=[people.group.slug, topic.pk]),
                       follow=True).content.decode()

    assert ("Your organisation Kilulu Orange Growers supports this already, by Athumani "
            "Kaniki.") in html
    assert [(s.organisation.name, s.person.name) for s in Support.objects.all()] == [
        ("Kilulu Orange Growers", "Athumani Kaniki")]
    client.force_login(people.learner)  # Halima belongs to no organisation: her own vote
    client.post(reverse("mentoring:agenda_support", args=[people.group.slug, topic.pk]))
    assert "supported by 2 organisations" in client.get(agenda_url(people)).content.decode()


def test_a_mentor_moves_a_topic_and_the_history_keeps_who_when_and_why(client, people):
    topic = proposed(people)
    client.force_login(people.mentor)
    response = client.post(reverse("mentoring:agenda_state", args=[people.group.slug, topic.pk]),
                           {"state": "parked", "note": "After the harvest."}, follow=True)
    html = response.content.decode()

    assert "from proposed to parked, Joseph Mshana" in html and "After the harvest." in html
    assert list(TopicChange.objects.values_list("from_state", "to_state")) == [
        ("", "proposed"), ("proposed", "parked")]
    again = client.post(reverse("mentoring:agenda_state", args=[people.group.slug, topic.pk]),
                        {"state": "parked"}, follow=True)
    assert "The topic is parked already." in again.content.decode()


def test_a_parked_topic_takes_no_support(client, people):
    topic = proposed(people)
    actions.change_state(topic, "parked", people.mentor.person)
    client.force_login(people.athumani)
    html = client.post(reverse("mentoring:agenda_support", args=[people.group.slug, topic.pk]),
                       follow=True).content.decode()
    assert "This topic is parked: it takes no more support." in html
    assert not Support.objects.exists()


@pytest.mark.parametrize("who", ["guest", "outsider"])
def test_outside_the_group_the_agenda_does_not_exist(client, people, who):
    topic = proposed(people)
    if who == "outsider":
        client.force_login(people.outsider)
    for url in [agenda_url(people), topic.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == (302 if who == "guest" else 404)
    vote = client.post(reverse("mentoring:agenda_support", args=[people.group.slug, topic.pk]))
    assert vote.status_code == (302 if who == "guest" else 404)
    assert not Support.objects.exists(), "a non-member's vote counts nowhere"


def test_an_observer_reads_the_agenda_but_is_told_only_learners_vote(client, people):
    topic = proposed(people)
    client.force_login(people.observer)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "Support this topic" not in page and "Change the state" not in page
    html = client.post(reverse("mentoring:agenda_support", args=[people.group.slug, topic.pk]),
                       follow=True).content.decode()
    assert "Only the learners and mentors of Muheza orange growers support its topics." in html
    assert not Support.objects.exists()


def test_only_mentors_change_states_or_record_workshops(client, people):
    topic = proposed(people)
    client.force_login(people.learner)
    assert client.post(reverse("mentoring:agenda_state", args=[people.group.slug, topic.pk]),
                       {"state": "dropped"}).status_code == 404
    assert client.get(reverse("mentoring:agenda_workshop",
                              args=[people.group.slug])).status_code == 404
    topic.refresh_from_db()
    assert topic.state == "proposed"


def test_a_mentor_records_a_workshops_common_agenda_in_one_form(client, people):
    spies = proposed(people, "Market spies and price boards")
    client.force_login(people.mentor)
    form = client.get(reverse("mentoring:agenda_workshop", args=[people.group.slug]))
    assert "Mwanaisha Shabani" in form.content.decode(), "the group's people to tick"
    response = client.post(reverse("mentoring:agenda_workshop", args=[people.group.slug]), {
        "date": "2026-11-20", "place": "Muheza, FTC hall", "participants": [
            people.chair.person.pk, people.learner.person.pk],
        "others": "Two buyers' agents from Tanga", "topics": [spies.pk],
        "new_topics": "Warehouse receipts for oranges\n\nSelling to one big buyer"}, follow=True)
    html = response.content.decode()

    assert "Muheza, FTC hall" in html
    assert set(Topic.objects.values_list("title", "state")) == {
        ("Market spies and price boards", "active"), ("Warehouse receipts for oranges", "active"),
        ("Selling to one big buyer", "active")}
    page = client.get(spies.get_absolute_url()).content.decode()
    assert "from proposed to active, Joseph Mshana" in page
    assert "Chosen at the workshop in Muheza, FTC hall on 20 Nov" in page


def test_a_workshop_without_a_topic_is_refused_and_nothing_is_recorded(client, people):
    client.force_login(people.mentor)
    response = client.post(reverse("mentoring:agenda_workshop", args=[people.group.slug]), {
        "date": "2026-11-20", "place": "Muheza", "new_topics": "  \n"})
    assert response.status_code == 400
    assert "Name at least one topic the workshop chose." in response.content.decode()
    assert not people.group.workshops.exists()


def test_the_agenda_page_makes_a_bounded_number_of_queries(client, people,
                                                           django_assert_max_num_queries):
    for number in range(40):
        topic = proposed(people, f"Topic {number}")
        actions.support(topic, people.athumani.person)
    client.force_login(people.learner)
    with django_assert_max_num_queries(14):
        html = client.get(agenda_url(people)).content.decode()
    assert "Page 1 of 2" in html


def test_the_topic_page_makes_a_bounded_number_of_queries(client, people,
                                                          django_assert_max_num_queries):
    topic = proposed(people)
    for _n in range(20):
        actions.change_state(topic, "active", people.mentor.person)
        actions.change_state(topic, "proposed", people.mentor.person)
    client.force_login(people.mentor)
    with django_assert_max_num_queries(30):
        assert client.get(topic.get_absolute_url()).status_code == 200


def test_a_voter_of_two_organisations_counts_for_the_one_not_counted_yet(people, network):
    topic = proposed(people)
    actions.support(topic, people.chair.person)  # Kilulu's growers
    people.athumani.person.affiliations.create(organisation=network["union"], role="member")
    actions.support(topic, people.athumani.person)
    assert sorted(s.organisation.name for s in topic.supports.all()) == [
        "Kilulu Orange Growers", "Muheza Fruit Growers Association"]
    with pytest.raises(actions.Refused, match="You support this topic already"):
        actions.support(topic, people.athumani.person)
