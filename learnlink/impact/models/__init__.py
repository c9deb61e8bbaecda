"""Impact: an alliance's territories and their targets, the producer marketing groups (PMGs) in
them, their membership over time, and their sales, each normalised to tonnes and US$."""

from learnlink.impact.models.sales import Sale, SaleSource, UnitConversion
from learnlink.impact.models.territories import Membership, Target, Territory, TerritoryProduct

__all__ = [
    "Membership",
    "Sale",
    "SaleSource",
    "Target",
    "Territory",
    "TerritoryProduct",
    "UnitConversion",
]
