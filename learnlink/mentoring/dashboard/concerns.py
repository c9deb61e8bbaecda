"""The dashboard's own concerns: questions nobody answered, mail held for a moderator or in
quarantine, contacts to fix and quiet groups. Each is one query over the mentor's groups (a
count or a date per group as a correlated subquery, never a query per group), and each row
links to the page where the mentor acts on it."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db.models import (
    CharField,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from learnlink.exchange.contacts import troubled_addresses
from learnlink.exchange.display import reply_link
from learnlink.exchange.models import Group, HeldMessage, HeldStatus
from learnlink.lib.dates import shown
from learnlink.mail.models import InboundMessage
from learnlink.mail.models.inbound import State
from learnlink.mentoring.concerns import Concern, Row, register
from learnlink.mentoring.models import Question

QUIET_DAYS = 30


def count_of(rows: QuerySet[Any], distinct: bool = False) -> Subquery:
    """How many rows a correlated subquery finds, as a column of the outer query: COUNT
    without GROUP BY, so one row whatever it finds."""
    template = "COUNT(DISTINCT %(expressions)s)" if distinct else "COUNT(%(expressions)s)"
    counted = Func(F("pk"), template=template, output_field=IntegerField())
    return Subquery(rows.order_by().values(n=counted)[:1], output_field=IntegerField())


def _waiting_questions(groups: QuerySet[Group], now: datetime.datetime) -> QuerySet[Question]:
    return Question.objects.waiting(groups, now)


def _question_row(question: Question) -> Row:
    message, group = question.message, question.group
    return Row(
        text=_("%(name)s asked: “%(question)s”") % {
            "name": message.sender_label(group.name), "question": question.text},
        url=reverse("exchange:message", args=[group.slug, message.pk]),
        action=gettext_lazy("Answer by email"),
        action_url=reply_link(group.address, message.subject, message.message_id),
        group=group, when=question.asked)


def _held(groups: QuerySet[Group], now: datetime.datetime) -> QuerySet[Group]:
    held = HeldMessage.objects.filter(group=OuterRef("pk"), status=HeldStatus.WAITING)
    oldest = Subquery(held.order_by("created").values("created")[:1])
    return (groups.annotate(held_count=count_of(held), oldest=oldest)
            .filter(held_count__gt=0).order_by("oldest", "pk"))


def _held_row(group: Group) -> Row:
    link = reverse("exchange:moderation", args=[group.slug])
    return Row(text=ngettext("%(count)d message waits for a moderator",
                             "%(count)d messages wait for a moderator",
                             group.held_count) % {"count": group.held_count},  # type: ignore[attr-defined]
               url=link, action=gettext_lazy("Approve or reject"), action_url=link,
               group=group, when=group.oldest)  # type: ignore[attr-defined]


def _quarantined(groups: QuerySet[Group], now: datetime.datetime) -> QuerySet[Group]:
    """Mail to the group's address that could not be posted (`quarantined_to`, per group)."""
    mail = InboundMessage.objects.filter(recipient=OuterRef("mail_address"),
                                         state=State.QUARANTINED)
    latest = Subquery(mail.order_by("-received").values("received")[:1])
    address = Concat("slug", Value(f"@{settings.LEARNLINK_MAIL_DOMAIN}"),
                     output_field=CharField())
    return (groups.annotate(mail_address=address).annotate(quarantined=count_of(mail),
                                                      latest=latest)
            .filter(quarantined__gt=0).order_by("-latest", "pk"))


def _quarantined_row(group: Group) -> Row:
    link = reverse("exchange:quarantine", args=[group.slug])
    count = group.quarantined  # type: ignore[attr-defined]
    return Row(text=ngettext("%(count)d message could not be posted",
                             "%(count)d messages could not be posted", count) % {"count": count},
               url=link, action=gettext_lazy("Release or delete"), action_url=link,
               group=group, when=group.latest)  # type: ignore[attr-defined]


def _contacts(groups: QuerySet[Group], now: datetime.datetime) -> QuerySet[Group]:
    troubled = count_of(troubled_addresses(OuterRef("pk")), distinct=True)
    return groups.annotate(troubled=troubled).filter(troubled__gt=0).order_by("-troubled", "pk")


def _contacts_row(group: Group) -> Row:
    link = reverse("exchange:contacts", args=[group.slug])
    count = group.troubled  # type: ignore[attr-defined]
    return Row(text=ngettext("%(count)d member's address bounces or was disabled",
                             "%(count)d members' addresses bounce or were disabled",
                             count) % {"count": count},
               url=link, action=gettext_lazy("Fix contacts"), action_url=link, group=group)


def _quiet(groups: QuerySet[Group], now: datetime.datetime) -> QuerySet[Group]:
    """Groups with no message for QUIET_DAYS (or none ever, once that old themselves)."""
    since = now - datetime.timedelta(days=QUIET_DAYS)
    return (Group.objects.filter(pk__in=groups.values("pk")).with_activity()
            .filter(Q(last__lt=since) | Q(last__isnull=True, created__lt=since))
            .order_by(F("last").asc(nulls_first=True), "name"))


def _quiet_row(group: Group) -> Row:
    last = group.last  # type: ignore[attr-defined]
    text = (_("No message since %(day)s") % {"day": shown(last, "day")} if last
            else _("No message yet"))
    return Row(text=text, url=group.get_absolute_url(),
               action=gettext_lazy("Write to the group"), action_url=f"mailto:{group.address}",
               group=group, when=last)


def register_concerns() -> None:
    """Called from MentoringConfig.ready(), in the order the dashboard shows them."""
    for concern in [
        Concern("questions", gettext_lazy("Questions nobody answered"), _waiting_questions,
                _question_row),
        Concern("held", gettext_lazy("Messages held for a moderator"), _held, _held_row),
        Concern("quarantined", gettext_lazy("Mail in quarantine"), _quarantined,
                _quarantined_row),
        Concern("contacts", gettext_lazy("Contacts to fix"), _contacts, _contacts_row),
        Concern("quiet", gettext_lazy("Groups quiet for 30 days"), _quiet, _quiet_row),
    ]:
        register(concern)
