"""Admin for groups and their members; messages are read here, and only their text corrected."""

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from learnlink.exchange.display import forget_thread_html, message_html
from learnlink.exchange.indexing import index_messages
from learnlink.exchange.models import BannedAddress, Group, HeldMessage, Membership, Message, Thread
from learnlink.exchange.removal import remove_messages


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["person", "organisation"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "visibility", "posting_policy", "language"]
    list_filter = ["visibility", "posting_policy", "language"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["group", "person", "organisation", "role", "mode", "joined"]
    list_filter = ["group", "role", "mode"]
    search_fields = ["person__name", "organisation__name", "person__email_addresses__address"]
    autocomplete_fields = ["person", "organisation"]
    list_select_related = ["group", "person", "organisation"]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["subject", "group", "message_count", "started", "last_activity"]
    list_filter = ["group"]
    search_fields = ["subject"]
    readonly_fields = ["group", "started", "month", "last_activity", "message_count"]
    list_select_related = ["group"]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "sender_name", "group", "date", "is_placeholder"]
    list_filter = ["group", "is_placeholder"]
    search_fields = ["subject", "sender_name", "sender_address", "message_id"]
    exclude = ["inbound", "html"]
    readonly_fields = ["group", "thread", "parent", "message_id", "is_placeholder", "sender",
                       "sender_address", "date", "references", "suggested_thread", "corrected"]
    list_select_related = ["group"]

    def save_model(self, request: HttpRequest, obj: Message, form: Any, change: bool) -> None:
        """Text corrected here shows on the thread page at once, for every reader, and is what
        search finds and quotes: a number taken out of a message must not live on in a
        search snippet."""
        obj.html = message_html(obj.text)
        if change and form.changed_data:
            obj.corrected = timezone.now()
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            index_messages([obj])
        forget_thread_html([obj.thread])

    def delete_model(self, request: HttpRequest, obj: Message) -> None:
        """Gone from its thread's pages, search and counts at once (`removal`)."""
        remove_messages(Message.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Message]) -> None:
        remove_messages(queryset)


@admin.register(HeldMessage)
class HeldMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "sender_address", "group", "reason", "status", "created"]
    list_filter = ["status", "group"]
    search_fields = ["subject", "sender_address"]
    readonly_fields = ["group", "inbound", "decided_by", "decided"]


@admin.register(BannedAddress)
class BannedAddressAdmin(admin.ModelAdmin):
    list_display = ["address", "group", "created"]
    list_filter = ["group"]
    search_fields = ["address"]
