"""Filters: only peers in a country, or working in an enterprise (a person through their
organisations); the same on the web and through the API."""

import pytest
from django.urls import reverse

from learnlink.exchange.models import Group
from learnlink.mentoring.peers.finder import find_peers

pytestmark = pytest.mark.django_db
QUESTION = "Who has done warehouse receipts?"


def names(**filters) -> list[str]:
    everyone = set(Group.objects.values_list("pk", flat=True))
    return [peer.name for peer in find_peers(QUESTION, everyone, **filters).peers]


def test_a_country_keeps_the_peers_in_it(peers):
    assert {"Mbonzo Cooperative", "Jackson Mwasomola"} <= set(names())
    assert set(names(country=peers.kenya)) == {"Limuru Farmers Service Centre", "Wanjiru Kamau"}
    assert "Wanjiru Kamau" not in names(country=peers.tanzania)


def test_an_enterprise_keeps_the_organisations_in_it_and_their_people(peers):
    kept = names(enterprise=peers.receipts)
    assert set(kept) == {"Mbonzo Cooperative", "Jackson Mwasomola"}


def test_the_page_and_the_api_filter_by_name_or_by_the_menus_values(client, peers):
    page = client.get(reverse("mentoring:peers"), {"q": QUESTION, "country": peers.kenya.pk})
    html = page.content.decode()
    assert "Wanjiru Kamau" in html and "Jackson Mwasomola" not in html

    api = client.get("/api/peers", {"q": QUESTION, "country": "kenya"}).json()
    assert {item["name"] for item in api["items"]} == {"Limuru Farmers Service Centre",
                                                       "Wanjiru Kamau"}
    api = client.get("/api/peers", {"q": QUESTION, "enterprise": "stakabadhi za ghala"}).json()
    assert {item["name"] for item in api["items"]} == {"Mbonzo Cooperative",
                                                       "Jackson Mwasomola"}


def test_an_unknown_country_is_a_clear_error_in_the_api_and_on_the_page(client, peers):
    response = client.get("/api/peers", {"q": QUESTION, "country": "Atlantis"})
    assert response.status_code == 400 and "country" in response.json()["detail"]
    page = client.get(reverse("mentoring:peers"), {"q": QUESTION, "country": "Atlantis"})
    assert page.status_code == 200 and "errorlist" in page.content.decode()
