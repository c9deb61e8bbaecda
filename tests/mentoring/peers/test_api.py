"""GET /api/peers: the interface's shape, Bearer tokens as for the rest of the API."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_answer_has_the_interfaces_shape(client, peers):
    body = client.get("/api/peers", {"q": "Who has done warehouse receipts?"}).json()

    assert set(body) == {"items", "words", "notice"}
    assert body["words"] == "warehouse receipts" and body["notice"] == ""
    by_name = {item["name"]: item for item in body["items"]}
    mbonzo = by_name["Mbonzo Cooperative"]
    assert set(mbonzo) == {"kind", "id", "name", "place", "score", "evidence"}
    assert (mbonzo["kind"], mbonzo["id"]) == ("organisation", peers.mbonzo.pk)
    assert mbonzo["place"] == {"district": "Mbeya", "region": "Mbeya", "country": "Tanzania"}
    assert by_name["Jackson Mwasomola"]["kind"] == "person"
    assert by_name["Jackson Mwasomola"]["id"] == peers.jackson.pk
    for item in body["items"]:
        assert item["evidence"] and all(set(e) == {"url", "snippet"} for e in item["evidence"])
        assert all(e["url"].startswith("http") for e in item["evidence"])
    scores = [item["score"] for item in body["items"]]
    assert scores == sorted(scores, reverse=True) and scores[-1] > 0


def test_limit_caps_the_items(client, peers):
    body = client.get("/api/peers", {"q": "warehouse receipts", "limit": 2}).json()
    assert len(body["items"]) == 2


def test_a_wrong_token_is_refused_not_treated_as_anonymous(client, peers):
    response = client.get("/api/peers", {"q": "receipts"}, HTTP_AUTHORIZATION="Bearer nonsense")
    assert response.status_code == 401
