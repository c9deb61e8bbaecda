"""The inbox as stored: read-only, since the original bytes are never changed."""

from django.contrib import admin
from django.http import HttpRequest

from learnlink.mail.models import InboundMessage


@admin.register(InboundMessage)
class InboundMessageAdmin(admin.ModelAdmin):
    list_display = ["received", "recipient", "envelope_from", "source", "state", "size",
                    "reason"]
    list_filter = ["state", "source"]
    search_fields = ["recipient", "envelope_from", "reason", "sha256"]
    exclude = ["raw"]
    date_hierarchy = "received"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
