"""The Kenya case of the first CIAT-CRS learning alliance (2003-2004), as records: territories
and their target households, PMGs and their membership counts, and sales in the units and
shillings they were made in. The impact table computed from them is the published one:

| territory | households | PMGs | members | volume | value |
| Mbeere | 5,000 | 9 | 447 | 32 t | US$13,103 |
| Homabay | 5,000 | 27 | 3,014 | 145 t | US$78,175 |
| Kitui | 4,000 | 8 | 381 | 161 t | US$46,153 |
| Tana River | 4,125 | 5 | 4,000 | 3.5 t | US$3,222 |
| total | 18,125 | 49 | 7,842 | 341.5 t | US$140,653 |

The sales are converted at the demo's one shilling series (alliance/demo/rates.py), the same
rates the alliance's cost shares use: the table is the published one after the whole
`learnlink demo`, not only after this part of it.

Safe to run again: everything is got or created by its natural key, and sales are imported
only into an alliance that has none.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from learnlink.alliance.demo.core import demo_alliance
from learnlink.alliance.demo.rates import load_rates
from learnlink.alliance.models import Partner, PartnerRole
from learnlink.impact.conversions import set_conversion
from learnlink.impact.importing import ImportReport, import_sales
from learnlink.impact.models import Sale
from learnlink.impact.units import Unit
from learnlink.people.models import Enterprise, Organisation, OrganisationKind, Place, PlaceKind
from learnlink.people.slugs import unique_slug

DEMO = Path(__file__).resolve().parent / "demo"
# What a local unit weighs, in tonnes, where the unit depends on the product.
CONVERSIONS = [("sunflower oil", Unit.LITRE, "0.00092"), ("horticulture", Unit.CRATE, "0.064"),
               ("tomatoes", Unit.CRATE, "0.064"), ("kales", Unit.CRATE, "0.025")]
FILES = ("kenya-targets.csv", "kenya-memberships.csv", "kenya-sales.csv")


class DemoError(Exception):
    pass


def load_demo() -> ImportReport:
    """Load the Kenya case; returns what its files added (all zero but targets when run
    again)."""
    alliance = demo_alliance()
    kenya, _created = Place.objects.get_or_create(name="Kenya", parent=None,
                                                  defaults={"kind": PlaceKind.COUNTRY})
    crs, _created = Organisation.objects.get_or_create(name="CRS Kenya", defaults={
        "slug": unique_slug(Organisation, "CRS Kenya"), "kind": OrganisationKind.NGO,
        "place": kenya})
    Partner.objects.get_or_create(alliance=alliance, organisation=crs, defaults={
        "role": PartnerRole.COUNTRY_TEAM, "country": kenya})
    load_rates("KES")
    for name, unit, tonnes in CONVERSIONS:
        product, _created = Enterprise.objects.get_or_create(
            name=name, defaults={"slug": unique_slug(Enterprise, name)})
        set_conversion(alliance, product, unit, Decimal(tonnes))
    has_sales = Sale.objects.of(alliance).exists()
    total = ImportReport()
    for name in FILES:
        if name == "kenya-sales.csv" and has_sales:
            continue
        report = import_sales(alliance, DEMO / name)
        if report.errors:
            raise DemoError("\n".join(report.errors))
        total.sales += report.sales
        total.memberships += report.memberships
        total.territories += report.territories
        total.pmgs_created += report.pmgs_created
    return total
