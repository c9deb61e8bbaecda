"""The demo network: a directory of East African farmer groups and people, and accounts to try it.

`make run` loads it every time, so loading it again changes nothing. The directory comes in
through the same import a programme officer uses (demo/organisations.csv, demo/people.csv);
the accounts are those of the people a visitor would want to be: the mentors, the alliance
coordinator, and a farmer group's chairperson as the learner.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from learnlink.lib.spreadsheets import read_sheets
from learnlink.people.accounts import account_for
from learnlink.people.addresses import current_holder
from learnlink.people.directory_import import ImportReport, import_directory
from learnlink.people.models import Organisation, OrganisationKind
from learnlink.people.models.persons import normalise_address
from learnlink.people.roles import COORDINATOR, LEARNER, MENTOR, STAFF, grant_role

DEMO_DIR = Path(__file__).with_name("demo")
DEMO_FILES = ("organisations.csv", "people.csv", "enterprises.csv")
DEMO_PASSWORD = "learnlink-demo"  # noqa: S105 - printed for anyone trying the demo
ADMIN_USERNAME = "admin"
# A person whose role in people.csv contains one of these words gets that role's account.
ROLE_WORDS = {"coordinator": COORDINATOR, "mentor": MENTOR}


class DemoError(Exception):
    """The demo files do not import cleanly; the message lists every problem."""


@dataclass(frozen=True)
class DemoAccount:
    """Who to sign in as: the name to type, and the role it shows."""

    sign_in: str
    role: str


@dataclass
class DemoResult:
    reports: list[ImportReport]
    accounts: list[DemoAccount]


@transaction.atomic
def load_demo(directory: Path | None = None) -> DemoResult:
    """Import the demo directory and make sure its accounts exist with DEMO_PASSWORD."""
    folder = directory or DEMO_DIR
    reports = [_import(folder / name) for name in DEMO_FILES]
    accounts = [_admin_account()]
    for address, role in demo_accounts(folder / "people.csv").items():
        accounts.append(_person_account(address, role))
    return DemoResult(reports, accounts)


def _import(path: Path) -> ImportReport:
    report = import_directory(path)
    if report.errors:
        raise DemoError("\n".join(report.errors))
    return report


def demo_accounts(people_csv: Path) -> dict[str, str]:
    """Role by email address: mentors and coordinators, and the first farmer-group chairperson
    as the learner. Read from the file, so the accounts follow whatever the demo people are."""
    farmer_groups = {name.casefold() for name in Organisation.objects.filter(
        kind=OrganisationKind.FARMER_GROUP).values_list("name", flat=True)}
    accounts: dict[str, str] = {}
    learner_found = False
    [rows] = read_sheets(people_csv).values()
    for row in rows:
        address, role = normalise_address(row.get("email")), row.get("role").casefold()
        if not address:
            continue
        for word, account_role in ROLE_WORDS.items():
            if word in role:
                accounts.setdefault(address, account_role)
        if (not learner_found and "chair" in role
                and row.get("organisation").casefold() in farmer_groups):
            accounts.setdefault(address, LEARNER)
            learner_found = True
    return accounts


def _admin_account() -> DemoAccount:
    """A superuser for the admin pages, with the staff role for the rest of the site."""
    user, _created = User.objects.get_or_create(username=ADMIN_USERNAME)
    if not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    grant_role(user, STAFF)
    _set_demo_password(user)
    return DemoAccount(ADMIN_USERNAME, STAFF)


def _person_account(address: str, role: str) -> DemoAccount:
    """The person's own account (a learner's, as every account starts), with `role` added."""
    person = current_holder(address)
    if person is None:
        raise DemoError(f"people.csv: no one in the directory uses {address}")
    user = account_for(person)
    grant_role(user, role)
    _set_demo_password(user)
    return DemoAccount(user.get_username(), role)


def _set_demo_password(user: User) -> None:
    """Only when it is not set already: a fresh hash each time would be a change each time."""
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
