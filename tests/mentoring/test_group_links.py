"""A group's page leads its members to the group's learning agenda, contracts and contract
monitor: each link shown to whom that page lets in, so nobody is sent to a refusal."""

from django.test import Client
from django.urls import reverse

from learnlink.exchange.membership import add_member
from tests.conftest import make_member


def links(client: Client, group) -> set[str]:
    page = client.get(reverse("exchange:group", args=[group.slug])).content.decode()
    return {name for name in ("agenda", "contracts", "monitor")
            if f'href="{reverse(f"mentoring:{name}", args=[group.slug])}"' in page}


def test_a_learner_finds_the_agenda_the_contracts_and_the_monitor_on_the_group_page(
        client, oranges, learner):
    client.force_login(learner)
    assert links(client, oranges) == {"agenda", "contracts", "monitor"}
    for name in ("agenda", "contracts", "monitor"):
        assert client.get(reverse(f"mentoring:{name}", args=[oranges.slug])).status_code == 200


def test_an_observer_reads_the_agenda_and_contracts_but_not_who_keeps_them(client, oranges):
    donor = make_member(None, "Ruth Kamau", "ruth.kamau@agrifund.example.org")
    add_member(oranges, "ruth.kamau@agrifund.example.org", role="observer")
    client.force_login(donor)
    assert links(client, oranges) == {"agenda", "contracts"}


def test_a_visitor_and_a_stranger_see_none_of_them(client, oranges):
    assert links(client, oranges) == set()
    client.force_login(make_member(None, "Someone Else", "someone@example.com"))
    assert links(client, oranges) == set()
