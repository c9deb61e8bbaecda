from django.contrib import admin

from learnlink.alliance.models import Alliance, ExchangeRate, Participant, Partner


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0
    autocomplete_fields = ["organisation"]


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Alliance)
class AllianceAdmin(admin.ModelAdmin):
    list_display = ["name", "start", "end", "visibility"]
    search_fields = ["name", "goal"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PartnerInline, ParticipantInline]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["currency", "valid_from", "usd_per_unit", "source"]
    list_filter = ["currency"]
    date_hierarchy = "valid_from"

from learnlink.alliance import admin_plans  # noqa: E402, F401  guides, spaces, plans
