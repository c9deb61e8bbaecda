"""A guest on a 360 px phone, JavaScript off, browses the whole demo network's public site in a
real Chromium: from the home page to the library, to a practice that travelled, and along its
journey on the timeline, the graph and the map. On every demo practice's map, each dot lies
inside the outline of the country its place is filed under. Screenshots go to test-output/."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from learnlink.knowledge.models import Practice, PracticeOrigin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each dot of the map with the country it says it is in, and whether its centre falls inside
# that country's outline and inside any other's (`isPointInFill` honours the outlines' holes).
DOTS_AND_OUTLINES = """() => {
  const outlines = [...document.querySelectorAll("svg.map path[data-country]")];
  return [...document.querySelectorAll("svg.map g.dot")].map(dot => {
    const box = dot.querySelector("circle, path").getBBox();
    const centre = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2);
    return {name: dot.querySelector("title").textContent, country: dot.dataset.country,
            inside: outlines.filter(o => o.isPointInFill(centre)).map(o => o.dataset.country)};
  });
}"""


@pytest.fixture
def demo() -> None:
    call_command("demo", stdout=StringIO())


def test_a_guest_follows_warehouse_receipts_from_the_home_page_to_soroti(
        live_server, demo, phone, output_dir) -> None:
    receipts = Practice.objects.get(title="Warehouse receipts")
    origin = receipts.origin.organisation.name
    adopters = [a.organisation.name for a in receipts.adoptions.order_by("date")]
    assert any("Soroti" in (a.place.name if a.place else "") for a in receipts.adoptions.all())

    phone.goto(live_server.url)
    phone.screenshot(path=output_dir / "home-360px.png", full_page=True)
    phone.get_by_role("link", name="Practices", exact=True).click()
    phone.get_by_role("link", name="Warehouse receipts", exact=True).click()
    assert phone.url == live_server.url + receipts.get_absolute_url()
    phone.screenshot(path=output_dir / "warehouse-receipts-360px.png", full_page=True)

    timeline = phone.locator(".diffusion-timeline").inner_text()
    assert all(timeline.index(origin) < timeline.index(name) for name in adopters)
    graph, drawn = phone.locator("svg[role=img]:not(.map)"), phone.locator("svg.map")
    for name in [origin, *adopters]:
        assert name in graph.text_content(), name
        assert name in drawn.text_content(), name
    assert origin in drawn.locator("g.dot.origin title").text_content()
    viewport = phone.viewport_size["width"]
    for svg, picture in ((drawn, "map"), (graph, "graph")):
        svg.scroll_into_view_if_needed()
        svg.screenshot(path=output_dir / f"warehouse-receipts-{picture}-360px.png")
        box = svg.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport, picture
    assert phone.evaluate("document.documentElement.scrollWidth") <= viewport, "no sideways scroll"


def test_each_dot_lies_inside_its_countrys_outline_on_every_demo_map(
        live_server, demo, phone, output_dir) -> None:
    travelled = Practice.objects.filter(
        pk__in=PracticeOrigin.objects.values("practice_id"), state="published").order_by("pk")
    assert travelled.count() >= 6, "the briefing notes' stories"
    for practice in travelled:
        phone.goto(live_server.url + practice.get_absolute_url())
        phone.locator("svg.map").screenshot(path=output_dir / f"map-{practice.pk}.png")
        dots = phone.evaluate(DOTS_AND_OUTLINES)
        places = {practice.origin.place_id, *practice.adoptions.values_list("place_id", flat=True)}
        assert len(dots) >= min(len(places), 2), practice.title
        for dot in dots:
            assert dot["country"], (practice.title, dot)
            assert dot["inside"] == [dot["country"]], (practice.title, dot)
