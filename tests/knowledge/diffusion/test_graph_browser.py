"""A real Chromium, JavaScript off, 360 px wide: the graph and the timeline as a phone shows."""

from __future__ import annotations

import pytest

from learnlink.knowledge.diffusion import graph_svg, timeline_html
from tests.knowledge.diffusion.stories import BROKERING, WAREHOUSE_RECEIPTS

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">
<body style="margin:8px;font-family:sans-serif"><h1>{title}</h1>{svg}<h2>Timeline</h2>{timeline}
</body></html>"""


@pytest.mark.parametrize("story", [WAREHOUSE_RECEIPTS, BROKERING], ids=["receipts", "brokering"])
def test_the_graph_fits_a_small_phone_with_readable_text(phone, output_dir, story):
    phone.set_content(PAGE.format(title=story.practice_title, svg=graph_svg(story),
                                  timeline=timeline_html(story)))
    phone.screenshot(path=output_dir / "diffusion-graph-360px.png", full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth <= 360"), "no sideways scroll"
    box = phone.locator("svg").bounding_box()
    assert box["width"] <= 344 and box["height"] > 150
    names = phone.locator("svg text[font-weight=bold]")
    assert names.count() == 1 + len(story.adoptions)
    heights = [names.nth(number).bounding_box()["height"] for number in range(names.count())]
    assert min(heights) >= 10, "names stay at a readable size once the SVG is scaled down"
    for number in range(names.count()):
        name = names.nth(number).bounding_box()
        assert name["x"] + name["width"] <= box["x"] + box["width"], "each name fits its box"
    assert phone.get_by_role("img").count() == 1
