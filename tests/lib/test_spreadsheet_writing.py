"""The one writer of the spreadsheets we hand out: text that a spreadsheet would run is written
so that it shows as text, in every format, and reads back as it was."""

import csv
import io

import pytest
from openpyxl import load_workbook

from learnlink.lib.spreadsheets import (
    Formatted,
    Formula,
    Table,
    csv_bytes,
    neutralised,
    restored,
    xlsx_bytes,
)

ATTACKS = ["=1+1", "+1+1", "-1+1", "@SUM(1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", ATTACKS)
def test_every_text_a_spreadsheet_would_run_gets_an_apostrophe_that_reading_takes_off(text):
    assert neutralised(text) == "'" + text
    assert restored(neutralised(text)) == text


def test_ordinary_text_and_an_apostrophe_of_its_own_are_left_alone():
    assert neutralised("Halima's group") == "Halima's group"
    assert restored("'quoted'") == "'quoted'"


def test_a_separator_inside_a_cell_never_starts_a_cell_of_its_own():
    """French Excel splits at semicolons: a cell 'Amani;=1+1' must stay one quoted cell."""
    text = csv_bytes(Table(["name", "count"], [["Amani;=1+1", 3], ["=1+1", -2]])).decode(
        "utf-8-sig")
    assert text.splitlines()[1] == '"Amani;=1+1",3'
    assert list(csv.reader(io.StringIO(text), delimiter=";"))[1] == ["Amani;=1+1,3"]
    assert list(csv.reader(io.StringIO(text)))[2] == ["'=1+1", "-2"]  # numbers stay numbers


def test_only_our_own_formulas_are_formulas_in_a_workbook():
    data = xlsx_bytes({"sheet": Table(["a"], [["=1+1"], [2], [Formatted(Formula("=SUM(A2:A3)"),
                                                                            "#,##0")]])})
    sheet = load_workbook(io.BytesIO(data))["sheet"]
    assert [(c.value, c.data_type) for c in sheet["A"]] == [
        ("a", "s"), ("'=1+1", "s"), (2, "n"), ("=SUM(A2:A3)", "f")]
    assert sheet["A4"].number_format == "#,##0" and sheet["A1"].font.bold

