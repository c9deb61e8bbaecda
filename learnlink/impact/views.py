"""The impact pages: the table for any period with its charts, the breakdowns, the printable
report and the exports; the sale form, the spreadsheet import and the conversion table.

Every view starts by asking `permissions` for the alliance; nothing else decides who sees what.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnlink.alliance.models import Alliance
from learnlink.impact import charts
from learnlink.impact.conversions import remove_conversion, set_conversion
from learnlink.impact.exports import impact_csv, impact_workbook
from learnlink.impact.forms import ConversionForm, PeriodForm, SaleForm
from learnlink.impact.importing import import_sales
from learnlink.impact.mail_routes import SALES_ADDRESS
from learnlink.impact.models import SaleSource, UnitConversion
from learnlink.impact.permissions import (
    alliance_for_import,
    alliance_for_report,
    alliance_for_sales,
    may_import,
    may_record_sales,
)
from learnlink.impact.report import (
    ImpactTable,
    Period,
    by_buyer,
    impact_table,
    rates_used,
    volume_by_month,
)
from learnlink.impact.sales import SaleRejected, record_sale
from learnlink.impact.sheet_format import COLUMNS, EXAMPLES, SHEETS
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.lib.spreadsheets import XLSX_TYPE, Table, xlsx_bytes
from learnlink.lib.spreadsheets.uploads import UploadForm


def _table(request: HttpRequest, alliance: Alliance) -> tuple[PeriodForm, ImpactTable]:
    form = PeriodForm(request.GET or None)
    start, end = form.bounds()
    return form, impact_table(alliance, Period.of(alliance, start, end))


def _context(request: HttpRequest, alliance: Alliance, **extra: Any) -> dict[str, Any]:
    form, table = _table(request, alliance)
    query = request.GET.urlencode()
    return {"alliance": alliance, "form": form, "impact": table,
            "query": f"?{query}" if query else "",
            "sales_address": f"{SALES_ADDRESS}@{settings.LEARNLINK_MAIL_DOMAIN}", **extra}


def report(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_report(request, slug)
    context = _context(request, alliance)
    context.update(_charts(alliance, context["impact"]),
                   rates=rates_used(alliance, context["impact"].period),
                   may_record=may_record_sales(request, alliance),
                   may_import=may_import(request, alliance))
    return render(request, "impact/report.html", context)


def _charts(alliance: Alliance, table: ImpactTable) -> dict[str, Any]:
    return {
        "value_chart": charts.horizontal([(row.territory, row.value_usd) for row in table.rows],
                                         "US$"),
        "volume_chart": charts.vertical(volume_by_month(alliance, table.period)),
    }


def products(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_report(request, slug)
    return render(request, "impact/products.html", _context(request, alliance))


def gender(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_report(request, slug)
    return render(request, "impact/gender.html", _context(request, alliance))


def buyers(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_report(request, slug)
    context = _context(request, alliance)
    context["buyers"] = by_buyer(alliance, context["impact"].period)
    return render(request, "impact/buyers.html", context)


def printable(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_report(request, slug)
    context = _context(request, alliance)
    context.update(_charts(alliance, context["impact"]),
                   buyers=by_buyer(alliance, context["impact"].period))
    return render(request, "impact/print.html", context)


def _filename(table: ImpactTable, suffix: str) -> str:
    return (f"impact-{table.alliance.slug}-{table.period.start.isoformat()}-"
            f"{table.period.end.isoformat()}.{suffix}")


def export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_report(request, slug)
    _form, table = _table(request, alliance)
    response = HttpResponse(impact_csv(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(table, "csv")}"'
    return response


def export_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_report(request, slug)
    _form, table = _table(request, alliance)
    response = HttpResponse(impact_workbook(table), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(table, "xlsx")}"'
    return response


def new_sale(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_sales(request, slug)
    form = SaleForm(alliance, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sale = record_sale(form.sale(), SaleSource.WEB)
        except SaleRejected as error:
            for problem in error.problems:
                form.add_error(None, problem)
        else:
            messages.success(request, _("Recorded: %(sale)s, %(tonnes)s t, US$%(usd)s.") % {
                "sale": f"{sale.pmg} {sale.product} {sale.quantity} {sale.get_unit_display()}",
                "tonnes": sale.tonnes.normalize(), "usd": sale.value_usd})
            return redirect("impact:new_sale", slug=alliance.slug)
    return render(request, "impact/sale_form.html", {"alliance": alliance, "form": form})


def import_file(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_import(request, slug)
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        with form.saved_file() as path:
            result = import_sales(alliance, path)
        if not result.errors:
            messages.success(request, result.summary())
            return redirect("impact:report", slug=alliance.slug)
        errors = result.errors
    return render(request, "impact/import.html", {"alliance": alliance, "form": form,
                                                  "errors": errors, "columns": COLUMNS,
                                                  "sheets": SHEETS})


def template(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The import's workbook with its three sheets, headers and one example row each."""
    alliance = alliance_for_import(request, slug)
    content = xlsx_bytes({sheet: Table(COLUMNS[sheet], [EXAMPLES[sheet]]) for sheet in SHEETS})
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = (f'attachment; filename="impact-{alliance.slug}-'
                                       'template.xlsx"')
    return response


def conversions(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_import(request, slug)
    form = ConversionForm(alliance, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changed = set_conversion(alliance, data["product"], data["unit"], data["tonnes"])
        messages.success(request, _("Saved; %(count)s sales recomputed.") % {"count": changed})
        return redirect("impact:conversions", slug=alliance.slug)
    table = UnitConversion.objects.filter(alliance=alliance).select_related("product")
    return render(request, "impact/conversions.html", {"alliance": alliance, "form": form,
                                                       "conversions": table})


@require_POST
def delete_conversion(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    alliance = alliance_for_import(request, slug)
    changed = remove_conversion(alliance, pk)
    messages.success(request, _("Removed; %(count)s sales recomputed.") % {"count": changed})
    return redirect("impact:conversions", slug=alliance.slug)
