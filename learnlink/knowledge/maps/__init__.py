"""Maps of East Africa drawn on the server as inline SVG: country outlines and lakes from
Natural Earth, dots for the places a practice started from and travelled to, and a test of
which country a point lies in. Pure: plain dataclasses in, text out, no Django model, so the
knowledge app (and its tests) can feed it origins and adoptions however they are stored."""

from learnlink.knowledge.maps.drawing import Dot, map_svg
from learnlink.knowledge.maps.outlines import country_at

__all__ = ["Dot", "country_at", "map_svg"]
