"""Walk every page reachable from the home page as each persona: nothing breaks, nothing leaks."""

import re
from urllib.parse import urldefrag, urlsplit

import pytest

PERSONAS = [None, "outsider", "learner", "mentor", "staff"]
SKIP = ("/admin/", "/static/", "/i18n/", "/accounts/logout/")
LIMIT = 200


def crawl(client, start: str = "/") -> dict[str, int]:
    """Every same-site page linked from `start`, with its status code."""
    seen: dict[str, int] = {}
    queue = [start]
    while queue and len(seen) < LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for href in re.findall(r'href="([^"]+)"', response.content.decode()):
            target = urldefrag(href.replace("&amp;", "&"))[0]
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not target.startswith("/"):
                continue
            if not target.startswith(SKIP) and target not in seen:
                queue.append(target)
    return seen


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_linked_page_answers_without_error(client, network, persona, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    statuses = crawl(client)
    assert len(statuses) >= 8, statuses
    broken = {url: code for url, code in statuses.items() if code >= 400}
    assert broken == {}


@pytest.mark.parametrize("persona", [None, "outsider"])
def test_no_page_shows_an_address_to_the_public_or_an_outsider(client, network, persona,
                                                                 request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    for url in crawl(client):
        page = client.get(url).content.decode()
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", page), url
