"""A mentor on a phone, JavaScript off, in a real Chromium: the library suggests a resource
under a discussion and one click attaches it."""

import pytest

from tests.conftest import sign_in_on

pytestmark = pytest.mark.browser


def test_a_mentor_attaches_the_suggested_resource_in_one_click(
        live_server, library, receipts_thread, mentor, phone, output_dir):

    sign_in_on(phone, live_server.url, "joseph.mshana@example.org")
    phone.goto(live_server.url + receipts_thread.get_absolute_url())
    block = phone.locator("#resources")
    guide = library["receipts"].title
    assert block.get_by_role("link", name=guide).is_visible()
    phone.screenshot(path=output_dir / "suggested-360px.png", full_page=True)

    block.get_by_role("button", name="Attach").first.click()
    assert phone.url.endswith(receipts_thread.get_absolute_url() + "#resources")
    assert not phone.locator("#resources h3").is_visible(), "nothing else to suggest"
    assert phone.locator("#resources").get_by_role("button", name="Detach").is_visible()
    fits = phone.evaluate("document.documentElement.scrollWidth <= 360")
    assert fits, "nothing wider than a small phone's screen"

    phone.get_by_role("link", name=guide).click()
    assert phone.locator("h1").inner_text() == guide
    assert phone.get_by_role("link", name=receipts_thread.subject).is_visible()
    phone.screenshot(path=output_dir / "resource-360px.png", full_page=True)
