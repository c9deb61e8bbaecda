"""A group's monitor for a month as a spreadsheet, written by `learnlink.lib.spreadsheets` (as
the alliance's and the impact exports are), so that no organisation's name becomes a
formula."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from learnlink.lib.spreadsheets import Table, Value, xlsx_bytes
from learnlink.mentoring.monitor.figures import INNER, GroupMonitor, Row
from learnlink.mentoring.monitor.states import NAMES, RULE


def header() -> list[str]:
    return [_("Organisation"), _("Circle"), _("Agreed by"), _("Agreed"), _("Messages"),
            _("Plans"), _("Achievements"), _("Questions"), _("Answers"),
            _("Median hours to answer"), _("Months without exchange"),
            _("Questions waiting for its answer"), _("State")]


def _row(row: Row) -> list[Value]:
    agreement = row.agreement
    return [row.organisation.name, _("inner") if row.circle == INNER else _("outer"),
            agreement.agreed_by.name if agreement else "",
            timezone.localdate(agreement.agreed) if agreement else None, row.messages, row.plans,
            row.achievements, row.questions, row.answers, row.median_answer_hours,
            row.quiet_months, row.owed, str(NAMES[row.state])]


def workbook(table: GroupMonitor) -> bytes:
    return xlsx_bytes({
        str(table.month): Table(header(), [_row(row) for row in table.rows]),
        _("Rule"): Table([_("How the state is decided")], [[str(line)] for line in RULE]),
    })
