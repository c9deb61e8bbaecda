"""The diffusion data as CSV and GraphML, safe to open and readable by network tools."""

from __future__ import annotations

import csv
import dataclasses
import io
import xml.etree.ElementTree as ET

from learnlink.knowledge.diffusion import diffusion_csv, diffusion_graphml
from tests.knowledge.diffusion.stories import BROKERING, WAREHOUSE_RECEIPTS

NS = "{http://graphml.graphdrawing.org/xmlns}"


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_csv_has_a_row_per_adoption_with_its_origin():
    read = rows(diffusion_csv(WAREHOUSE_RECEIPTS))
    assert [row["organisation"] for row in read] == [
        "Babati Rice Farmers' Cooperative", "Abuket sweet potato association"]
    assert {row["origin_organisation"] for row in read} == {"Mbonzo Cooperative"}
    soroti = read[1]
    assert (soroti["country"], soroti["date"], soroti["status"], soroti["channel"],
            soroti["learned_from"]) == ("Uganda", "2011-03-10", "adapted", "visit", "babati")
    assert (soroti["origin_latitude"], soroti["latitude"]) == ("-8.909", "1.715")


def test_the_csv_neutralises_a_formula_and_keeps_accents():
    story = dataclasses.replace(WAREHOUSE_RECEIPTS, adoptions=(dataclasses.replace(
        WAREHOUSE_RECEIPTS.adoptions[0], organisation='=HYPERLINK("http://evil.example")',
        adaptation="Coopérative: «reçus» de magasin"),))
    (row,) = rows(diffusion_csv(story))
    assert row["organisation"] == "'=HYPERLINK(\"http://evil.example\")"
    assert row["adaptation"] == "Coopérative: «reçus» de magasin"


def test_the_graphml_parses_with_a_node_per_place_and_an_edge_per_adoption():
    root = ET.fromstring(diffusion_graphml(BROKERING))  # noqa: S314  # our own output
    nodes = root.findall(f"{NS}graph/{NS}node")
    edges = root.findall(f"{NS}graph/{NS}edge")
    assert len(nodes) == 1 + len(BROKERING.adoptions) and len(edges) == len(BROKERING.adoptions)
    keys = {key.get("id"): key.get("for") for key in root.findall(f"{NS}key")}
    assert {name: keys[name] for name in ("organisation", "place", "country", "date", "status",
                                          "channel")} == {
        "organisation": "node", "place": "node", "country": "node", "date": "node",
        "status": "node", "channel": "edge"}
    pairs = {(edge.get("source"), edge.get("target"), edge.findtext(f"{NS}data"))
             for edge in edges}
    assert pairs == {("origin", "adoption-songea", "introduction"),
                     ("origin", "adoption-babati-rice", "workshop"),
                     ("adoption-songea", "adoption-sumbawanga", "thread")}


def test_the_graphml_escapes_every_name():
    story = dataclasses.replace(BROKERING, practice_title="Deals <&> \"buyers\"\x01",
                                adoptions=(dataclasses.replace(
                                    BROKERING.adoptions[0], organisation="</data><x>&amp;"),))
    root = ET.fromstring(diffusion_graphml(story))  # noqa: S314  # our own output
    assert root.findtext(f"{NS}graph/{NS}data") == "Deals <&> \"buyers\""
    names = [data.text for data in root.iter(f"{NS}data") if data.get("key") == "organisation"]
    assert "</data><x>&amp;" in names
