"""Questions the finder cannot answer get an answer that says why, never an error: empty, only
question words, nothing found, very long, hostile."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LONG = "Who has done warehouse receipts " + " ".join(f"crop{n}" for n in range(20_000))


@pytest.mark.parametrize(("question", "says"), [
    ("", "Ask who has done something"),
    ("   ", "Ask who has done something"),
    ("who has done it?", "only question words"),
    ("nani amefanya?", "only question words"),
    ("qui a fait ça ?", "only question words"),
    ("who has grown vanilla on the moon?", "Nobody was found for “grown vanilla moon”"),
    (LONG, "Your question was long"),
    ('"unbalanced * OR NEAR( -x ^y :z', "Nobody was found"),
    # A NUL is refused before any view (web.middleware, tested in test_hardening).
    ("\x01\x02 <script>alert(1)</script>", "Nobody was found"),
])
def test_the_page_and_the_api_say_why_there_is_no_answer(client, peers, question, says):
    page = client.get(reverse("mentoring:peers"), {"q": question})
    assert page.status_code == 200
    assert says in page.content.decode().replace("&quot;", '"')
    assert "<script>alert" not in page.content.decode()

    api = client.get("/api/peers", {"q": question})
    assert api.status_code == 200 and says in api.json()["notice"]


def test_a_long_question_still_finds_from_its_first_words(client, peers):
    body = client.get("/api/peers", {"q": LONG}).json()
    assert body["items"] and body["words"].startswith("warehouse receipts")


def test_the_page_without_a_question_shows_the_form_only(client, peers):
    html = client.get(reverse("mentoring:peers")).content.decode()
    assert 'name="q"' in html and "Nobody was found" not in html and "<ol>" not in html
