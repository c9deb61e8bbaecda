"""Importing targets, membership counts and sales from a spreadsheet: all or nothing.

Every cell of every row is read first; then, in one transaction, targets and memberships are
written and every sale is checked against the tables (territory, PMG, rate, conversion,
duplicates). If anything is wrong anywhere the transaction is rolled back: nothing is imported,
and every bad row is named with its sheet, row number and why. Importing a file again updates
targets and counts and adds no sale twice (a sale already recorded is an error).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from learnlink.alliance.models import Alliance
from learnlink.impact.models import Membership, Sale, SaleSource, Target, Territory
from learnlink.impact.sales import (
    DuplicateKey,
    SaleChecker,
    SaleInput,
    choose_products,
    recorded_keys,
)
from learnlink.impact.sheet_format import (
    MEMBERSHIPS,
    REQUIRED,
    SALES,
    SHEETS,
    TARGETS,
    sheet_of_csv,
)
from learnlink.impact.units import unit_example, unit_named
from learnlink.lib.spreadsheets import (
    Book,
    CellError,
    ReadRow,
    RowErrors,
    SheetFormat,
    Sheets,
    cells,
    import_all_or_nothing,
    read_rows,
)
from learnlink.people import directory_cells
from learnlink.people.directory_writer import Enterprises, PlaceTree
from learnlink.people.models import Enterprise, Organisation, OrganisationKind, Place
from learnlink.people.slugs import unique_slug

BATCH = 5000


@dataclass
class ImportReport:
    """What an import did, or, when `errors` is not empty, why it did nothing."""

    territories: int = 0
    pmgs_created: int = 0
    memberships: int = 0
    sales: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"Imported: {self.sales} sales, {self.memberships} membership counts, "
                f"{self.territories} territory targets, {self.pmgs_created} new PMGs")


def import_sales(alliance: Alliance, path: Path) -> ImportReport:
    report = ImportReport()

    def check_and_write(sheets: Sheets, errors: RowErrors) -> None:
        _Import(alliance, sheets, errors, report).run()

    report.errors = import_all_or_nothing(path, BOOK, check_and_write)
    return report


# The impact's own cells, beside the generic ones: each returns the value or raises CellError.

def _past_date(value: str) -> datetime.date:
    day = cells.date(value)
    if day > timezone.localdate():
        raise CellError(f"the date {value} is in the future")
    return day


def _unit(value: str) -> str:
    unit = unit_named(value)
    if unit is None:
        raise CellError(f"unknown unit {value!r}; use one of {unit_example()}")
    return unit.value


def _currency(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise CellError(f"currency {value!r} is not a three-letter code like KES")
    return code


def _places(value: str) -> tuple[str, ...]:
    if not value:
        raise CellError("territory is required")
    return directory_cells.place(value)


def _sheet(name: str, parsers: dict[str, cells.Parser]) -> SheetFormat:
    """Columns the import does not know are the officer's own notes and are ignored."""
    return SheetFormat(name, parsers, REQUIRED[name], other_columns=True)


FORMATS = {
    TARGETS: _sheet(TARGETS, {
        "territory": _places, "target_households": cells.count("target_households"),
        "products": lambda value: tuple(cells.split_list(value))}),
    MEMBERSHIPS: _sheet(MEMBERSHIPS, {
        "pmg": cells.text("pmg", Organisation, "name", required=True), "territory": _places,
        "date": _past_date, "members": cells.count("members"),
        "women": cells.count("women", True), "men": cells.count("men", True),
        "youth": cells.count("youth", True)}),
    SALES: _sheet(SALES, {
        "territory": _places, "pmg": cells.text("pmg", Organisation, "name", required=True),
        "product": cells.text("product", Enterprise, "name", required=True),
        "date": _past_date, "quantity": cells.amount("quantity"), "unit": _unit,
        "value": cells.amount("value"), "currency": _currency,
        "buyer": cells.text("buyer", Sale)}),
}


BOOK = Book(SHEETS, sheet_of_csv, "a 'quantity' column (sales), a 'members' column "
                                  "(memberships) or a 'target_households' column (targets)")


