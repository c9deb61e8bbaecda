"""What the page and the API say about a month that has nothing to show, in the reader's
language: the answer to "a month with no data" is a sentence, not an error."""

from __future__ import annotations

from django.utils.translation import gettext as _

from learnlink.lib.dates import shown
from learnlink.mentoring.monitor.figures import GroupMonitor
from learnlink.mentoring.monitor.months import Month


def month_notice(table: GroupMonitor) -> str:
    """Why the month's table is empty; "" when it has something to show."""
    if table.has_data:
        return ""
    month = shown(table.month.first_day, "long_month")
    if table.month > Month.current():
        return _("%(month)s has not come yet: there is nothing to show.") % {"month": month}
    return _("In %(month)s no learning contract was in force in %(group)s and no organisation "
             "wrote to it: there is nothing to show for that month. Choose another month.") % {
        "month": month, "group": table.group.name}
