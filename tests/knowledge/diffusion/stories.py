"""The briefing notes' diffusion stories as records: warehouse receipts from Mbeya and Babati to
Soroti in Uganda, market spies from Mufindi to Babati, brokering deals from Muheza's oranges to
maize in Songea and rice in Babati. Places carry their districts' coordinates; the dates are
the demo's, close to the notes' years."""

from __future__ import annotations

import datetime

from learnlink.knowledge.diffusion import Adoption, Diffusion, Origin

MBEYA = (-8.909, 33.461)
BABATI = (-4.213, 35.747)
SOROTI = (1.715, 33.611)
MUFINDI = (-8.308, 35.298)
MUHEZA = (-5.168, 38.782)
SONGEA = (-10.683, 35.650)
SUMBAWANGA = (-7.966, 31.620)


def adoption(key: str, organisation: str, place: str, where: tuple[float, float],
             date: datetime.date, status: str, channel: str, **more: str | None) -> Adoption:
    country = "Uganda" if place == "Soroti" else "Tanzania"
    return Adoption(key, organisation, place, country, *where, date, status, channel,
                    **more)  # type: ignore[arg-type]


WAREHOUSE_RECEIPTS = Diffusion("Warehouse receipts", Origin(
    "Mbonzo Cooperative", "Mbeya", "Tanzania", *MBEYA, datetime.date(2006, 7, 1)), (
    adoption("babati", "Babati Rice Farmers' Cooperative", "Babati", BABATI,
             datetime.date(2008, 9, 15), "adopted", "workshop"),
    adoption("soroti", "Abuket sweet potato association", "Soroti", SOROTI,
             datetime.date(2011, 3, 10), "adapted", "visit", learned_from="babati",
             adaptation="They built their own system: the groups keep the receipts and the "
                        "store together, with no licensed warehouse."),
))

MARKET_SPIES = Diffusion("Market spies", Origin(
    "Mufindi market spies", "Mufindi", "Tanzania", *MUFINDI, datetime.date(2005, 2, 1)), (
    adoption("magugu", "Magugu rice group", "Babati", BABATI, datetime.date(2008, 4, 20),
             "adapted", "thread",
             adaptation="Village billboards and a market information centre."),
))

BROKERING = Diffusion("Brokering deals with big buyers", Origin(
    "Kilulu Orange Growers", "Muheza", "Tanzania", *MUHEZA, datetime.date(2004, 5, 1)), (
    adoption("songea", "Songea maize growers", "Songea", SONGEA, datetime.date(2007, 6, 1),
             "adopted", "introduction"),
    adoption("babati-rice", "Magugu rice group", "Babati", BABATI, datetime.date(2008, 1, 12),
             "adopted", "workshop"),
    adoption("sumbawanga", "Sumbawanga simsim growers", "Sumbawanga", SUMBAWANGA,
             datetime.date(2009, 8, 3), "trying", "thread", learned_from="songea"),
))

STORIES = (WAREHOUSE_RECEIPTS, MARKET_SPIES, BROKERING)
