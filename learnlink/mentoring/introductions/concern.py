"""The dashboard's row for an introduction nobody answered within 14 days: what it is, and
its action, a reminder (sent from the introduction's page, by POST) or, once it has had its
one reminder, a look at it."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learnlink.exchange.models import Group
from learnlink.mentoring.concerns import Concern, Row
from learnlink.mentoring.models import Introduction
from learnlink.mentoring.models.introductions import UNANSWERED_AFTER


def unanswered(groups: QuerySet[Group], now: datetime.datetime) -> QuerySet[Introduction]:
    """One bounded query per page: the introductions of `groups`, oldest first."""
    return (Introduction.objects.unanswered_since(now - UNANSWERED_AFTER)
            .filter(group__in=groups).defer("text", "context").select_related(
                "introducer", "seeker_organisation", "peer_organisation", "group"))


def row(introduction: Introduction) -> Row:
    text = _("%(introducer)s introduced %(seeker)s to %(peer)s %(since)s ago: no answer yet") % {
        "introducer": introduction.introducer.name,
        "seeker": introduction.seeker_organisation.name,
        "peer": introduction.peer_organisation.name, "since": timesince(introduction.sent)}
    url = introduction.get_absolute_url()
    if introduction.reminded:
        return Row(text, url, _("View"), url, introduction.group, introduction.sent)
    return Row(text, url, _("Send a reminder"), f"{url}#remind", introduction.group,
               introduction.sent)


CONCERN = Concern("introductions", gettext_lazy("Introductions nobody answered"), unanswered,
                  row)
