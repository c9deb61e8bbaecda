"""Exporting the directory in the format the import reads: what goes out comes back the same."""

import csv
import datetime
import io
from email.utils import formataddr

import pytest
from django.core.management import execute_from_command_line
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learnlink.lib.spreadsheets import SpreadsheetError, read_sheets
from learnlink.people.directory_export import export_directory
from learnlink.people.directory_import import import_directory
from learnlink.people.models import EmailAddress, Organisation, Person
from tests.conftest import email_from
from tests.people.directory_helpers import DATA, describe_directory, empty_the_directory


def a_directory_with_history() -> None:
    """The sample files, plus what only the database can hold: a second former address, a
    current address that is not the primary, and a person who belongs to no organisation."""
    for name in ("organisations.csv", "people.csv", "enterprises.csv"):
        assert import_directory(DATA / name).errors == []
    chair = Person.objects.get(name="Mwanaisha Shabani")
    chair.email_addresses.create(address="kilulu@cafe.example.net",
                                 active_to=datetime.date(2009, 12, 31))
    chair.email_addresses.create(address="mwanaisha@home.example.org")
    loner = Person.objects.create(name="Zawadi Mrisho", slug="zawadi-mrisho", about="= a note",
                                  languages="sw")
    EmailAddress.objects.create(person=loner, address="zawadi@example.org", primary=True)


@pytest.mark.django_db
def test_an_xlsx_export_imported_into_an_empty_directory_gives_the_same_directory(tmp_path):
    a_directory_with_history()
    before = describe_directory()
    path = tmp_path / "directory.xlsx"

    export_directory(path)
    empty_the_directory()
    report = import_directory(path)

    assert report.errors == []
    assert (report.organisations_created, report.people_created) == (3, 3)
    assert describe_directory() == before


@pytest.mark.django_db
def test_csv_exports_of_each_sheet_import_back_the_same_directory(tmp_path):
    a_directory_with_history()
    before = describe_directory()
    sheets = ("organisations", "people", "enterprises")
    for sheet in sheets:
        export_directory(tmp_path / f"{sheet}.csv", sheet)

    empty_the_directory()
    reports = [import_directory(tmp_path / f"{sheet}.csv") for sheet in sheets]

    assert [report.errors for report in reports] == [[], [], []]
    assert describe_directory() == before


@pytest.mark.django_db
def test_the_people_sheet_has_a_row_per_affiliation_with_every_address(tmp_path):
    a_directory_with_history()
    path = tmp_path / "people.csv"

    export_directory(path, "people")

    rows = [row.cells for row in read_sheets(path)["people"]]
    chair_rows = [row for row in rows if row["name"] == "Mwanaisha Shabani"]
    assert [row["organisation"] for row in chair_rows] == [
        "Kilulu Orange Growers", "Muheza Fruit Growers Association"]
    assert chair_rows[0]["email"] == "kilulu.growers@example.org"
    assert chair_rows[0]["other_emails"] == (
        "mwanaisha@home.example.org; kilulu@cafe.example.net until 2009-12-31; "
        "mwanaisha@old.example.org until 2021-06-30")
    assert chair_rows[0]["place"] == "Tanzania / Tanga / Muheza / Kilulu"


@pytest.mark.django_db
def test_the_export_makes_the_same_number_of_queries_however_large_the_directory(tmp_path):
    a_directory_with_history()
    with CaptureQueriesContext(connection) as small:
        export_directory(tmp_path / "small.xlsx")
    union = Organisation.objects.get(name="Muheza Fruit Growers Association")
    for number in range(20):
        group = Organisation.objects.create(name=f"Group {number}", slug=f"group-{number}",
                                            kind="farmer_group", parent=union,
                                            place=union.place)
        group.enterprises.set(union.enterprises.all())
        person = Person.objects.create(name=f"Member {number}", slug=f"member-{number}")
        person.affiliations.create(organisation=group, role="member")
        person.email_addresses.create(address=f"member{number}@example.org", primary=True)

    with CaptureQueriesContext(connection) as large:
        export_directory(tmp_path / "large.xlsx")

    assert len(large) == len(small) <= 8


@pytest.mark.django_db
def test_a_csv_export_must_say_which_sheet_it_holds(tmp_path):
    with pytest.raises(SpreadsheetError, match="a CSV file holds one sheet"):
        export_directory(tmp_path / "directory.csv")


@pytest.mark.django_db(transaction=True)
def test_the_export_command_writes_the_file_or_exits_with_status_1(tmp_path, capsys):
    execute_from_command_line(["learnlink", "export_directory", str(tmp_path / "d.xlsx")])
    assert capsys.readouterr().out == f"Exported the directory to {tmp_path / 'd.xlsx'}\n"
    assert set(read_sheets(tmp_path / "d.xlsx")) == {"organisations", "people", "enterprises"}

    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["learnlink", "export_directory", str(tmp_path / "d.csv")])

    assert exit_.value.code == 1
    assert "say which, organisations or people or enterprises" in capsys.readouterr().err


FORMULA_NAME = "-2+3+cmd|' /C calc'!A0"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def test_a_subscribers_display_name_written_as_a_formula_is_text_in_the_directory_csv(
        mail_server, oranges, smtp_sink, tmp_path):
    """The name comes from the From header of a subscription by email, as a stranger sends it,
    and the export is read back with the csv module as Excel would split it."""
    address = "calc@example.net"
    subscribe = "muheza-oranges+subscribe@learnlink.localhost"
    mail_server.send(email_from(formataddr((FORMULA_NAME, address)), subscribe, "", "\n"),
                     subscribe)
    [ask] = smtp_sink.to(address)
    mail_server.send(email_from(address, str(ask["Reply-To"]), f"Re: {ask['Subject']}", "yes\n",
                                In_Reply_To=str(ask["Message-ID"])), str(ask["Reply-To"]))
    assert Person.objects.filter(name=FORMULA_NAME).exists()
    Person.objects.filter(name="Halima Omari").update(phone="+255 712 345 678")

    path = tmp_path / "people.csv"
    export_directory(path, "people")

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert not [cell for row in rows for cell in row if cell.startswith(DANGEROUS)]
    assert "'" + FORMULA_NAME in [row[0] for row in rows]
    assert "'+255 712 345 678" in [cell for row in rows for cell in row]
    people = read_sheets(path)["people"]  # and the import reads back what was there
    assert {row.get("name") for row in people} >= {FORMULA_NAME, "Halima Omari"}
