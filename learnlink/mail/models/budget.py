"""Reminder-type mail sent to each person, whatever sent it (a nudge, an alliance's task
reminder): the one budget that `mail.reminder_budget` reads, so that two apps' reminders never
add up to more than one a week for anyone."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderMail(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    sent = models.DateTimeField(_("sent"))
    kind = models.CharField(_("kind"), max_length=60,
                            help_text="The catalogue's key of the mail, e.g. mentoring.nudge_quiet")

    class Meta:
        verbose_name = _("reminder mail")
        verbose_name_plural = _("reminder mails")
        indexes = [models.Index(fields=["person", "-sent"], name="reminder_mail_person_sent")]

    def __str__(self) -> str:
        return f"{self.kind} to {self.person_id} at {self.sent:%Y-%m-%d %H:%M}"
