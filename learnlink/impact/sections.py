"""The impact block of an alliance's dashboard and its sheets in the alliance's export."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models import Alliance
from learnlink.alliance.sections import Section
from learnlink.impact.exports import impact_sheets
from learnlink.impact.report import Period, impact_table
from learnlink.lib.spreadsheets import Table


def context(alliance: Alliance) -> dict[str, Any]:
    return {"impact": impact_table(alliance, Period.of(alliance))}


def sheets(alliance: Alliance) -> dict[str, Table]:
    return impact_sheets(impact_table(alliance, Period.of(alliance)))


IMPACT = Section(key="impact", title=_("Impact"), template="impact/section.html",
                 context=context, sheets=sheets, public=True)
