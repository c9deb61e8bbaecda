"""Admin for the agenda, to read: a topic's state changes only through agenda.actions, on its
page, so that its history stays whole."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from learnlink.mentoring.labels.admin import ReadOnly
from learnlink.mentoring.models import Dialogue, Topic, TopicChange, Workshop


class ChangeInline(admin.TabularInline):
    model = TopicChange
    extra = 0
    can_delete = False
    readonly_fields = ["when", "by", "from_state", "to_state", "note"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Topic)
class TopicAdmin(ReadOnly):
    list_display = ["title", "group", "state", "via", "created"]
    list_filter = ["state", "via"]
    list_select_related = ["group"]
    search_fields = ["title"]
    exclude = ["threads"]
    inlines = [ChangeInline]


@admin.register(Workshop)
class WorkshopAdmin(ReadOnly):
    list_display = ["place", "date", "group"]
    list_select_related = ["group"]
    exclude = ["participants", "topics"]


@admin.register(Dialogue)
class DialogueAdmin(ReadOnly):
    list_display = ["topic", "opens", "synthesis_opens", "feedback_opens", "ends", "closed"]
    list_select_related = ["topic"]
