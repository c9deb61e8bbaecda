"""Action plans and the tasks partners agree to: per partner team per cycle, what the team will
put into practice, each task with an owner, a due date inside the cycle and a deliverable; and
the record of reminders sent, so none goes out twice."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models.alliances import Partner
from learnlink.alliance.models.cycles import Cycle
from learnlink.alliance.models.guides import GuideStep
from learnlink.lib.dates import shown


class ActionPlan(models.Model):
    partner = models.ForeignKey(Partner, verbose_name=_("partner team"),
                                on_delete=models.CASCADE, related_name="plans")
    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE,
                              related_name="plans")
    summary = models.TextField(_("what the team will put into practice"), blank=True)
    steps = models.ManyToManyField(GuideStep, verbose_name=_("guide steps put into practice"),
                                   blank=True, related_name="plans")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["cycle__number", "partner__organisation__name"]
        constraints = [models.UniqueConstraint(fields=["partner", "cycle"],
                                               name="one_plan_per_team_and_cycle")]

    def __str__(self) -> str:
        return _("%(partner)s, cycle %(number)s") % {"partner": self.partner,
                                                      "number": self.cycle.number}

    def get_absolute_url(self) -> str:
        return reverse("alliance:plan", args=[self.cycle.alliance.slug, self.cycle.number,
                                              self.partner_id])

    def clean(self) -> None:
        if self.partner_id and self.cycle_id and \
                self.partner.alliance_id != self.cycle.alliance_id:
            raise ValidationError(_("This partner and this cycle belong to different alliances."))


class TaskStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


class Task(models.Model):
    """Something a team agreed to do by a date. Its standing on the accountability board
    (on time, late, dropped, open) follows from status, due date and done date alone."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey("people.Person", verbose_name=_("owner"),
                              on_delete=models.PROTECT, related_name="alliance_tasks")
    due = models.DateField(_("due"))
    deliverable = models.CharField(_("deliverable"), max_length=300, blank=True,
                                   help_text=_("What shows it is done, e.g. a survey report."))
    step = models.ForeignKey(GuideStep, verbose_name=_("guide step"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="tasks")
    status = models.CharField(_("status"), max_length=10, choices=TaskStatus.choices,
                              default=TaskStatus.OPEN)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    drop_reason = models.TextField(_("why it was dropped"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due", "pk"]
        indexes = [models.Index(fields=["status", "due"], name="task_status_due")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        # A plan not yet saved (a team's first task) is checked all the same.
        plan = self.plan if self.plan_id or Task.plan.is_cached(self) else None
        if plan is not None and self.due:
            cycle = plan.cycle
            values = {"due": shown(self.due), "number": cycle.number,
                      "start": shown(cycle.start), "end": shown(cycle.end)}
            if self.due < cycle.start:
                raise ValidationError({"due": _(
                    "This task is due on %(due)s, before cycle %(number)s starts on %(start)s: "
                    "give it a due date from %(start)s to %(end)s, or put it in the plan of an "
                    "earlier cycle.") % values})
            if self.due > cycle.end:
                raise ValidationError({"due": _(
                    "This task is due on %(due)s, after cycle %(number)s ends on %(end)s: give "
                    "it a due date from %(start)s to %(end)s, or put it in the plan of the next "
                    "cycle.") % values})
        if self.status == TaskStatus.DONE and not self.done_on:
            raise ValidationError({"done_on": _("Say on which day the task was done.")})
        if self.status == TaskStatus.DROPPED and not self.drop_reason.strip():
            raise ValidationError({"drop_reason": _("Say why the task was dropped.")})


class ReminderEvent(models.TextChoices):
    DUE_SOON = "due_soon", _("due soon")
    OVERDUE = "overdue", _("overdue")


class TaskReminder(models.Model):
    """A reminder that went out: for which task, which event and which due date, on which day.
    A changed due date is a new event; the same one is never reminded twice (overdue: at most
    once a week)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reminders")
    event = models.CharField(_("event"), max_length=10, choices=ReminderEvent.choices)
    due = models.DateField(_("due date reminded"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("task reminder")
        verbose_name_plural = _("task reminders")
        ordering = ["-sent_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["task", "event", "due", "sent_on"],
                                               name="one_reminder_per_task_event_and_day")]

    def __str__(self) -> str:
        return f"{self.task} · {self.event} · {self.sent_on}"
