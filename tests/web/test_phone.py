"""Every page fits a phone: a real Chromium 360 px wide, JavaScript off, visits every page
shape the crawler finds, as each persona, and no page scrolls sideways."""

from typing import Any

import pytest
from django.test import Client

from tests.crawling import same_site_page, shape, walk
from tests.web.site import PERSONAS, load_site

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
# One page of each shape (pages that differ by an id or a slug are drawn by one template):
# about 150 page loads for the six personas, about a minute on this machine.
SAMPLES = 1


def test_no_page_scrolls_sideways_on_a_360px_phone(live_server, chromium, settings,
                                                   output_dir):
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    users = load_site()
    too_wide: dict[str, int] = {}
    for persona in PERSONAS:
        client = Client()
        if users[persona]:
            client.force_login(users[persona])
        context = chromium.new_context(java_script_enabled=False, viewport=PHONE)
        context.add_cookies([{"name": name, "value": morsel.value, "url": live_server.url}
                             for name, morsel in client.cookies.items()])
        phone = context.new_page()
        walk(lambda url, client=client, phone=phone, persona=persona: _visit(
            client, phone, live_server.url, url, too_wide, f"{persona or 'visitor'}",
            output_dir), "/", same_site_page, samples=SAMPLES)
        context.close()
    assert too_wide == {}


def _visit(client: Client, phone: Any, base: str, url: str, too_wide: dict[str, int],
           persona: str, output_dir: Any) -> str | None:
    """Open a page in the phone and measure it; the test client says first whether it is a
    page at all (a spreadsheet or a calendar file would start a download)."""
    if "text/html" not in client.get(url).get("Content-Type", ""):
        return None
    phone.goto(base + url)
    width = phone.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        too_wide[f"{persona} {url}"] = width
        name = shape(url).strip("/?").replace("/", "_").replace("<", "").replace(">", "")
        phone.screenshot(path=output_dir / f"{persona}-{name or 'home'}.png", full_page=True)
    html: str = phone.content()
    return html
