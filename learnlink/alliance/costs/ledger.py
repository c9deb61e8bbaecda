"""The cost-share ledger: budget lines, commitments and contributions in US$, and the balance
of each partner (what it committed less what it has contributed so far).

Every figure is a database sum of the US$ value stored on each row when it was saved (see
models/costs.py), so the page, the export and the API give the same numbers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from learnlink.alliance.models import (
    Alliance,
    BudgetLine,
    Commitment,
    Contribution,
    ExchangeRate,
    Partner,
)
from learnlink.lib.spreadsheets import Table

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=16, decimal_places=2)


@dataclass(frozen=True)
class Balance:
    partner: str
    committed_usd: Decimal
    contributed_usd: Decimal

    @property
    def balance_usd(self) -> Decimal:
        return self.committed_usd - self.contributed_usd


def _sum_by(model: type[Commitment] | type[Contribution], key: str) -> Coalesce:
    rows = (model.objects.filter(**{key: OuterRef("pk")}).order_by().values(key)
            .annotate(total=Sum("amount_usd")).values("total"))
    return Coalesce(Subquery(rows, output_field=MONEY), Value(ZERO), output_field=MONEY)


def balances(alliance: Alliance) -> list[Balance]:
    """One row per partner, in one query."""
    partners = (Partner.objects.of(alliance)
                .annotate(committed=_sum_by(Commitment, "partner"),
                          contributed=_sum_by(Contribution, "partner"))
                .order_by("organisation__name"))
    return [Balance(p.organisation.name, _cents(p.committed), _cents(p.contributed))
            for p in partners]


def _cents(value: object) -> Decimal:
    """SQLite sums decimals as floats: back to Decimal, to the cent, on every engine."""
    return Decimal(str(value)).quantize(ZERO)


def totals(rows: list[Balance]) -> Balance:
    return Balance(_("Total"), sum((r.committed_usd for r in rows), ZERO),
                   sum((r.contributed_usd for r in rows), ZERO))


def budget_lines(alliance: Alliance) -> QuerySet[BudgetLine]:
    """The budget lines with what is committed to and contributed on each, in one query."""
    return (BudgetLine.objects.filter(alliance=alliance)
            .annotate(committed=_sum_by(Commitment, "budget_line"),
                      contributed=_sum_by(Contribution, "budget_line")))


def commitments(alliance: Alliance) -> QuerySet[Commitment]:
    return (Commitment.objects.filter(partner__alliance=alliance)
            .select_related("partner__organisation", "budget_line"))


def contributions(alliance: Alliance) -> QuerySet[Contribution]:
    return (Contribution.objects.filter(partner__alliance=alliance)
            .select_related("partner__organisation", "budget_line", "recorded_by"))


def record(row: Commitment | Contribution | BudgetLine | ExchangeRate) -> None:
    """Validate and save a ledger row; a ValidationError says what to fix (for a contribution
    with no rate on its day: which currency, which day, and where to add the rate)."""
    row.full_clean()
    row.save()


def costs_block(alliance: Alliance) -> dict[str, Any]:
    rows = balances(alliance)
    return {"balances": rows, "totals": totals(rows), "lines": budget_lines(alliance)}


def costs_sheets(alliance: Alliance) -> dict[str, Table]:
    rows = balances(alliance)
    return {
        _("Cost shares"): Table(
            [_("Partner"), _("Committed (US$)"), _("Contributed (US$)"), _("Balance (US$)")],
            [[row.partner, row.committed_usd, row.contributed_usd, row.balance_usd]
             for row in [*rows, totals(rows)]]),
        _("Budget lines"): Table(
            [_("Budget line"), _("Budget (US$)"), _("Committed (US$)"), _("Contributed (US$)")],
            [[line.name, line.amount_usd, _cents(line.committed),  # type: ignore[attr-defined]
              _cents(line.contributed)]  # type: ignore[attr-defined]
             for line in budget_lines(alliance)]),
        _("Contributions"): Table(
            [_("Date"), _("Partner"), _("Budget line"), _("Amount"), _("Currency"),
             _("Cash or in kind"), _("US$"), _("Description")],
            [[c.day, c.partner.organisation.name, c.budget_line.name, c.amount, c.currency,
              c.get_kind_display(), c.amount_usd, c.description]
             for c in contributions(alliance).order_by("day", "pk")]),
    }
