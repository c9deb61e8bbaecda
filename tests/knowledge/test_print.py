"""A practice page printed from a real Chromium: the site's header, navigation, forms and
footer stay off the paper, the graph and the map stay on it, and each link shows its address."""

from __future__ import annotations

import pytest

from learnlink.people.models import Place

pytestmark = pytest.mark.browser


def test_a_printed_practice_keeps_its_drawings_and_shows_where_links_go(
        live_server, network, published, phone, output_dir):
    Place.objects.filter(pk=network["muheza"].pk).update(latitude=-5.17, longitude=38.78)
    Place.objects.filter(pk=network["babati"].pk).update(latitude=-4.21, longitude=35.75)
    phone.goto(live_server.url + published.get_absolute_url())

    phone.emulate_media(media="print")

    for hidden in ("header.site", "footer.site", "form.lang"):
        assert not phone.locator(hidden).is_visible(), hidden
    drawings = phone.locator("main svg")
    assert drawings.count() >= 2  # the map and the graph
    assert all(drawings.nth(n).is_visible() for n in range(drawings.count()))
    library = phone.locator("main p.muted a").first
    after = library.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == '" (/practices/)"'
    phone.pdf(path=output_dir / "practice-printed.pdf")
