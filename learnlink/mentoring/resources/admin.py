"""The network's staff keep the themes here (names in three languages) and may correct any
resource; mentors add and edit resources on the library's own pages. Either way the words a
resource is found by are written again."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from learnlink.mentoring.models import Resource, Theme
from learnlink.mentoring.resources.library import remove_resource
from learnlink.mentoring.resources.matching import index_resource


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "name_sw", "name_fr", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "name_sw", "name_fr"]

    def save_model(self, request: HttpRequest, obj: Theme, form: ModelForm,
                   change: bool) -> None:
        """A theme's new name in any language finds its resources."""
        super().save_model(request, obj, form, change)
        for resource in obj.resources.prefetch_related("enterprises", "themes"):
            index_resource(resource)


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "organisation", "updated"]
    list_filter = ["kind", "themes"]
    search_fields = ["title", "description", "organisation"]
    filter_horizontal = ["enterprises", "themes"]
    readonly_fields = ["filename", "content_type", "size", "sha256", "added_by"]

    def save_related(self, request: HttpRequest, form: ModelForm, formsets: Any,
                     change: bool) -> None:
        super().save_related(request, form, formsets, change)
        index_resource(form.instance)

    def delete_model(self, request: HttpRequest, obj: Resource) -> None:
        remove_resource(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Resource]) -> None:
        for resource in queryset:
            remove_resource(resource)
