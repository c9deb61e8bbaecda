"""GET /api/groups/{slug}/contract-monitor?month=YYYY-MM: the monitor's table for scripts,
with the web's rules (`permissions.reads_monitor`). A month without a contract nor a message
answers an empty list and a notice saying so; a month written otherwise answers 400."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from learnlink.mentoring.monitor.figures import monitor
from learnlink.mentoring.monitor.months import Month, NotAMonth
from learnlink.mentoring.monitor.wording import month_notice
from learnlink.mentoring.permissions import monitored_group
from learnlink.people.api_auth import api_user

router = Router(tags=["mentoring"])


class MonitorRowOut(Schema):
    organisation: str
    messages: int
    plans: int
    achievements: int
    questions: int
    answers: int
    median_answer_hours: float | None
    state: str  # kept, slipping, broken, or no_contract for an organisation that did not agree
    circle: str  # inner (learners, mentors, owners) or outer (observers)
    months_without_exchange: int | None  # in a row up to the month; null without a contract


class MonitorOut(Schema):
    month: str
    items: list[MonitorRowOut]
    notice: str  # why there are no items; "" otherwise


@router.get("/groups/{slug}/contract-monitor", response=MonitorOut)
def contract_monitor(request: HttpRequest, slug: str, month: str = "") -> dict[str, object]:
    group = monitored_group(api_user(request), slug)
    if group is None:
        raise HttpError(404, f"no group {slug} whose monitor you may read")
    try:
        chosen = Month.parse(month) if month else Month.current()
    except NotAMonth:
        raise HttpError(400, f"month: {month!r} is not a month; write it as YYYY-MM, "
                             f"for example {Month.current()}") from None
    table = monitor(group, chosen)
    return {"month": str(chosen), "notice": month_notice(table), "items": [
        {"organisation": row.organisation.name, "messages": row.messages, "plans": row.plans,
         "achievements": row.achievements, "questions": row.questions, "answers": row.answers,
         "median_answer_hours": row.median_answer_hours, "state": row.state,
         "circle": row.circle, "months_without_exchange": row.quiet_months}
        for row in (table.rows if table.has_data else [])]}
