"""`learnlink demo`: the demo network and accounts to try it with, loaded as often as you like."""

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from learnlink.alliance.models import Alliance
from learnlink.people import demo
from learnlink.people.demo import DEMO_PASSWORD, DemoAccount, DemoError, load_demo
from learnlink.people.models import Organisation, Person
from learnlink.people.roles import roles_of
from learnlink.web.management.commands import demo as demo_command
from tests.people.directory_helpers import describe_directory

ORGANISATIONS = """\
name,kind,place,enterprises,parent,description,website
Linking Local Learners,NGO,Tanzania / Arusha,mentoring,,,
CIAT Africa,research institute,Uganda / Central,,,,
Muheza Fruit Growers Association,association or cooperative,Tanzania / Tanga / Muheza,,,,
Kilulu Orange Growers,farmer group,Tanzania / Tanga / Muheza,oranges,,,
Amani Black Pepper Group,farmer group,Tanzania / Tanga / Muheza,black pepper,,,
"""
PEOPLE = """\
name,email,other_emails,organisation,role,place,languages,phone,about
Zuhura Shemdoe,zuhura@example.org,,Linking Local Learners,Mentor,,sw,,
Annet Kyomuhendo,annet@example.org,,CIAT Africa,learning alliance coordinator,,en,,
Halima Mbwambo,halima@example.net,,Muheza Fruit Growers Association,chairperson,,sw,,
Edwin Ndunguru,,,Kilulu Orange Growers,chairperson,,sw,,
Athumani Kaniki,athumani@example.net,,Kilulu Orange Growers,chairperson,,sw,,
Omari Semboja,omari@example.net,,Amani Black Pepper Group,chairperson,,sw,,
"""
ENTERPRISES = """\
name,name_sw,name_fr
oranges,machungwa,oranges
black pepper,pilipili manga,poivre noir
"""


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    (tmp_path / "organisations.csv").write_text(ORGANISATIONS)
    (tmp_path / "people.csv").write_text(PEOPLE)
    (tmp_path / "enterprises.csv").write_text(ENTERPRISES)
    return tmp_path


def everything() -> dict[str, Any]:
    users = sorted((u.username, u.password, u.is_staff, u.is_superuser,
                    sorted(u.groups.values_list("name", flat=True)),
                    getattr(getattr(u, "person", None), "pk", None))
                   for u in User.objects.all())
    return {**describe_directory(), "users": users}


@pytest.mark.django_db
def test_mentors_the_coordinator_and_the_first_farmer_group_chairperson_get_accounts(demo_dir):
    result = load_demo(demo_dir)

    assert result.accounts == [
        DemoAccount("admin", "staff"),
        DemoAccount("zuhura@example.org", "mentor"),
        DemoAccount("annet@example.org", "coordinator"),
        DemoAccount("athumani@example.net", "learner"),
    ]
    for account in result.accounts:
        user = authenticate(username=account.sign_in, password=DEMO_PASSWORD)
        assert user is not None, account
        assert account.role in roles_of(user)
    assert Person.objects.get(name="Zuhura Shemdoe").user.username == "zuhura@example.org"
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert Person.objects.get(name="Omari Semboja").user is None, "only the first chairperson"


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing_the_second_time(demo_dir):
    load_demo(demo_dir)
    before = everything()

    result = load_demo(demo_dir)

    assert everything() == before
    assert [report.summary() for report in result.reports] == [
        "Imported: 0 organisations created, 0 updated; 0 people created, 0 updated"] * 3


@pytest.mark.django_db
def test_demo_files_with_problems_stop_the_demo_and_leave_nothing_behind(demo_dir):
    (demo_dir / "people.csv").write_text(PEOPLE + "Bob,bob@,,,,,,,\n")

    with pytest.raises(DemoError, match=r"people row 8: 'bob@' is not a valid email address"):
        load_demo(demo_dir)

    assert not Organisation.objects.exists(), "the organisations file is undone too"
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_shipped_demo_network_loads_with_an_account_for_every_role():
    result = load_demo()

    assert Organisation.objects.filter(kind="farmer_group").exists()
    assert {account.role for account in result.accounts} == {
        "staff", "mentor", "coordinator", "learner"}
    for account in result.accounts:
        assert authenticate(username=account.sign_in, password=DEMO_PASSWORD) is not None


@pytest.mark.django_db
def test_the_demo_command_prints_the_sign_in_names_and_the_password(demo_dir, monkeypatch,
                                                                     settings):
    monkeypatch.setattr(demo, "DEMO_DIR", demo_dir)
    # The alliance demo needs the whole directory demo; tests/alliance load it for real.
    monkeypatch.setattr(demo_command, "load_alliance",
                        lambda: Alliance(slug="ciat-crs-east-africa"))
    # So do the mentors' records, drawn from its threads; tests/mentoring load them for real.
    monkeypatch.setattr(demo_command, "load_mentoring", list)
    # And the practices, which tests/knowledge load for real.
    monkeypatch.setattr(demo_command, "load_knowledge", list)
    settings.LEARNLINK_BASE_URL = "https://learn.example.org"
    out = StringIO()

    call_command("demo", stdout=out)

    lines = [line for line in out.getvalue().splitlines() if " imported=" not in line]
    assert lines == [
        "Imported: 5 organisations created, 0 updated; 0 people created, 0 updated",
        "Imported: 0 organisations created, 0 updated; 6 people created, 0 updated",
        "Imported: 0 organisations created, 0 updated; 0 people created, 0 updated; "
        "2 enterprises named in other languages",
        "",
        "Demo alliance: https://learn.example.org/alliances/ciat-crs-east-africa/",
        "",
        "Mail waiting to be sent (the demo's digests among it): https://learn.example.org/outbox/",
        "",
        "Sign in at https://learn.example.org/accounts/login/ with the password learnlink-demo as:",
        "  admin                 staff",
        "  zuhura@example.org    mentor",
        "  annet@example.org     coordinator",
        "  athumani@example.net  learner",
    ]


@pytest.mark.django_db
def test_the_demo_command_shows_every_problem_in_the_demo_files(demo_dir, monkeypatch):
    (demo_dir / "organisations.csv").write_text(ORGANISATIONS + "Kibo Seeds,seed company,,,,,\n")
    monkeypatch.setattr(demo, "DEMO_DIR", demo_dir)

    with pytest.raises(CommandError, match="organisations row 7: kind 'seed company' is not"):
        call_command("demo", stdout=StringIO())
