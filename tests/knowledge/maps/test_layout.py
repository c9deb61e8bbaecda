"""The view keeps a shape a phone shows whole, and names beside dots do not cover each other."""

import pytest

from learnlink.knowledge.maps.labels import place
from learnlink.knowledge.maps.projection import SHAPES, WIDTH, Projection


@pytest.mark.parametrize("points", [
    [(1.7146, 33.6111), (-10.6833, 35.65)],  # Soroti to Songea: long from north to south
    [(-0.54, 30.19), (-0.4201, 36.9476)],  # Bushenyi to Nyeri: along the equator
    [(-5.1667, 38.7833)],  # Muheza alone
    [],  # no place: East Africa
])
def test_the_view_holds_every_place_in_a_shape_a_phone_shows_whole(points) -> None:
    view = Projection.around(points)
    assert SHAPES[0] - 0.01 <= view.height / WIDTH <= SHAPES[1] + 0.01
    for latitude, longitude in points:
        x, y = view.point(latitude, longitude)
        assert 0 < x < WIDTH and 0 < y < view.height


def test_names_of_places_at_one_latitude_do_not_cover_each_other() -> None:
    """Bushenyi and Nyeri sit on one line of latitude; their long names must not overlap."""
    points = [(300.0, 200.0), (700.0, 200.0), (500.0, 210.0)]
    texts = ["Bushenyi Dairy Farmers Association", "Mount Kenya Snow Pea Producers",
             "Soroti Citrus Growers"]
    labels = place(points, texts, size=30, gap=15, width=1000, height=600)
    for i, label in enumerate(labels):
        assert label.box.within(1000, 600)
        assert not any(label.box.meets(other.box) for other in labels[i + 1:])


def test_a_name_too_long_for_the_map_is_cut_short_with_an_ellipsis() -> None:
    [label] = place([(500.0, 100.0)], ["A very long name " * 6], size=30, gap=15,
                    width=1000, height=600)
    assert label.text.endswith("…") and label.box.within(1000, 600)
