"""Inviting many addresses at once from a spreadsheet (CSV or XLSX): a mentor's list of the
farmer groups and people met at a workshop, each then asked to confirm by one click or a reply.

All or nothing, as every import: every row is read and checked (the address, duplicates in the
file, addresses banned from the group, the file's size) before anything is written, and one bad
row sends no invitation at all, so fixing it and uploading again never invites anyone twice.
Addresses that already belong to the group are left out and listed, not refused: a mentor's
file is often the network's whole contact list, and leaving them out changes nothing for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q

from learnlink.exchange.models import BannedAddress, Group, Role, Subscription
from learnlink.exchange.subscriptions import invite
from learnlink.lib.spreadsheets import (
    CellError,
    ReadRow,
    RowErrors,
    SheetFormat,
    SpreadsheetError,
    cells,
    read_rows,
    read_sheets,
)
from learnlink.people.models import EmailAddress, Person
from learnlink.people.models.persons import normalise_address

MAX_ROWS = 500  # a workshop's or a district's list; more is several files, or a typo
COLUMNS = ("address", "name", "role")
SHOWN = 60  # the longest cell text an error repeats


@dataclass
class InvitationReport:
    """What an upload did: the invitations sent, or, when `errors` is not empty, why none was;
    the rows left out because their address already belongs to the group."""

    sent: int = 0
    members: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _address(value: str) -> str:
    if not value:
        raise CellError("address is required")
    try:
        validate_email(value)
    except ValidationError:
        raise CellError(f"address {value[:SHOWN]!r} is not an email address: write it like "
                        "name@example.org, one address a row") from None
    cells.check_length("address", value, Subscription, "address")
    return normalise_address(value)


def _role(value: str) -> str:
    role = value.strip().lower() or Role.LEARNER
    if role in (Role.MENTOR, Role.OWNER):
        raise CellError(f"role {value[:SHOWN]!r}: an invitation makes a learner or an observer; "
                        "make them a mentor on the members page once they have joined")
    if role not in (Role.LEARNER, Role.OBSERVER):
        raise CellError(f"role {value[:SHOWN]!r} is not learner or observer (or empty: learner)")
    return role


CELLS = {"address": _address, "name": cells.text("name", Subscription), "role": _role}


def invite_from_spreadsheet(group: Group, path: Path, inviter: Person) -> InvitationReport:
    """Check every row of the file's first sheet; when all are good, invite each address."""
    report = InvitationReport()
    try:
        sheets = read_sheets(path, lambda _path, _header: "invitations")
    except SpreadsheetError as error:
        report.errors = [str(error)]
        return report
    name, rows = next(iter(sheets.items()), ("invitations", []))
    if not rows:
        report.errors = [f"{path.name}: no rows to invite; the first row names the columns "
                         f"({', '.join(COLUMNS)}), one address a row below it"]
        return report
    if len(rows) > MAX_ROWS:
        report.errors = [f"{path.name}: {len(rows)} rows; at most {MAX_ROWS} invitations a "
                         "file, so split it in several"]
        return report
    errors = RowErrors([name])
    good = _checked(group, read_rows(SheetFormat(name, CELLS, ["address"]), rows, errors),
                    name, errors, report)
    if errors:
        report.errors = errors.lines()
        return report
    with transaction.atomic():
        for row in good:
            invite(group, row.values["address"], inviter, name=row.values["name"],
                   role=row.values["role"])
    report.sent = len(good)
    return report


def _checked(group: Group, rows: list[ReadRow], sheet: str, errors: RowErrors,
             report: InvitationReport) -> list[ReadRow]:
    """The rows to invite: each address once, none banned, members left out (and listed)."""
    addresses = [row.values["address"] for row in rows]
    banned = set(BannedAddress.objects.filter(group=group, address__in=addresses)
                 .values_list("address", flat=True))
    members = members_among(group, addresses)
    first_row: dict[str, int] = {}
    good = []
    for row in rows:
        address = row.values["address"]
        if address in first_row:
            errors.add(sheet, row.number, f"{address} is already on row {first_row[address]}; "
                                          "keep one of the two rows")
            continue
        first_row[address] = row.number
        if address in banned:
            errors.add(sheet, row.number, f"{address} is banned from this group; take the row "
                                          "out, or lift the ban first")
        elif address in members:
            report.members.append(address)
        else:
            good.append(row)
    return good


def members_among(group: Group, addresses: list[str]) -> set[str]:
    """Those of `addresses` whose holder today belongs to the group, in their own name or
    through their organisation: one query, whatever the file's length."""
    return set(EmailAddress.objects.current().filter(address__in=addresses)
               .filter(Q(person__memberships__group=group)
                       | Q(person__affiliations__organisation__memberships__group=group))
               .values_list("address", flat=True))
