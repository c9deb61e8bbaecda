from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from learnlink.alliance.admin import ExchangeRateAdmin
from learnlink.alliance.models import ExchangeRate
from learnlink.impact.models import (
    Membership,
    Sale,
    Target,
    Territory,
    TerritoryProduct,
    UnitConversion,
)
from learnlink.impact.normalise import Normaliser, recompute


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


class ProductInline(admin.TabularInline):
    model = TerritoryProduct
    extra = 0
    autocomplete_fields = ["product"]


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["place", "alliance", "position"]
    list_filter = ["alliance"]
    inlines = [TargetInline, ProductInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["pmg", "territory", "date", "members", "women", "men", "youth"]
    list_filter = ["territory__alliance"]
    date_hierarchy = "date"


@admin.register(UnitConversion)
class UnitConversionAdmin(admin.ModelAdmin):
    list_display = ["product", "unit", "tonnes", "alliance"]
    list_filter = ["alliance", "unit"]

    def save_model(self, request: HttpRequest, obj: UnitConversion, form: Any,
                   change: bool) -> None:
        super().save_model(request, obj, form, change)
        recompute(obj.alliance, product=obj.product)


@admin.register(Sale)
class SaleAdmin(admin.ModelAdmin):
    list_display = ["date", "pmg", "product", "quantity", "unit", "value", "currency", "tonnes",
                    "value_usd", "buyer", "source"]
    list_filter = ["territory__alliance", "source", "currency"]
    date_hierarchy = "date"
    readonly_fields = ["tonnes", "value_usd"]
    list_select_related = ["pmg", "product"]

    def save_model(self, request: HttpRequest, obj: Sale, form: Any, change: bool) -> None:
        """Tonnes and US$ are never typed: computed from the tables, as every way in does."""
        Normaliser(obj.territory.alliance, [obj.currency]).fill(obj)
        super().save_model(request, obj, form, change)


class RecomputingExchangeRateAdmin(ExchangeRateAdmin):
    """The alliance app's rate admin, which also brings the stored US$ of the sales a changed
    rate applies to up to date (in the worker, once the change is committed). Registered here
    because impact depends on alliance, not the other way round."""

    def save_model(self, request: HttpRequest, obj: ExchangeRate, form: Any,
                   change: bool) -> None:
        before = form.initial.get("valid_from") if change else None
        super().save_model(request, obj, form, change)
        _recompute_on_commit(obj.currency, min(filter(None, [before, obj.valid_from])))

    def delete_model(self, request: HttpRequest, obj: ExchangeRate) -> None:
        super().delete_model(request, obj)
        _recompute_on_commit(obj.currency, obj.valid_from)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ExchangeRate]) -> None:
        removed = list(queryset.values_list("currency", "valid_from"))
        super().delete_queryset(request, queryset)
        for currency in {currency for currency, _day in removed}:
            _recompute_on_commit(currency, min(day for code, day in removed if code == currency))


def _recompute_on_commit(currency: str, since: Any) -> None:
    from learnlink.impact.tasks import recompute_after_rate_change

    transaction.on_commit(lambda: recompute_after_rate_change(currency, since.isoformat()))


admin.site.unregister(ExchangeRate)
admin.site.register(ExchangeRate, RecomputingExchangeRateAdmin)
