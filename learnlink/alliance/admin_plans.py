"""Admin for guides (with their steps and documents), learning spaces and action plans."""

from django.contrib import admin

from learnlink.alliance.models import (
    ActionPlan,
    Attendance,
    Guide,
    GuideDocument,
    GuideStep,
    LearningSpace,
    Task,
    TaskReminder,
)


class GuideStepInline(admin.TabularInline):
    model = GuideStep
    extra = 0


class GuideDocumentInline(admin.TabularInline):
    model = GuideDocument
    extra = 0


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = ["title", "source"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [GuideStepInline, GuideDocumentInline]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(LearningSpace)
class LearningSpaceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "cycle", "start", "end"]
    list_filter = ["kind", "cycle__alliance"]
    search_fields = ["title"]
    autocomplete_fields = ["facilitators", "place"]
    filter_horizontal = ["steps"]
    inlines = [AttendanceInline]


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0
    autocomplete_fields = ["owner"]
    fields = ["title", "owner", "due", "deliverable", "step", "status", "done_on",
              "drop_reason"]


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ["partner", "cycle"]
    list_filter = ["cycle__alliance", "cycle__number"]
    inlines = [TaskInline]


@admin.register(TaskReminder)
class TaskReminderAdmin(admin.ModelAdmin):
    list_display = ["task", "event", "due", "sent_on"]
    list_filter = ["event"]
