"""Every page fits the smallest phone and passes axe-core: a real Chromium 320 px wide,
JavaScript off, visits every page shape the crawler finds, as each persona; no page scrolls
sideways and axe-core finds no serious or critical violation.

How axe runs on pages seen without JavaScript: each page is opened in a context with JavaScript
off, as a phone without it shows it, and measured there. axe-core is itself JavaScript and waits
on timers, which never fire in such a context (Playwright's `evaluate` of a plain expression
works there, axe's promise never settles), so axe (the copy bundled in axe-playwright-python:
nothing is downloaded) runs on the same address, as the same person, in a second context of the
same width with JavaScript on. Our pages carry no script (checked on each page), so both contexts
hold the same document: what axe checks is what the phone without JavaScript shows.

One crawl does both checks: a second walk of every page would cost CI a minute for nothing.
Every persona's every page shape is measured; axe checks each shape once, as the first persona
to reach it, staff first (who sees the most buttons and forms), which keeps this test to a few
minutes. It runs in CI's PostgreSQL pass, as the issue asks of the accessibility test; what
it checks does not depend on the database, so the SQLite pass skips it."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from tests.crawling import same_site_page, shape, walk
from tests.web.site import PERSONAS, load_site

pytestmark = [pytest.mark.browser, pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs once, in CI's PostgreSQL pass")]

PHONE = {"width": 320, "height": 640}
# One page of each shape (pages that differ by an id or a slug are drawn by one template, and
# by the names of their query's parameters) for each of the six personas.
SAMPLES = 1
# What fails the test; "moderate" and "minor" findings (a region outside a landmark) do not.
SEVERE = {"serious", "critical"}


def test_every_page_fits_a_320px_phone_and_passes_axe(live_server: Any, chromium: Any,
                                                      settings: Any, output_dir: Path) -> None:
    from learnlink.knowledge.demo import load_demo as load_knowledge

    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    users = load_site()
    load_knowledge()  # the library's practices and stories: the whole demo, as `learnlink demo`
    found = Found({}, set(), output_dir)
    for persona in reversed(PERSONAS):
        _walk_as(users[persona], persona or "visitor", chromium, live_server.url, found)
    # About 450 pages measured and 120 shapes checked by axe, 3 to 4 minutes on this machine.
    assert found.measured > 300 and len(found.checked) > 100, (found.measured, found.checked)
    assert not found.problems, "\n".join(f"{where}: {what}"
                                         for where, what in found.problems.items())


@dataclass
class Found:
    """What is wrong where, the shapes axe has checked, and where screenshots go."""

    problems: dict[str, Any]
    checked: set[str]
    output_dir: Path
    measured: int = 0  # pages


def _walk_as(user: User | None, visitor: str, chromium: Any, base: str, found: Found) -> None:
    """Walk the site as `user`, in a phone and a checker of their own."""
    client = Client()
    if user is not None:
        client.force_login(user)
    cookies = [{"name": name, "value": morsel.value, "url": base}
               for name, morsel in client.cookies.items()]
    pages = (_page(chromium, cookies, scripts=False), _page(chromium, cookies, scripts=True))

    def fetch(url: str) -> str | None:
        return _visit(client, pages, base, url, found, f"{visitor} {url}")

    walk(fetch, "/", same_site_page, samples=SAMPLES)
    for page in pages:
        page.context.close()


def _page(chromium: Any, cookies: list[dict[str, str]], scripts: bool) -> Any:
    context = chromium.new_context(java_script_enabled=scripts, viewport=PHONE)
    context.add_cookies(cookies)
    if scripts:
        context.add_init_script(AXE_SCRIPT)
    return context.new_page()


def _visit(client: Client, pages: tuple[Any, Any], base: str, url: str, found: Found,
           where: str) -> str | None:
    """Open a page in the phone, measure it and have axe check it; the test client says first
    whether it is a page at all (a spreadsheet or a calendar file would start a download)."""
    if "text/html" not in client.get(url).get("Content-Type", ""):
        return None
    phone, checker = pages
    phone.goto(base + url)
    found.measured += 1
    width, scripts = phone.evaluate(
        "[document.documentElement.scrollWidth, document.scripts.length]")
    name = shape(url)
    if width > PHONE["width"] or scripts:
        found.problems[where] = f"{width} px wide, {scripts} scripts"
        file = name.strip("/?").replace("/", "_").replace("<", "").replace(">", "") or "home"
        phone.screenshot(path=found.output_dir / f"{where.split()[0]}-{file}.png",
                         full_page=True)
    if name not in found.checked:
        found.checked.add(name)
        checker.goto(base + url)
        for violation in checker.evaluate("axe.run({resultTypes: ['violations']})")["violations"]:
            if violation["impact"] in SEVERE:
                found.problems[f"{where}: {violation['id']}"] = [
                    node["html"][:300] for node in violation["nodes"][:3]]
    html: str = phone.content()
    return html
