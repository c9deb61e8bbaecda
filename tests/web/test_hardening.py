"""What a production machine relies on: a Content-Security-Policy that the pages (and the
admin, with its scripts on) live with in a real browser; `learnlink check --deploy` passing
with the settings docs/deploying.md gives; an EMAIL_URL we cannot send with refused at start;
and pages that work with DEBUG off before the static files are collected."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = ROOT / "docs" / "deploying.md"


def operator_environment(**env: str) -> dict[str, str]:
    """This process's environment with `env` added, less what the test tools set (Playwright
    allows async-unsafe calls, which the deploy check rightly refuses)."""
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**inherited, **env}


def learnlink(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The command as an operator runs it, in a process of its own."""
    return subprocess.run([sys.executable, "-m", "learnlink.cli", *args], capture_output=True,
                          text=True, env=operator_environment(**env), timeout=120, check=False)


def documented_environment() -> dict[str, str]:
    """The EnvironmentFile that docs/deploying.md gives for a production machine."""
    block = DOCS.read_text().split("# /etc/learnlink/environment", 1)[1].split("```", 1)[0]
    return dict(line.split("=", 1) for line in block.splitlines() if "=" in line)


def test_the_deploy_check_passes_with_the_documented_production_settings() -> None:
    environment = documented_environment()
    assert environment["SECURE_SSL_REDIRECT"] == "1" and "SECURE_HSTS_SECONDS" in environment
    # The test's own variable directory: its static files are collected, as the docs say.
    checked = learnlink("check", "--deploy", "--fail-level", "WARNING", **environment,
                        LEARNLINK_VAR_DIR=str(settings.VAR_DIR))
    assert checked.returncode == 0, checked.stderr
    assert "no issues" in checked.stdout


@pytest.mark.parametrize("url", ["consolemail://", "smtp://", "imap://mail.example.org"])
def test_an_email_url_we_cannot_send_with_stops_start_up_saying_what_to_give(url: str) -> None:
    started = learnlink("check", EMAIL_URL=url)
    assert started.returncode == 1
    assert "cannot send mail: give an SMTP relay (smtp://host:25" in started.stderr
    assert "TypeError" not in started.stderr


def test_an_https_setting_without_an_https_address_is_refused() -> None:
    started = learnlink("check", SECURE_SSL_REDIRECT="1",
                        LEARNLINK_BASE_URL="http://learn.example.org")
    assert started.returncode == 1
    assert "need LEARNLINK_BASE_URL to start with https://" in started.stderr


PAGES = """
import django, os
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
client = Client(HTTP_HOST="localhost")
for url in ("/", "/groups/", "/accounts/login/", "/static/web/learnlink.css"):
    response = client.get(url)
    print(url, response.status_code, response.get("Content-Type"))
"""


def test_pages_work_with_debug_off_before_the_static_files_are_collected(tmp_path: Path):
    env = operator_environment(LEARNLINK_VAR_DIR=str(tmp_path), DEBUG="0",
                               DJANGO_SETTINGS_MODULE="learnlink.settings")
    env.pop("DATABASE_URL", None)  # a fresh SQLite database in the fresh directory
    ran = subprocess.run([sys.executable, "-c", PAGES], capture_output=True, text=True,
                         env=env, timeout=300, check=False)
    assert ran.stdout.splitlines() == [
        "/ 200 text/html; charset=utf-8", "/groups/ 200 text/html; charset=utf-8",
        "/accounts/login/ 200 text/html; charset=utf-8",
        '/static/web/learnlink.css 200 text/css; charset="utf-8"'], ran.stderr[-2000:]
    told = subprocess.run([sys.executable, "-m", "learnlink.cli", "check"], capture_output=True,
                          text=True, env=env, timeout=120, check=False)
    assert "HINT: Run `learnlink collectstatic --noinput`" in told.stderr


@pytest.fixture
def browser_page(chromium: Any, settings: Any) -> Any:
    """JavaScript on, as the admin needs it; every console message kept."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    context = chromium.new_context()
    page = context.new_page()
    page.console = []
    page.on("console", lambda message: page.console.append(message.text))
    yield page
    context.close()


def test_the_pages_and_the_admin_live_with_their_policy_in_a_real_browser(
        live_server, browser_page, oranges, staff) -> None:
    staff.is_superuser = True
    staff.save(update_fields=["is_superuser"])
    page = browser_page
    page.goto(live_server.url + "/groups/muheza-oranges/")
    styled = page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")
    assert styled != "none", "the stylesheet applies"
    page.goto(live_server.url + "/admin/login/?next=/admin/exchange/group/")
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Muheza orange growers").click()
    assert page.locator("#content h1").inner_text() == "Change group"
    refused = [text for text in page.console if re.search(r"Content.Security.Policy", text)]
    assert refused == []


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/api/practices?lang=%00", "/search/?q=oranges%00",
                                     "/api/groups?%00=1", "/groups/%00/"])
def test_a_nul_character_in_an_address_is_refused_not_a_server_error(client, address):
    """PostgreSQL cannot compare text holding NUL: such a filter was a 500 there."""
    response = client.get(address)
    assert response.status_code == 400
    assert b"NUL characters are not allowed" in response.content


@pytest.mark.django_db
def test_the_refusal_of_a_nul_character_is_in_the_readers_language(client):
    response = client.get("/search/?q=%00", HTTP_ACCEPT_LANGUAGE="fr")
    assert "Les caractères NUL ne sont pas autorisés" in response.content.decode()
