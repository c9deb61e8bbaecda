"""A real Chromium, JavaScript off, at 360 px: a guest reads an interview and sees its photo,
decoded from what the server stored, fitted to a small phone's screen."""

from __future__ import annotations

import io

import pytest

from learnlink.knowledge import photos, story_actions
from learnlink.knowledge.models import Question, Story
from tests.knowledge.test_story_photos import camera_jpeg

pytestmark = pytest.mark.browser


def test_a_guest_reads_an_interview_with_its_photo_on_a_phone(
        live_server, network, phone, output_dir):
    photo = photos.process(io.BytesIO(camera_jpeg()), 0)
    interview = Story.objects.create(
        kind="interview", title="Daudi Tlatla, market spy in Babati", language="en",
        summary="Prices on village billboards.", byline="Elisante Massawe", photo=photo,
        photo_digest=photos.digest(photo), photo_alt="The village billboard with rice prices")
    Question.objects.create(story=interview, position=1, question="Where did it come from?",
                            answer="From Mufindi.")
    interview.organisations.set([network["spies"]])
    story_actions.publish(interview)

    phone.goto(live_server.url + "/stories/?kind=interview")
    phone.get_by_role("link", name=interview.title).click()
    image = phone.get_by_role("img", name="The village billboard with rice prices")

    assert image.evaluate("img => img.complete && img.naturalWidth > 0"), "the JPEG decodes"
    assert image.evaluate("img => img.getBoundingClientRect().width") <= 360
    assert phone.evaluate("document.documentElement.scrollWidth <= 360")
    assert phone.get_by_role("link", name="Babati Market Spies").is_visible()
    phone.screenshot(path=output_dir / "interview-360px.png", full_page=True)
