"""The diffusion data handed out: CSV for a spreadsheet, GraphML for network tools (Gephi,
yEd, networkx).

The CSV goes through `learnlink.lib.spreadsheets`, as every export of ours does, so a name
typed as `=HYPERLINK(...)` opens as text. The GraphML is built with ElementTree, which escapes
every name, with the characters XML forbids taken out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # builds our own GraphML, parses nothing
from collections.abc import Iterable

from learnlink.knowledge.diffusion.lineage import in_order
from learnlink.knowledge.diffusion.records import Diffusion
from learnlink.knowledge.diffusion.xmltext import xml_text
from learnlink.lib.spreadsheets import Table, Value, csv_bytes

CSV_TYPE = "text/csv; charset=utf-8"
GRAPHML_TYPE = "application/graphml+xml"
PLACE_COLUMNS = ("organisation", "place", "country", "latitude", "longitude", "date")
CSV_HEADER = ("practice", *(f"origin_{column}" for column in PLACE_COLUMNS), "adoption",
              *PLACE_COLUMNS, "status", "channel", "adaptation", "learned_from")
NODE_KEYS = ("organisation", "place", "country", "date", "status")
GRAPHML = "http://graphml.graphdrawing.org/xmlns"
ORIGIN_ID = "origin"


def diffusion_csv(diffusion: Diffusion) -> bytes:
    """One row per adoption, in date order, each with the practice and its origin."""
    return csv_bytes(Table(CSV_HEADER, _rows(diffusion)))


def network_csv(diffusions: Iterable[Diffusion]) -> bytes:
    """Every practice's rows in one table, practice after practice."""
    return csv_bytes(Table(CSV_HEADER, [row for diffusion in diffusions
                                        for row in _rows(diffusion)]))


def _rows(diffusion: Diffusion) -> list[tuple[Value, ...]]:
    origin = diffusion.origin
    first = (diffusion.practice_title, origin.organisation, origin.place, origin.country,
             origin.latitude, origin.longitude, origin.date)
    return [(*first, adoption.key, adoption.organisation, adoption.place, adoption.country,
             adoption.latitude, adoption.longitude, adoption.date, adoption.status,
             adoption.channel, adoption.adaptation, adoption.learned_from)
            for adoption in in_order(diffusion.adoptions)]


def diffusion_graphml(diffusion: Diffusion) -> bytes:
    """A directed graph: the origin and a node per adoption, an edge from whom each learned
    (the origin when they name no known adoption) carrying the channel."""
    root = _graphml()
    _graph(root, diffusion, "diffusion", "")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def network_graphml(diffusions: Iterable[tuple[str, Diffusion]]) -> bytes:
    """One graph per practice (given with a key of its own) in one document; node ids carry
    the practice's key, since GraphML wants them unique in the whole document."""
    root = _graphml()
    for key, diffusion in diffusions:
        name = xml_text(key)
        _graph(root, diffusion, f"practice-{name}", f"p{name}-")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _graphml() -> ET.Element:
    root = ET.Element("graphml", {"xmlns": GRAPHML})
    for name in NODE_KEYS:
        _key(root, name, "node")
    _key(root, "channel", "edge")
    _key(root, "practice", "graph")
    return root


def _graph(root: ET.Element, diffusion: Diffusion, identifier: str, prefix: str) -> None:
    graph = ET.SubElement(root, "graph", {"id": identifier, "edgedefault": "directed"})
    _data(graph, "practice", diffusion.practice_title)
    origin = diffusion.origin
    _node(graph, prefix + ORIGIN_ID, {
        "organisation": origin.organisation, "place": origin.place, "country": origin.country,
        "date": origin.date.isoformat(), "status": "origin"})
    adoptions = in_order(diffusion.adoptions)
    keys = {adoption.key for adoption in adoptions}
    for adoption in adoptions:
        _node(graph, prefix + _node_id(adoption.key), {
            "organisation": adoption.organisation, "place": adoption.place,
            "country": adoption.country, "date": adoption.date.isoformat(),
            "status": adoption.status})
    for adoption in adoptions:
        teacher = adoption.learned_from
        source = _node_id(teacher) if teacher in keys and teacher else ORIGIN_ID
        edge = ET.SubElement(graph, "edge", {"source": prefix + source,
                                             "target": prefix + _node_id(adoption.key)})
        _data(edge, "channel", adoption.channel)


def _key(root: ET.Element, name: str, domain: str) -> None:
    ET.SubElement(root, "key", {"id": name, "for": domain, "attr.name": name,
                                "attr.type": "string"})


def _node(graph: ET.Element, identifier: str, values: dict[str, str]) -> None:
    node = ET.SubElement(graph, "node", {"id": identifier})
    for name, value in values.items():
        _data(node, name, value)


def _data(parent: ET.Element, key: str, value: str) -> None:
    ET.SubElement(parent, "data", {"key": key}).text = xml_text(value)


def _node_id(key: str) -> str:
    """Adoption ids are prefixed so that an adoption keyed "origin" cannot take its place."""
    return "adoption-" + xml_text(key)
