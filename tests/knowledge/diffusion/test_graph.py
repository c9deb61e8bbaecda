"""The graph from the origin to its adopters, drawn on the server as SVG for a phone."""

from __future__ import annotations

import dataclasses
import datetime
import xml.etree.ElementTree as ET

from learnlink.knowledge.diffusion import Adoption, Diffusion, graph_svg
from learnlink.knowledge.diffusion.lineage import tree
from tests.knowledge.diffusion.stories import BROKERING, STORIES, WAREHOUSE_RECEIPTS

SVG = "{http://www.w3.org/2000/svg}"


def drawn(diffusion: Diffusion) -> ET.Element:
    return ET.fromstring(graph_svg(diffusion))  # noqa: S314  # our own output


def boxes(svg: ET.Element) -> dict[str, list[str]]:
    """Each box's <title> and the lines written in it."""
    return {group.findtext(f"{SVG}title", ""): [text.text or "" for text in
                                                 group.iter(f"{SVG}text")]
            for group in svg.iter(f"{SVG}g") if group.find(f"{SVG}rect") is not None}


def test_each_adoption_hangs_under_whom_it_learned_from():
    placed = {place.adoption.key: (place.generation, place.parent) for place in tree(BROKERING)}
    assert placed == {"songea": (1, None), "sumbawanga": (2, "songea"),
                      "babati-rice": (1, None)}
    assert [place.adoption.key for place in tree(BROKERING)] == [
        "songea", "sumbawanga", "babati-rice"], "a teacher's learners come right under it"


def test_the_graph_has_a_titled_box_for_the_origin_and_each_adoption_and_an_edge_for_each():
    svg = drawn(WAREHOUSE_RECEIPTS)
    drawn_boxes = boxes(svg)
    assert len(drawn_boxes) == 3
    assert all(title for title in drawn_boxes)
    assert len(list(svg.iter(f"{SVG}path"))) == 2
    soroti = next(lines for title, lines in drawn_boxes.items() if "Soroti" in title)
    assert soroti[:2] == ["Abuket sweet potato association", "Soroti, Uganda · 2011"]
    assert soroti[2].startswith("adapted: They built their own system"), "status in words"
    labels = [text.text for text in svg.findall(f"{SVG}text")]
    assert labels == ["workshop", "visit"], "each edge says the channel"


def test_a_learner_steps_right_of_its_teacher_and_below_it():
    svg = drawn(WAREHOUSE_RECEIPTS)
    frames = [(int(rect.get("x", "")), int(rect.get("y", ""))) for rect in svg.iter(f"{SVG}rect")]
    xs, ys = zip(*frames, strict=True)
    assert list(xs) == sorted(set(xs)) and list(ys) == sorted(set(ys))


def test_the_graph_is_sized_for_a_phone_and_small():
    svg = drawn(BROKERING)
    assert svg.get("viewBox", "").startswith("0 0 360 ")
    assert svg.get("width") == "100%"
    assert svg.findtext(f"{SVG}title") == (
        "How Brokering deals with big buyers travelled from Kilulu Orange Growers to 3 adopters")
    sizes = [len(graph_svg(story).encode()) for story in STORIES]
    print("diffusion graph bytes for the briefing stories:", sizes)
    assert max(sizes) < 2500


def test_fifty_adopters_stay_light():
    many = dataclasses.replace(BROKERING, adoptions=tuple(
        Adoption(f"a{number}", f"Farmer group number {number}", "Songea", "Tanzania", None,
                 None, datetime.date(2008, 1, 1) + datetime.timedelta(days=number), "trying",
                 "thread", learned_from=f"a{number - 1}" if number % 5 else None)
        for number in range(50)))
    size = len(graph_svg(many).encode())
    print("diffusion graph bytes for 50 adopters five deep:", size)
    assert size < 40_000
    assert len(boxes(drawn(many))) == 51


def test_a_long_name_is_cut_and_kept_whole_in_the_title():
    long_name = "Umoja wa Wakulima wa Mpunga na Mahindi wa Kata ya Magugu, Wilaya ya Babati"
    story = dataclasses.replace(WAREHOUSE_RECEIPTS, adoptions=(dataclasses.replace(
        WAREHOUSE_RECEIPTS.adoptions[0], organisation=long_name),))
    (title, lines), = [(title, lines) for title, lines in boxes(drawn(story)).items()
                       if "Babati" in title]
    assert long_name in title
    assert lines[0].endswith("…") and len(lines[0]) < len(long_name)


def test_names_are_escaped_and_control_characters_dropped():
    story = dataclasses.replace(WAREHOUSE_RECEIPTS, adoptions=(dataclasses.replace(
        WAREHOUSE_RECEIPTS.adoptions[0], organisation="<script>&\x0bGroup"),))
    text = graph_svg(story)
    assert "<script>" not in text
    assert "&lt;script&gt;&amp;Group" in text
    drawn(story)


def test_a_cycle_still_draws_every_adoption_once():
    circle = dataclasses.replace(WAREHOUSE_RECEIPTS, adoptions=tuple(
        dataclasses.replace(adoption, learned_from="soroti" if adoption.key == "babati"
                            else "babati") for adoption in WAREHOUSE_RECEIPTS.adoptions))
    assert sorted(place.adoption.key for place in tree(circle)) == ["babati", "soroti"]
    assert len(boxes(drawn(circle))) == 3


def test_status_and_channel_show_in_the_readers_words():
    story = dataclasses.replace(WAREHOUSE_RECEIPTS, labels={
        "adopted": "Wamepokea", "adapted": "Wamebadilisha", "workshop": "warsha"})
    lines = [line for _title, shown in boxes(drawn(story)).items() for line in shown]
    assert "Wamepokea" in lines
    assert "warsha" in graph_svg(story)