class _Import:
    """One import's state: the alliance's territories and PMGs as the file adds to them."""

    def __init__(self, alliance: Alliance, sheets: Sheets, errors: RowErrors,
                 report: ImportReport) -> None:
        self.alliance, self.sheets, self.errors, self.report = alliance, sheets, errors, report
        self.territories = {t.place.name.casefold(): t for t in
                            Territory.objects.of(alliance)}
        self.places = PlaceTree()
        self.products = Enterprises()

    def run(self) -> None:
        read = {sheet: read_rows(FORMATS[sheet], self.sheets.get(sheet, []), self.errors)
                for sheet in SHEETS}
        self.write_targets(read[TARGETS])
        self.write_memberships(read[MEMBERSHIPS])
        self.write_sales(read[SALES])

    def territory(self, sheet: str, number: int, names: tuple[str, ...]) -> Territory | None:
        found = self.territories.get(names[-1].casefold())
        if found is None:
            self.errors.add(sheet, number, f"territory {names[-1]!r} is not one of this "
                                           f"alliance's; add it in the targets sheet")
        return found

    def write_targets(self, rows: list[ReadRow]) -> None:
        seen: dict[str, int] = {}
        position = len(self.territories)
        for number, values in rows:
            names = values["territory"]
            key = names[-1].casefold()
            if key in seen:
                self.errors.add(TARGETS, number, f"territory {names[-1]!r} is also on row "
                                                 f"{seen[key]}")
                continue
            seen[key] = number
            territory = self.territories.get(key)
            if territory is None:
                place = self._place(number, names)
                if place is None:
                    continue
                territory = Territory.objects.create(alliance=self.alliance, place=place,
                                                     position=position)
                position += 1
                self.territories[key] = territory
            Target.objects.update_or_create(
                territory=territory, start=self.alliance.start,
                defaults={"end": self.alliance.end, "households": values["target_households"]})
            choose_products(territory, self.products.named(values["products"]))
            self.report.territories += 1

    def _place(self, number: int, names: tuple[str, ...]) -> Place | None:
        """The territory's place: a path is created where missing; a single name must be a
        place the directory has exactly once."""
        if len(names) > 1:
            return self.places.place(names)
        found = list(Place.objects.filter(name__iexact=names[0])[:2])
        if len(found) != 1:
            self.errors.add(TARGETS, number, f"say which {names[0]!r} with its path, like "
                                             "Kenya / Eastern / Mbeere")
            return None
        return found[0]

    def pmg(self, sheet: str, number: int, name: str, territory: Territory,
            create: bool) -> Organisation | None:
        found = Organisation.objects.filter(name__iexact=name).first()
        if found is None and create:
            found = Organisation.objects.create(name=name, slug=unique_slug(Organisation, name),
                                                kind=OrganisationKind.PMG,
                                                place=territory.place)
            self.report.pmgs_created += 1
            return found
        if found is None:
            self.errors.add(sheet, number, f"unknown PMG {name!r}; add it in the memberships "
                                           "sheet")
            return None
        if found.kind != OrganisationKind.PMG:
            self.errors.add(sheet, number, f"{found.name} is a {found.get_kind_display()}, "
                                           "not a producer marketing group")
            return None
        return found

    def write_memberships(self, rows: list[ReadRow]) -> None:
        seen: dict[tuple[int, int, datetime.date], int] = {}
        checker = SaleChecker(self.alliance, [])
        for number, values in rows:
            territory = self.territory(MEMBERSHIPS, number, values["territory"])
            if territory is None:
                continue
            pmg = self.pmg(MEMBERSHIPS, number, values["pmg"], territory, create=True)
            if pmg is None:
                continue
            if not checker.pmg_in_territory(pmg, territory):
                self.errors.add(MEMBERSHIPS, number, f"PMG {pmg.name} is not in "
                                                     f"{territory.place.name}")
                continue
            women, men, youth, members = (values["women"], values["men"], values["youth"],
                                          values["members"])
            if (women or 0) + (men or 0) > members or (youth or 0) > members:
                self.errors.add(MEMBERSHIPS, number, f"women, men and youth do not fit in "
                                                     f"{members} members")
                continue
            key = (territory.pk, pmg.pk, values["date"])
            if key in seen:
                self.errors.add(MEMBERSHIPS, number, f"{pmg.name} is counted on "
                                                     f"{values['date']} on row {seen[key]} too")
                continue
            seen[key] = number
            Membership.objects.update_or_create(
                territory=territory, pmg=pmg, date=values["date"],
                defaults={"members": members, "women": women, "men": men, "youth": youth})
            self.report.memberships += 1

    def write_sales(self, rows: list[ReadRow]) -> None:
        pmgs: dict[str, Organisation | None] = {}
        inputs: list[tuple[int, SaleInput]] = []
        for number, values in rows:
            territory = self.territory(SALES, number, values["territory"])
            name = values["pmg"].casefold()
            if name not in pmgs and territory is not None:
                pmgs[name] = self.pmg(SALES, number, values["pmg"], territory, create=False)
            pmg = pmgs.get(name)
            if territory is None or pmg is None:
                continue
            [product] = self.products.named((values["product"],))
            inputs.append((number, SaleInput(
                territory=territory, pmg=pmg, product=product, date=values["date"],
                quantity=values["quantity"], unit=values["unit"], value=values["value"],
                currency=values["currency"], buyer=values["buyer"])))
        checker = SaleChecker(self.alliance, {sale.currency for _number, sale in inputs})
        recorded = recorded_keys(sale for _number, sale in inputs)
        seen: dict[DuplicateKey, int] = {}
        new: list[Sale] = []
        for number, sale in inputs:
            problems = checker.problems(sale)
            key = sale.key()
            if key in seen:
                problems.append(f"duplicate of row {seen[key]} (same PMG, product, date, "
                                "quantity and value)")
            elif key in recorded:
                problems.append("this sale is recorded already (same PMG, product, date, "
                                "quantity and value)")
            seen.setdefault(key, number)
            for problem in problems:
                self.errors.add(SALES, number, problem)
            if not problems:
                new.append(checker.build(sale, SaleSource.SPREADSHEET))
        if self.errors:
            return
        for territory in {sale.territory for _number, sale in inputs}:
            choose_products(territory, [sale.product for _n, sale in inputs
                                        if sale.territory == territory])
        Sale.objects.bulk_create(new, batch_size=BATCH)
        self.report.sales = len(new)
