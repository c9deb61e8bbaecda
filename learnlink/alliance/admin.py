from django.contrib import admin

from learnlink.alliance.models import (
    Alliance,
    Cycle,
    ExchangeRate,
    Objective,
    Participant,
    Partner,
    Stage,
)


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0
    autocomplete_fields = ["organisation"]


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ["person"]


class ObjectiveInline(admin.StackedInline):
    model = Objective
    extra = 0
    autocomplete_fields = ["stated_by"]


class CycleInline(admin.TabularInline):
    model = Cycle
    extra = 0
    show_change_link = True


@admin.register(Alliance)
class AllianceAdmin(admin.ModelAdmin):
    list_display = ["name", "start", "end", "visibility"]
    search_fields = ["name", "goal"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PartnerInline, ParticipantInline, ObjectiveInline, CycleInline]


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = ["alliance", "number", "theme", "start", "end"]
    list_filter = ["alliance"]
    inlines = [StageInline]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["currency", "valid_from", "usd_per_unit", "source"]
    list_filter = ["currency"]
    date_hierarchy = "valid_from"

from learnlink.alliance import admin_plans  # noqa: E402, F401  guides, spaces, plans
