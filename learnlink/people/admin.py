"""Admin for the directory, with the searches and filters a mentor keeping contacts needs."""

from django.contrib import admin
from django.db import models

from learnlink.people.models import (
    Affiliation,
    EmailAddress,
    Enterprise,
    Organisation,
    Person,
    Place,
)


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "parent__name"]
    autocomplete_fields = ["parent"]


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 1
    autocomplete_fields = ["person", "organisation"]


class EmailAddressInline(admin.TabularInline):
    model = EmailAddress
    extra = 1
    fields = ["address", "primary", "verified", "active_from", "active_to", "bounce_score"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "place", "parent"]
    list_filter = ["kind", "enterprises", "place__parent"]
    search_fields = ["name", "description", "place__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["place", "parent"]
    filter_horizontal = ["enterprises"]
    inlines = [AffiliationInline]
    list_select_related = ["place", "parent"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "place", "phone", "user"]
    list_filter = ["organisations__kind", "place__parent"]
    search_fields = ["name", "email_addresses__address", "phone", "organisations__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["place", "user"]
    inlines = [EmailAddressInline, AffiliationInline]
    list_select_related = ["place", "user"]


@admin.register(EmailAddress)
class EmailAddressAdmin(admin.ModelAdmin):
    list_display = ["address", "person", "primary", "verified", "active_from", "active_to",
                    "bounce_score"]
    list_filter = ["primary", "verified", ("active_to", admin.EmptyFieldListFilter)]
    search_fields = ["address", "person__name"]
    autocomplete_fields = ["person"]
    list_select_related = ["person"]
