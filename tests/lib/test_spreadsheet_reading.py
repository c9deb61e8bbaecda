"""Reading spreadsheets as programme officers' Excel really saves them, and reading back what we
write."""

import datetime

import pytest
from openpyxl import Workbook

from learnlink.lib.spreadsheets import Row, SpreadsheetError, Table, read_sheets, write_sheets


def test_a_semicolon_csv_with_a_byte_order_mark_reads_like_a_comma_separated_one(tmp_path):
    french = tmp_path / "french.csv"
    french.write_bytes("\ufeffName ; Enterprises\nCoopérative Amani;oranges, poivre\n"
                       .encode())
    english = tmp_path / "english.csv"
    english.write_text("name,enterprises\nAmani,oranges; pepper\n")

    assert read_sheets(french) == {
        "french": [Row(2, {"name": "Coopérative Amani", "enterprises": "oranges, poivre"})]}
    assert read_sheets(english) == {
        "english": [Row(2, {"name": "Amani", "enterprises": "oranges; pepper"})]}


def test_rows_keep_their_spreadsheet_numbers_when_blank_rows_are_skipped(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,phone\nAsha,1\n,\n\nJuma,2\n")

    rows = read_sheets(path)["people"]

    assert [(row.number, row.get("name")) for row in rows] == [(2, "Asha"), (5, "Juma")]
    assert rows[0].get("no such column") == ""


def test_xlsx_cells_read_as_the_text_a_person_typed(tmp_path):
    path = tmp_path / "sales.xlsx"
    workbook = Workbook()
    workbook.active.title = " Sales "
    for row in (["Group", "Kilos", "Price", "Sold on", None],
                ["  Amani  ", 1200.0, 0.25, datetime.date(2024, 3, 1), "ignored: no header"],
                [None, None, None, None, None]):
        workbook.active.append(row)
    workbook.save(path)

    assert read_sheets(path) == {"sales": [Row(2, {
        "group": "Amani", "kilos": "1200", "price": "0.25", "sold on": "2024-03-01"})]}


def test_unknown_and_unreadable_files_are_clear_errors(tmp_path):
    (tmp_path / "broken.xlsx").write_bytes(b"PK not really")
    (tmp_path / "latin1.csv").write_bytes("name\nCoopérative\n".encode("latin-1"))
    (tmp_path / "twice.csv").write_text("name,Name\nA,B\n")

    messages = []
    for name in ("list.ods", "missing.csv", "broken.xlsx", "latin1.csv", "twice.csv"):
        with pytest.raises(SpreadsheetError) as error:
            read_sheets(tmp_path / name)
        messages.append(str(error.value))

    assert messages == [
        "list.ods: cannot read a .ods file; use .csv or .xlsx",
        "missing.csv: cannot be read (no such file)",
        "broken.xlsx: cannot be read (it is not an Excel workbook)",
        "latin1.csv: cannot be read (it is not UTF-8 text; in Excel save it as 'CSV UTF-8')",
        "twice.csv, sheet twice: the column 'name' appears more than once",
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_what_is_written_reads_back_the_same_and_formulas_stay_text(tmp_path, suffix):
    path = tmp_path / f"notes{suffix}"
    write_sheets(path, {"notes": Table(["name", "about"], [["Asha", "=HYPERLINK(\"x\")"],
                                                          ["Chloé", ""]])})

    assert read_sheets(path) == {"notes": [Row(2, {"name": "Asha", "about": "=HYPERLINK(\"x\")"}),
                                           Row(3, {"name": "Chloé", "about": ""})]}
