"""A mentor on a phone, JavaScript off, introduces two organisations from a thread: the
thread's link, a search for the other side, the form, and the introduction's page."""

import pytest

from tests.conftest import sign_in_on
from tests.mentoring.introductions.conftest import CONTEXT, JOSEPH

pytestmark = pytest.mark.browser


def test_a_mentor_introduces_two_organisations_from_a_thread(live_server, sides, phone,
                                                              output_dir):
    sign_in_on(phone, live_server.url, JOSEPH)
    phone.goto(live_server.url + sides.thread.get_absolute_url())
    phone.get_by_role("link", name="Introduce someone from this thread").click()

    phone.get_by_label("Find an organisation in the directory").fill("Babati")
    phone.get_by_role("button", name="Find").click()
    phone.get_by_label("Who did it").select_option(label="Mwanaisha Shabani (chairperson)")
    phone.get_by_label("Who wants to learn it").select_option(label="Joseph Bura (chairperson)")
    phone.get_by_label("Why they should talk").fill(CONTEXT)
    assert phone.get_by_label("What shows it").input_value().endswith(
        sides.thread.get_absolute_url()), "the thread is the evidence unless another is given"
    phone.get_by_role("button", name="Send the introduction").click()

    assert phone.locator("h1").inner_text() == (
        "Babati Rice Farmers Association – Kilulu Orange Growers")
    assert "The introduction is on its way to Joseph Bura and Mwanaisha Shabani." in \
        phone.content()
    assert "Joseph Mshana introduces you to each other" in phone.locator("pre.mail").inner_text()
    phone.screenshot(path=output_dir / "introduction-360px.png", full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth <= 360"), "fits a phone"
