"""A guest follows a demo practice from its origin to its adopters on its page: the table, the
map, the graph and the timeline, all drawn on the server, in one light page."""

from __future__ import annotations

import re

import pytest

from learnlink.knowledge.demo import load_demo as load_knowledge
from learnlink.knowledge.models import Practice
from learnlink.people.demo import load_demo
from tests.web.test_pages import page_weight


@pytest.mark.django_db
def test_a_guest_follows_warehouse_receipts_from_mbeya_and_babati_to_soroti(client):
    load_demo()
    load_knowledge()
    receipts = Practice.objects.get(title="Warehouse receipts")
    adopters = [a.organisation.name for a in receipts.adoptions.all()]

    html = client.get(receipts.get_absolute_url()).content.decode()

    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 2, "the map and the graph"
    map_svg, graph = (svg for svg in sorted(svgs, key=lambda svg: 'class="map"' not in svg))
    for name in adopters:
        assert name.replace("&", "&amp;") in map_svg and name.replace("&", "&amp;") in graph
    assert "built their own system" in html
    timeline = html[html.index("<ol", html.index(">Timeline<")):]
    assert timeline.index(receipts.origin.organisation.name) < timeline.index(adopters[-1])
    assert "<script" not in html
    assert page_weight(client, html) < 50 * 1024
