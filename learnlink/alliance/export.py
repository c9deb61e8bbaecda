"""The alliance as one spreadsheet: its overview, then every registered section's sheets,
written by `learnlink.lib.spreadsheets` so that no partner's text becomes a formula."""

from __future__ import annotations

from django.utils.translation import gettext as _

from learnlink.alliance.models import Alliance
from learnlink.alliance.overview import overview
from learnlink.alliance.sections import sections
from learnlink.lib.spreadsheets import Table, Value, xlsx_bytes


def _overview_sheets(alliance: Alliance) -> dict[str, Table]:
    data = overview(alliance)
    rows: list[list[Value]] = [[_("Name"), alliance.name], [_("Common goal"), alliance.goal],
                               [_("Start"), alliance.start], [_("End"), alliance.end]]
    rows += [[_("Objective"), objective.text, str(objective.partner)]
             for objective in data["objectives"]]
    stages: list[list[Value]] = []
    for cycle in data["cycles"]:
        stages.append([cycle.number, cycle.start, cycle.end])
        stages += [[cycle.number, None, None, stage.get_step_display(), stage.start, stage.end]
                   for stage in cycle.stages.all()]
    return {
        _("Alliance"): Table([_("Field"), _("Value")], rows),
        _("Partners"): Table(
            [_("Organisation"), _("Role"), _("Country"), _("Responsibilities")],
            [[partner.organisation.name, partner.get_role_display(),
              partner.country.name if partner.country else "", partner.responsibilities]
             for partner in data["partners"]]),
        _("Cycles"): Table([_("Cycle"), _("Start"), _("End"), _("Step"), _("From"), _("To")],
                           stages),
    }


def sheets(alliance: Alliance) -> dict[str, Table]:
    """Every sheet of the export, by name, in order."""
    found = _overview_sheets(alliance)
    for section in sections():
        if section.sheets is not None:
            found.update(section.sheets(alliance))
    return found


def export(alliance: Alliance) -> bytes:
    """The XLSX file's bytes."""
    return xlsx_bytes(sheets(alliance))
