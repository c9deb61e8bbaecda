"""A real Chromium, 360 px wide with JavaScript off, draws the map whole: every dot shows on
the screen without scrolling, and the page does not scroll sideways. Screenshots are left in
test-output/ for a person to look at."""

import pytest

from learnlink.knowledge.maps import Dot, map_svg
from learnlink.knowledge.maps.districts import districts

pytestmark = pytest.mark.browser

PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>{title}</title></head><body style="margin:0.5rem">{map}</body></html>')


@pytest.mark.parametrize("story", ["warehouse_receipts", "brokering", "umbrella_associations"])
def test_the_map_shows_every_dot_on_a_360px_phone(story, request, phone, output_dir) -> None:
    dots = request.getfixturevalue(story)
    phone.set_content(PAGE.format(title=story, map=map_svg(dots, story.replace("_", " "))))
    phone.screenshot(path=output_dir / f"map-{story}-360px.png", full_page=True)
    viewport = phone.viewport_size
    drawn = phone.locator("svg.map").bounding_box()
    assert drawn["width"] <= viewport["width"]
    for index, dot in enumerate(dots):
        shape = phone.locator("g.dot").nth(index).locator("circle, path").first.bounding_box()
        assert shape is not None, dot.label
        assert shape["width"] >= 8, dot.label  # big enough to see on a phone
        assert shape["x"] >= 0 and shape["x"] + shape["width"] <= viewport["width"], dot.label
        assert shape["y"] >= 0 and shape["y"] + shape["height"] <= viewport["height"], dot.label
        name = phone.locator("g.dot").nth(index).locator("text").bounding_box()
        assert drawn["x"] <= name["x"] and name["x"] + name["width"] <= drawn["x"] + drawn[
            "width"], dot.label  # the name is on the map, not cut off at its edge
    assert phone.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_every_demo_district_shows_on_the_network_map(phone, output_dir) -> None:
    """The whole network at once, one dot per district: the densest map the demo draws."""
    dots = [Dot(d.place.rsplit(" / ", 1)[1], d.latitude, d.longitude) for d in districts()]
    phone.set_content(PAGE.format(title="network", map=map_svg(dots, "The network")))
    phone.screenshot(path=output_dir / "map-network-360px.png", full_page=True)
    viewport = phone.viewport_size
    shapes = phone.locator("g.dot circle")
    assert shapes.count() == len(dots)
    for index in range(len(dots)):
        shape = shapes.nth(index).bounding_box()
        assert shape["x"] >= 0 and shape["x"] + shape["width"] <= viewport["width"]
        assert shape["y"] >= 0 and shape["y"] + shape["height"] <= viewport["height"]
