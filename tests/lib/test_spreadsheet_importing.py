"""The one row loop and the one all-or-nothing import that the directory and the impact tables
both use: every row checked, every problem named by sheet and row, nothing kept if any is bad."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from learnlink.lib.spreadsheets import (
    Book,
    CellError,
    RowErrors,
    SheetFormat,
    Sheets,
    cells,
    import_all_or_nothing,
    read_rows,
)


def _whole(column: str) -> cells.Parser:
    count = cells.count(column)

    def parse(value: str) -> int | None:
        if value == "13":
            raise CellError(f"{column} 13 is unlucky")
        return count(value)

    return parse


GROUPS = SheetFormat("groups", {"name": cells.text("name", Group, required=True),
                                "members": _whole("members"), "since": cells.date},
                     required=("name",))
BOOK = Book(("groups", "notes"), lambda header: "groups" if "name" in header else None,
            "a 'name' column (groups)")


def _write_groups(sheets: Sheets, errors: RowErrors) -> None:
    """Writes each good row as it goes, as the impact import writes targets before sales."""
    for row in read_rows(GROUPS, sheets.get("groups", []), errors):
        Group.objects.create(name=row.values["name"])


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "groups.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_one_bad_row_names_every_bad_cell_of_it_and_keeps_nothing_the_good_rows_wrote(tmp_path):
    path = _csv(tmp_path, "name,members,since\nAmani,12,2021-06-30\n,13,June\n"
                          "Tumaini,-1,2021-07-01\n")

    errors = import_all_or_nothing(path, BOOK, _write_groups)

    assert errors == [
        "groups row 3: name is required",
        "groups row 3: members 13 is unlucky",
        "groups row 3: 'June' is not a date written like 2021-06-30",
        "groups row 4: members '-1' is negative",
    ]
    assert not Group.objects.filter(name="Amani").exists(), "written, then rolled back"


@pytest.mark.django_db
def test_a_file_without_problems_is_written(tmp_path):
    path = _csv(tmp_path, "name,members,since\nAmani,1,2021-06-30\nTumaini,2,2021-07-01\n")

    assert import_all_or_nothing(path, BOOK, _write_groups) == []
    assert Group.objects.filter(name__in=["Amani", "Tumaini"]).count() == 2


def test_a_file_the_book_cannot_place_is_one_clear_error(tmp_path):
    assert import_all_or_nothing(_csv(tmp_path, "title\nAmani\n"), BOOK, _write_groups) == [
        "groups.csv: the first row needs a 'name' column (groups)"]
    assert import_all_or_nothing(tmp_path / "groups.ods", BOOK, _write_groups) == [
        "groups.ods: cannot read a .ods file; use .csv or .xlsx"]


@pytest.mark.django_db
def test_unknown_columns_are_refused_unless_the_sheet_takes_the_officers_own(tmp_path):
    [rows] = BOOK.read(_csv(tmp_path, "name,adress\nAmani,Box 12\n")).values()
    names = {"name": cells.text("name", Group, required=True)}
    strict, lenient = RowErrors(BOOK.sheets), RowErrors(BOOK.sheets)

    read_rows(SheetFormat("groups", names, ("name",)), rows, strict)
    assert strict.lines() == ["groups row 1: unknown column 'adress'; the columns are name"]
    read = read_rows(SheetFormat("groups", names, ("name",), other_columns=True), rows, lenient)
    assert [(row.number, row.values) for row in read] == [(2, {"name": "Amani"})]
    assert not lenient


def test_a_missing_required_column_reads_no_rows_and_says_which(tmp_path):
    [rows] = BOOK.read(_csv(tmp_path, "members,name\n3,Amani\n")).values()
    errors = RowErrors(BOOK.sheets)

    assert read_rows(SheetFormat("groups", GROUPS.cells, ("name", "since")), rows, errors) == []
    assert errors.lines() == ["groups row 1: the column 'since' is missing"]
