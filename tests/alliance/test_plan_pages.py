"""Walk every page linked from the demo alliance's dashboard as a guest, an implementer and a
coordinator: nothing breaks, the public sees no address and no plan, insiders see plans."""

import re

import pytest
from django.test import Client

from learnlink.alliance.models import Alliance
from tests.alliance.conftest import sign_in
from tests.crawling import crawl as crawl_pages

pytestmark = pytest.mark.django_db

PREFIXES = ("/alliances/ciat-crs-east-africa/", "/alliances/guides/")


def crawl(client: Client, start: str) -> dict[str, int]:
    """Every page of the alliance (and the guides) linked from `start`, with its status."""
    pages = crawl_pages(client, start, lambda target: target.startswith(PREFIXES))
    return {url: response.status_code for url, response in pages.items()}


def test_every_page_of_the_demo_alliance_answers_for_each_persona(demo: Alliance) -> None:
    start = "/alliances/ciat-crs-east-africa/"
    guest = crawl(Client(), start)
    assert {url: code for url, code in guest.items() if code >= 400} == {}
    assert "/alliances/ciat-crs-east-africa/cycles/1/" in guest
    assert not any("/plans/" in url or "/tasks/" in url or "calendar/" in url
                   for url in guest)
    for url in guest:
        page = Client().get(url)
        if "text/html" in page["Content-Type"]:
            assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", page.content.decode()), url
    for address in ("peter.kilonzo@example.org", "annet.kyomuhendo@example.org"):
        seen = crawl(sign_in(address), start)
        assert {url: code for url, code in seen.items() if code >= 400} == {}
        assert any("/plans/" in url for url in seen)
        assert any(url.endswith("/accountability/") for url in seen)
