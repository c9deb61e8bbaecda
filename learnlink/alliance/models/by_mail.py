"""What the alliance's work by mail leaves behind: a task owner's request, by reply to a
reminder, to move the task's due date; and the mail each partner team gets when a cycle ends,
once per team and cycle."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models.alliances import Partner
from learnlink.alliance.models.cycles import Cycle
from learnlink.alliance.models.plans import Task


class DueDateRequest(models.Model):
    """The owner asks, one of the alliance's coordinators confirms (then the task's due date
    changes) or declines."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="date_requests")
    due = models.DateField(_("new due date asked for"))
    asked_by = models.ForeignKey("people.Person", verbose_name=_("asked by"),
                                 on_delete=models.PROTECT, related_name="+")
    asked = models.DateTimeField(_("asked on"))
    decided_by = models.ForeignKey("people.Person", verbose_name=_("decided by"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")
    decided = models.DateTimeField(_("decided on"), null=True, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=False)

    class Meta:
        verbose_name = _("request for a new due date")
        verbose_name_plural = _("requests for a new due date")
        ordering = ["-asked", "pk"]

    def __str__(self) -> str:
        return f"{self.task} → {self.due}"


class EndOfCycleMailing(models.Model):
    """The reflection questions, and the invitation to plan the next cycle if it is set, went
    to this team when this cycle ended. Their reply addresses name this row, so the answers
    land as the team's reflection for the cycle and as tasks of its plan for the next one."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE,
                              related_name="+")
    partner = models.ForeignKey(Partner, verbose_name=_("partner team"),
                                on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("end of cycle mail")
        verbose_name_plural = _("end of cycle mail")
        ordering = ["-sent_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["cycle", "partner"],
                                               name="end_of_cycle_mail_once_per_team")]

    def __str__(self) -> str:
        return f"{self.partner}, {self.cycle}"

    def next_cycle(self) -> Cycle | None:
        return Cycle.objects.filter(alliance_id=self.cycle.alliance_id,
                                    number=self.cycle.number + 1).first()
