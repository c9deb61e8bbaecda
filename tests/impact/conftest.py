"""Fixtures of the impact tests: the Kenya demo alliance and the people around it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from learnlink.alliance.models import Alliance, Participant
from learnlink.impact.demo import load_demo
from learnlink.lib.spreadsheets import Table, write_sheets
from tests.conftest import PASSWORD, make_member


@pytest.fixture
def kenya(db: None) -> Alliance:
    load_demo()
    return Alliance.objects.get(slug="ciat-crs-east-africa")


@pytest.fixture
def kenya_coordinator(kenya: Alliance) -> User:
    user = make_member("coordinator", "Beatrice Achieng", "beatrice@example.org")
    Participant.objects.create(alliance=kenya, person=user.person, role="coordinator")
    return user


def signed_in(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def workbook(path: Path, **sheets: list[list[Any]]) -> Path:
    """An XLSX whose sheets are named by keyword; each sheet's first row is its header."""
    write_sheets(path, {name: Table(rows[0], [[str(cell) for cell in row] for row in rows[1:]])
                        for name, rows in sheets.items()})
    return path
