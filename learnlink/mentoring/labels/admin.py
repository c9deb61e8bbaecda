"""Admin for the labels: the nightly evaluations read (which labeller won, on what scores), and
mentors' clicks listed; labels themselves are corrected on the thread page, where the message
is."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from learnlink.mentoring.models import LabelChange, LabellerRun


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LabellerRun)
class LabellerRunAdmin(ReadOnly):
    list_display = ["ran", "corrections", "held_out", "chosen", "baseline_f1", "classifier_f1"]
    exclude = ["model"]  # thousands of counts: nothing a person reads

    @admin.display(description="baseline micro-F1")
    def baseline_f1(self, run: LabellerRun) -> str:
        return f"{run.baseline['micro_f1']:.2f}" if run.baseline else "-"

    @admin.display(description="classifier micro-F1")
    def classifier_f1(self, run: LabellerRun) -> str:
        return f"{run.classifier['micro_f1']:.2f}" if run.classifier else "-"


@admin.register(LabelChange)
class LabelChangeAdmin(ReadOnly):
    list_display = ["at", "message", "label", "on", "by"]
    list_filter = ["label"]
    list_select_related = ["message", "by"]
    raw_id_fields = ["message"]
