"""The sales spreadsheet's sheets and columns (docs/impact.md): the import reads them, the
template download writes them."""

from __future__ import annotations

from collections.abc import Sequence

SALES = "sales"
MEMBERSHIPS = "memberships"
TARGETS = "targets"
SHEETS = (TARGETS, MEMBERSHIPS, SALES)

COLUMNS = {
    SALES: ("territory", "pmg", "product", "date", "quantity", "unit", "value", "currency",
            "buyer"),
    MEMBERSHIPS: ("pmg", "territory", "date", "members", "women", "men", "youth"),
    TARGETS: ("territory", "target_households", "products"),
}
REQUIRED = {
    SALES: ("territory", "pmg", "product", "date", "quantity", "unit", "value", "currency"),
    MEMBERSHIPS: ("pmg", "territory", "date", "members"),
    TARGETS: ("territory", "target_households"),
}
# The template's example rows, one per sheet, in the Kenya demo's terms.
EXAMPLES = {
    TARGETS: ("Kenya / Eastern / Mbeere", "5000", "greengrams; cowpeas"),
    MEMBERSHIPS: ("Siakago PMG", "Mbeere", "2004-06-30", "52", "30", "22", "11"),
    SALES: ("Mbeere", "Siakago PMG", "greengrams", "2004-07-14", "40", "90 kg bags", "108000",
            "KES", "Kitui Millers"),
}


def sheet_of_csv(header: Sequence[str]) -> str | None:
    """A CSV holds one sheet; its columns say which."""
    if "quantity" in header:
        return SALES
    if "members" in header:
        return MEMBERSHIPS
    if "target_households" in header:
        return TARGETS
    return None
