"""The impact table is a block of the alliance's dashboard and sheets of its export, through the
alliance app's sections (the dashboard itself is the alliance app's)."""

from __future__ import annotations

import io

import pytest
from django.template.loader import render_to_string
from openpyxl import load_workbook

from learnlink.alliance.export import export
from learnlink.alliance.models import Alliance
from learnlink.alliance.sections import sections

pytestmark = pytest.mark.django_db


def test_the_impact_section_shows_the_table_and_adds_its_sheets(kenya: Alliance) -> None:
    [impact] = [section for section in sections() if section.key == "impact"]
    html = render_to_string(impact.template, {"alliance": kenya, **impact.context(kenya)})
    assert '<th scope="row">Kitui</th>' in html and "cotton (not sold yet)" in html
    assert "140,653" in html
    workbook = load_workbook(io.BytesIO(export(kenya)))
    assert workbook.sheetnames[-3:] == ["impact", "by product", "by gender"]
    assert workbook["impact"]["G6"].value == "=SUM(G2:G5)"
