from typing import Any

from django.contrib import admin
from django.http import HttpRequest

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
