"""Who may introduce, and what an introduction may link: a guest is asked to sign in, a
signed-in outsider finds nothing, a learner introduces only their own organisation, and
nobody mails a side a page of a private group they cannot read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learnlink.exchange.membership import add_member, create_group
from learnlink.lib.links import absolute
from learnlink.mentoring.models import Introduction
from learnlink.people.models import Affiliation
from tests.mentoring.introductions.conftest import CONTEXT, introduced, post

NEW = "/mentoring/introductions/new/"


def pages(introduction: Introduction) -> list[str]:
    return [NEW, reverse("mentoring:introductions"), introduction.get_absolute_url()]


def test_a_guest_is_asked_to_sign_in_everywhere(client, sides):
    introduction = introduced(sides)
    for url in pages(introduction):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    remind = client.post(reverse("mentoring:introduction_remind", args=[introduction.pk]))
    assert remind.status_code == 302 and "/accounts/login/" in remind["Location"]


def test_an_outsider_finds_nothing(client, sides, outsider):
    client.force_login(outsider)
    assert [client.get(url).status_code for url in pages(introduced(sides))] == [404] * 3


def test_a_learner_asks_for_their_own_organisation_but_lists_and_reads_no_others(
        client, sides):
    client.force_login(sides.learner)
    assert client.get(NEW).status_code == 200
    assert client.get(reverse("mentoring:introductions")).status_code == 404
    others = introduced(sides)
    Introduction.objects.filter(pk=others.pk).update(peer_organisation=sides.rice)
    assert client.get(others.get_absolute_url()).status_code == 404


def form(sides, **changes) -> dict:
    return {"peer": sides.seeker.pk, "seeker": Affiliation.objects.get(
        person=sides.learner.person).pk, "context": CONTEXT,
        "evidence": absolute(sides.message.get_absolute_url()), **changes}


def test_a_learner_cannot_introduce_two_other_organisations(client, sides):
    """Halima (Kilulu's growers) may ask to meet Babati's rice farmers; she may not put
    Babati in touch with anyone in her place: the side that learns is her organisation."""
    client.force_login(sides.learner)
    response = client.post(f"{NEW}?find=Babati&find=Kilulu",
                           form(sides, peer=sides.peer.pk, seeker=sides.seeker.pk))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Introduction.objects.exists()


def test_a_learner_introduces_their_organisation_from_the_web(client, sides):
    client.force_login(sides.learner)
    response = client.post(f"{NEW}?find=Babati", form(sides))
    introduction = Introduction.objects.get()
    assert response["Location"] == introduction.get_absolute_url()
    assert introduction.seeker == sides.learner.person
    assert introduction.group == sides.group, "the evidence's group follows it up"


@pytest.fixture
def private_message(sides):
    """A message of the private mentors' room, which Joseph Bura cannot read."""
    room = create_group("mentors-room", "Mentors' room", private=True)
    add_member(room, "joseph.mshana@example.org", role="mentor")
    return post(room.address, "Who pays the spies", "The association pays airtime.\n",
                sender="joseph.mshana@example.org")


def test_a_private_groups_page_is_not_mailed_to_a_side_who_cannot_read_it(
        client, sides, private_message):
    client.force_login(sides.mentor)
    response = client.post(f"{NEW}?find=Babati&find=Kilulu", {
        "peer": sides.peer.pk, "seeker": sides.seeker.pk, "context": CONTEXT,
        "evidence": absolute(private_message.get_absolute_url())})
    assert response.status_code == 400
    assert "Joseph Bura cannot read Mentors&#x27; room" in response.content.decode()
    assert not Introduction.objects.exists()


@pytest.mark.parametrize("evidence", [
    "https://example.com/groups/muheza-oranges/",  # another site
    "/groups/no-such-group/threads/1/",  # nothing there
    "/accounts/login/",  # a page whose readers Learnlink cannot tell
    "private",  # the private message, which the learner cannot read either
])
def test_a_link_that_cannot_be_mailed_is_refused_saying_nothing_of_what_it_holds(
        client, sides, private_message, evidence):
    client.force_login(sides.learner)
    link = absolute(private_message.get_absolute_url()) if evidence == "private" else evidence
    response = client.post(f"{NEW}?find=Babati", form(sides, evidence=link))
    html = response.content.decode()
    assert response.status_code == 400
    assert "This is not a page of Learnlink that can be linked" in html
    assert "Mentors" not in html.split("<main")[1]
    assert not Introduction.objects.exists()


def test_two_organisations_waiting_for_an_answer_are_not_introduced_again(client, sides):
    first = introduced(sides)
    client.force_login(sides.mentor)
    response = client.post(f"{NEW}?find=Babati&find=Kilulu", {
        "peer": sides.peer.pk, "seeker": sides.seeker.pk, "context": CONTEXT,
        "evidence": absolute(sides.message.get_absolute_url())})
    html = response.content.decode()
    assert response.status_code == 400 and "neither has answered yet" in html
    assert f'href="{first.get_absolute_url()}"' in html
    assert Introduction.objects.count() == 1


def test_a_thread_the_learner_cannot_read_is_not_found(client, sides, private_message):
    client.force_login(sides.learner)
    assert client.get(f"{NEW}?thread={private_message.thread_id}").status_code == 404


@pytest.mark.parametrize(("persona", "offered"), [
    (None, False), ("outsider", False), ("learner", True), ("mentor", True)])
def test_the_thread_page_offers_an_introduction_to_those_who_may(
        client, sides, persona, offered, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    html = client.get(sides.thread.get_absolute_url()).content.decode()
    link = f'href="{NEW}?thread={sides.thread.pk}">Introduce someone from this thread</a>'
    assert (link in html) == offered
