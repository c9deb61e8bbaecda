"""The map is valid SVG that names every dot, tells the origin from the adopters by more than
colour, fits all its dots in its view, and stays small enough for a phone page."""

import re
import xml.etree.ElementTree as ET

from django.utils import translation

from learnlink.knowledge.maps import Dot, map_svg
from learnlink.knowledge.maps.districts import districts

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    """Parsing fails on anything that is not well-formed XML."""
    return ET.fromstring(svg)  # noqa: S314 -- our own map, not untrusted input


def test_every_dot_has_its_title_and_its_name_on_the_map(warehouse_receipts) -> None:
    svg = _parse(map_svg(warehouse_receipts, "Warehouse receipts"))
    dots = svg.findall(f"{SVG}g[@class]")
    assert [g.findtext(f"{SVG}title") for g in dots] == [
        "Mbonzo Cooperative, Mbeya: where it began",
        "Babati Rice Farmers Association: where it was taken up",
        "Abuket Sweet Potato Association, Soroti: where it was taken up"]
    for g, dot in zip(dots, warehouse_receipts, strict=True):
        shown = g.findtext(f"{SVG}text") or ""
        assert shown == dot.label or (shown.endswith("…") and dot.label.startswith(shown[:-1]))
    assert dots[0].findtext(f"{SVG}text") == "Mbonzo Cooperative, Mbeya"
    assert svg.findtext(f"{SVG}title") == "Warehouse receipts"


def test_the_origin_and_the_adopters_differ_in_shape(brokering) -> None:
    svg = _parse(map_svg(brokering, "Brokering deals"))
    origin, *adopters = svg.findall(f"{SVG}g[@class]")
    assert origin.find(f"{SVG}path") is not None and origin.find(f"{SVG}circle") is None
    assert all(g.find(f"{SVG}circle") is not None for g in adopters)
    legend = [t.text for t in svg.findall(f"{SVG}text")]
    assert "where it began" in legend and "where it was taken up" in legend


def test_lines_run_from_the_origin_to_each_adopter_only_when_asked(brokering) -> None:
    dashed = 'stroke-dasharray="10 7"'
    lined = map_svg(brokering, "Brokering deals")
    assert lined.count(dashed) == 1 and len(re.findall(r"M[\d.]+,[\d.]+L", lined)) >= 2
    assert dashed not in map_svg(brokering, "Brokering deals", lines=False)


def test_every_dot_lies_inside_the_view(warehouse_receipts) -> None:
    svg = _parse(map_svg(warehouse_receipts, "Warehouse receipts"))
    _, _, width, height = (float(v) for v in svg.get("viewBox", "").split())
    assert svg.get("width") == "100%"
    for circle in svg.iter(f"{SVG}circle"):
        assert 0 < float(circle.get("cx", "")) < width
        assert 0 < float(circle.get("cy", "")) < height


def test_names_in_the_map_are_escaped() -> None:
    svg = map_svg([Dot("<script>alert(1)</script> & Co", -5.17, 38.78, "origin")], "A & B")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    _parse(svg)


def test_the_largest_maps_stay_small() -> None:
    """All of East Africa (no dots), and every demo district at once, with coordinates cut
    to a tenth of a unit: well under 30 KB each."""
    every_district = [Dot(d.place, d.latitude, d.longitude) for d in districts()]
    for svg in (map_svg([], "East Africa"), map_svg(every_district, "The network")):
        assert len(svg.encode()) < 20_000
        _parse(svg)


def test_large_countries_are_named_and_small_ones_are_not(brokering) -> None:
    names = {t.text for t in _parse(map_svg([], "East Africa")).iter(f"{SVG}text")}
    assert {"TANZANIA", "KENYA", "UGANDA"} <= names
    assert "RWANDA" not in names and "BURUNDI" not in names


def test_the_legend_speaks_the_readers_language(brokering) -> None:
    with translation.override("sw"):
        svg = map_svg(brokering, "Kuuza pamoja kwa wanunuzi wakubwa")
    assert "ilipoanzia" in svg and "Muheza Fruit Growers Association: ilipoanzia" in svg
    with translation.override("fr"):
        assert "là où elle a été reprise" in map_svg(brokering, "Négocier avec les acheteurs")


def test_organisations_at_one_place_share_one_dot(warehouse_receipts) -> None:
    soroti = [*warehouse_receipts, Dot("Soroti Citrus Growers Association", 1.7146, 33.6111)]
    svg = _parse(map_svg(soroti, "Warehouse receipts"))
    assert len(svg.findall(f"{SVG}g[@class]")) == 3
    assert svg.findall(f"{SVG}g[@class]")[2].findtext(f"{SVG}title") == (
        "Abuket Sweet Potato Association, Soroti; Soroti Citrus Growers Association: "
        "where it was taken up")
