"""The diffusion stories of the briefing notes, as a map gets them: one origin, its adopters."""

import pytest

from learnlink.knowledge.maps import Dot


@pytest.fixture
def warehouse_receipts() -> list[Dot]:
    """Warehouse receipts spread from Mbeya and Babati to Soroti in Uganda."""
    return [Dot("Mbonzo Cooperative, Mbeya", -8.9, 33.45, "origin"),
            Dot("Babati Rice Farmers Association", -4.2167, 35.75),
            Dot("Abuket Sweet Potato Association, Soroti", 1.7146, 33.6111)]


@pytest.fixture
def brokering() -> list[Dot]:
    """Brokering deals with big buyers spread from Muheza's orange growers to maize in Songea
    and rice in Babati."""
    return [Dot("Muheza Fruit Growers Association", -5.1667, 38.7833, "origin"),
            Dot("Songea Maize Producers Marketing Group", -10.6833, 35.65),
            Dot("Magugu Rice Producers Group, Babati", -4.2167, 35.75)]


@pytest.fixture
def umbrella_associations() -> list[Dot]:
    """Umbrella associations from Nyeri to Soroti and Bushenyi, and Mbeya's Mbonzo
    cooperative: across three countries and Lake Victoria."""
    return [Dot("Mount Kenya Snow Pea Producers Association, Nyeri", -0.4201, 36.9476, "origin"),
            Dot("Soroti Citrus Growers Association", 1.7146, 33.6111),
            Dot("Bushenyi Dairy Farmers Association", -0.54, 30.19),
            Dot("Mbonzo Cooperative, Mbeya", -8.9, 33.45)]
