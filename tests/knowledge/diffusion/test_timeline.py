"""The timeline: years as headings, each a dated list, oldest first, the origin at the top."""

from __future__ import annotations

import dataclasses
import re

from learnlink.knowledge.diffusion import timeline_html
from tests.knowledge.diffusion.stories import BROKERING, MARKET_SPIES


def test_years_are_headings_over_dated_entries_in_order():
    html = timeline_html(BROKERING)
    assert re.findall(r"<h3>(\d+)</h3>", html) == ["2004", "2007", "2008", "2009"]
    assert re.findall(r'datetime="([\d-]+)"', html) == [
        "2004-05-01", "2007-06-01", "2008-01-12", "2009-08-03"]
    assert "Kilulu Orange Growers, Muheza (Tanzania): the practice begins." in html
    assert ("Sumbawanga simsim growers, Sumbawanga (Tanzania): trying (how they heard of it: "
            "thread). Learned from Songea maize growers.") in html


def test_what_adopters_changed_is_told():
    html = timeline_html(MARKET_SPIES, heading=2)
    assert "<h2>2008</h2>" in html
    assert "Village billboards and a market information centre." in html


def test_an_adoption_in_the_origins_year_shares_its_heading():
    same_year = dataclasses.replace(MARKET_SPIES, adoptions=(dataclasses.replace(
        MARKET_SPIES.adoptions[0], date=MARKET_SPIES.origin.date),))
    html = timeline_html(same_year)
    assert html.count("<h3>") == 1 and html.count("<li>") == 2
    assert html.index("the practice begins") < html.index("Magugu")


def test_names_are_escaped():
    story = dataclasses.replace(MARKET_SPIES, adoptions=(dataclasses.replace(
        MARKET_SPIES.adoptions[0], organisation="<b>Magugu</b> & co"),))
    assert "&lt;b&gt;Magugu&lt;/b&gt; &amp; co" in timeline_html(story)
