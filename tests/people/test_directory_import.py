"""Importing the directory from a programme officer's spreadsheet: all or nothing, never twice."""

import datetime

import pytest
from django.core.management import execute_from_command_line

from learnlink.people.directory_import import import_directory
from learnlink.people.models import (
    Affiliation,
    EmailAddress,
    Enterprise,
    Organisation,
    Person,
    Place,
)
from tests.people.directory_helpers import DATA, describe_directory, write_xlsx

ORGANISATION_HEADER = ["Name", "Kind", "Place", "Enterprises", "Parent", "Description",
                       "Website"]
PEOPLE_HEADER = ["name", "email", "other_emails", "organisation", "role", "place", "languages",
                 "phone", "about"]


def import_samples() -> None:
    for name in ("organisations.csv", "people.csv"):
        assert import_directory(DATA / name).errors == []


@pytest.mark.django_db
def test_a_csv_of_organisations_creates_each_with_its_place_enterprises_and_umbrella():
    report = import_directory(DATA / "organisations.csv")

    assert report.errors == []
    assert (report.organisations_created, report.organisations_updated) == (3, 0)
    growers = Organisation.objects.get(name="Kilulu Orange Growers")
    assert growers.kind == "farmer_group"
    assert growers.place.full_name() == "Kilulu, Muheza, Tanga, Tanzania"
    assert [p.kind for p in [*growers.place.ancestors(), growers.place]] == [
        "country", "region", "district", "ward"]
    assert sorted(e.name for e in growers.enterprises.all()) == ["black pepper", "oranges"]
    assert growers.parent.name == "Muheza Fruit Growers Association"
    assert growers.slug == "kilulu-orange-growers"
    union = growers.parent
    assert union.kind == "association"
    assert union.website == "https://www.muheza-fruit.example.org"
    assert union.place == growers.place.parent, "Muheza is created once, shared by both"
    assert Organisation.objects.get(name="Babati Market Spies").kind == "service_provider"


@pytest.mark.django_db
def test_a_csv_of_people_gives_them_current_and_former_addresses_and_their_roles():
    import_directory(DATA / "organisations.csv")

    report = import_directory(DATA / "people.csv")

    assert report.errors == []
    assert (report.people_created, report.people_updated) == (2, 0)
    chair = Person.objects.get(name="Mwanaisha Shabani")
    assert chair.primary_address().address == "kilulu.growers@example.org"
    former = chair.email_addresses.get(address="mwanaisha@old.example.org")
    assert (former.active_to, former.primary) == (datetime.date(2021, 6, 30), False)
    assert sorted(chair.affiliations.values_list("organisation__name", "role")) == [
        ("Kilulu Orange Growers", "chairperson"), ("Muheza Fruit Growers Association", "member")]
    assert (chair.languages, chair.phone) == ("sw, en", "+255 700 000 101")
    assert chair.place.full_name() == "Kilulu, Muheza, Tanga, Tanzania"
    spy = Person.objects.get(name="Daudi Tlatla")
    assert [a.address for a in spy.email_addresses.all()] == ["daudi@spies.example.net"]
    assert spy.affiliations.get().role == "market spy", "his two rows are one person"


@pytest.mark.django_db
def test_an_xlsx_with_both_sheets_imports_organisations_and_the_people_in_them(tmp_path):
    path = write_xlsx(tmp_path / "directory.xlsx", {
        "Organisations": [
            ORGANISATION_HEADER,
            ["Amani Black Pepper Group", "Farmer Group", "Tanzania / Tanga / Muheza / Amani",
             "black pepper", "Muheza Fruit Growers Association", None, None],
            ["Muheza Fruit Growers Association", "association", "Tanzania / Tanga / Muheza",
             None, None, None, "https://muheza.example.org"],
        ],
        "People": [
            PEOPLE_HEADER,
            ["Omari Semboja", "omari@example.net", "omari@cafe.example.net until 2020-01-31",
             "Amani Black Pepper Group", "chairperson", None, "sw", 255700000115, None],
        ],
        "Notes": [["Sent by the Tanga office"]],
    })

    report = import_directory(path)

    assert report.errors == []
    assert report.summary() == ("Imported: 2 organisations created, 0 updated; "
                                "1 people created, 0 updated")
    group = Organisation.objects.get(name="Amani Black Pepper Group")
    assert group.parent.name == "Muheza Fruit Growers Association", "the parent comes later"
    omari = Person.objects.get(name="Omari Semboja")
    assert omari.phone == "255700000115", "a number Excel stored as a number reads as typed"
    assert omari.affiliations.get().organisation == group
    assert set(omari.email_addresses.values_list("address", "active_to")) == {
        ("omari@example.net", None), ("omari@cafe.example.net", datetime.date(2020, 1, 31))}


@pytest.mark.django_db
def test_a_file_with_bad_rows_writes_nothing_and_names_every_bad_row_and_why(tmp_path):
    path = write_xlsx(tmp_path / "directory.xlsx", {
        "organisations": [
            ORGANISATION_HEADER,
            ["Kicheba Orange Growers", "farmer group", "Tanzania / Tanga / Muheza", "oranges",
             None, None, None],
            ["Kilulu Growers", "farmers", None, None, None, None, None],
            [None, "NGO", "Tanzania // Tanga", None, None, None, "not a website"],
            ["Kicheba Orange Growers", "farmer group", "Tanzania / Tanga", "oranges",
             None, None, None],
            ["Group A", "farmer group", None, None, "Group B", None, None],
            ["Group B", "farmer group", None, None, "Group A", None, None],
        ],
        "people": [
            PEOPLE_HEADER,
            ["Neema Lyimo", "neema@example.org", None, "Kicheba Orange Growers", "secretary",
             None, "sw", None, None],
            ["Bob", "bob@", "bob@old.example until 30/6/2021", "Foo", None, None, "Swahili",
             None, None],
            ["Neema Mushi", "neema@example.org", None, None, None, None, None, None, None],
            [None, None, None, None, "treasurer", None, None, None, None],
        ],
    })

    report = import_directory(path)

    assert report.errors == [
        "organisations row 3: kind 'farmers' is not one of: farmer group, producer marketing "
        "group, service provider, association or cooperative, NGO, research institute, buyer "
        "or processor, donor",
        "organisations row 4: name is required",
        "organisations row 4: place 'Tanzania // Tanga' has an empty level; write it like "
        "Tanzania / Tanga / Muheza",
        "organisations row 4: website 'not a website' is not a web address",
        "organisations row 5: 'Kicheba Orange Growers' is also on row 2, with different details",
        "organisations row 6: parent makes a loop: Group A → Group B → Group A",
        "organisations row 7: parent makes a loop: Group B → Group A → Group B",
        "people row 3: 'bob@' is not a valid email address",
        "people row 3: '30/6/2021' is not a date written like 2021-06-30",
        "people row 3: languages 'swahili': use codes like sw, en, fr",
        "people row 4: the name 'Neema Mushi' differs from 'Neema Lyimo' on row 2 for the same "
        "email neema@example.org",
        "people row 5: name is required",
    ]
    assert not Organisation.objects.exists()
    assert not Person.objects.exists()
    assert not Place.objects.exists()
    assert not Enterprise.objects.exists()


@pytest.mark.django_db
def test_people_in_organisations_that_exist_nowhere_are_refused(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,email,organisation,role\n"
                    "Bob Mollel,bob@example.org,Foo,chair\n"
                    "Asha Juma,asha@example.org,,treasurer\n")

    report = import_directory(path)

    assert report.errors == [
        "people row 2: organisation 'Foo' is neither in the directory nor in this file",
        "people row 3: role 'treasurer' is given without an organisation",
    ]


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing_the_second_time():
    import_samples()
    before = describe_directory()
    stamps = sorted(Person.objects.values_list("updated", flat=True))

    reports = [import_directory(DATA / name) for name in ("organisations.csv", "people.csv")]

    assert [r.summary() for r in reports] == [
        "Imported: 0 organisations created, 0 updated; 0 people created, 0 updated"] * 2
    assert describe_directory() == before
    assert sorted(Person.objects.values_list("updated", flat=True)) == stamps
    assert (Person.objects.count(), EmailAddress.objects.count(),
            Affiliation.objects.count()) == (2, 3, 3)


@pytest.mark.django_db
def test_an_edited_file_updates_only_what_it_changes_and_leaves_out_columns_alone(tmp_path):
    import_samples()
    edited = tmp_path / "people.csv"
    edited.write_text("name,email,other_emails,organisation,role\n"
                      "Mwanaisha Shabani,mwanaisha@new.example.org,"
                      "kilulu.growers@example.org until 2024-02-29,"
                      "Kilulu Orange Growers,treasurer\n")

    report = import_directory(edited)

    assert report.errors == []
    assert (report.people_created, report.people_updated) == (0, 1)
    chair = Person.objects.get(name="Mwanaisha Shabani")
    assert chair.primary_address().address == "mwanaisha@new.example.org"
    old = chair.email_addresses.get(address="kilulu.growers@example.org")
    assert (old.active_to, old.primary) == (datetime.date(2024, 2, 29), False)
    assert chair.affiliations.get(organisation__name="Kilulu Orange Growers").role == "treasurer"
    assert chair.affiliations.count() == 2, "an affiliation left out of the file stays"
    assert chair.phone == "+255 700 000 101", "a column left out of the file is not cleared"


@pytest.mark.django_db
def test_a_person_is_recognised_by_an_address_they_no_longer_use(tmp_path):
    import_samples()
    path = tmp_path / "people.csv"
    path.write_text("name,email,phone\nMwanaisha Shabani,mwanaisha@old.example.org,+255 1\n")

    report = import_directory(path)

    assert (report.people_created, report.people_updated) == (0, 1)
    assert Person.objects.get(name="Mwanaisha Shabani").phone == "+255 1"


@pytest.mark.django_db
def test_a_shared_address_someone_gave_up_does_not_make_them_its_current_user(tmp_path):
    import_samples()
    path = tmp_path / "people.csv"
    path.write_text("name,email,other_emails\n"
                    "Rehema Sulle,rehema@example.net,daudi@spies.example.net until 2020-12-31\n")

    report = import_directory(path)

    assert (report.people_created, report.people_updated) == (1, 0)
    spy = Person.objects.get(name="Daudi Tlatla")
    assert spy.email_addresses.get().active_to is None, "still Daudi's, untouched"
    rehema = Person.objects.get(name="Rehema Sulle")
    assert rehema.email_addresses.get(address="daudi@spies.example.net").active_to == (
        datetime.date(2020, 12, 31))


@pytest.mark.django_db
def test_rows_without_an_email_need_a_name_only_one_person_in_the_file_has(tmp_path):
    path = tmp_path / "directory.xlsx"
    write_xlsx(path, {"people": [
        PEOPLE_HEADER,
        ["Grace Amuge", "grace@example.net", None, None, None, None, None, None, None],
        ["Grace Amuge", "amuge@example.org", None, None, None, None, None, None, None],
        ["Grace Amuge", None, None, None, None, None, "teo", None, None],
    ]})

    assert import_directory(path).errors == [
        "people row 4: several people in this file are called 'Grace Amuge'; give the email "
        "address to say which"]


@pytest.mark.django_db
def test_an_address_another_person_uses_now_is_refused(tmp_path):
    import_samples()
    path = tmp_path / "people.csv"
    path.write_text("name,email,other_emails\n"
                    "Daudi Tlatla,daudi@spies.example.net,kilulu.growers@example.org\n")

    report = import_directory(path)

    assert report.errors == [
        "people row 2: kilulu.growers@example.org is the current address of Mwanaisha Shabani"]


@pytest.mark.django_db
def test_an_umbrella_that_would_end_up_inside_its_own_member_is_refused(tmp_path):
    import_samples()
    path = tmp_path / "organisations.csv"
    path.write_text("name;kind;parent\n"
                    "Muheza Fruit Growers Association;association;Kilulu Orange Growers\n")

    report = import_directory(path)

    assert report.errors == [
        "organisations row 2: parent makes a loop: Muheza Fruit Growers Association → "
        "Kilulu Orange Growers → Muheza Fruit Growers Association"]
    assert Organisation.objects.get(name="Muheza Fruit Growers Association").parent is None


@pytest.mark.django_db
def test_files_the_import_cannot_read_are_reported_as_errors(tmp_path):
    (tmp_path / "list.txt").write_text("name,kind\n")
    (tmp_path / "broken.xlsx").write_text("not a workbook")
    (tmp_path / "phones.csv").write_text("name,phone\nAsha,+255\n")
    write_xlsx(tmp_path / "sheet1.xlsx", {"Sheet1": [["name"], ["Asha"]]})

    errors = [import_directory(tmp_path / name).errors
              for name in ("list.txt", "broken.xlsx", "phones.csv", "sheet1.xlsx")]

    assert errors == [
        ["list.txt: cannot read a .txt file; use .csv or .xlsx"],
        ["broken.xlsx: cannot be read (it is not an Excel workbook)"],
        ["phones.csv: the first row needs a 'kind' column (a list of organisations), an "
         "'email' column (a list of people) or a 'name_sw' or 'name_fr' column (enterprises' "
         "names)"],
        ["sheet1.xlsx: has no sheet named organisations or people or enterprises"],
    ]


@pytest.mark.django_db
def test_a_misspelt_or_missing_column_is_named(tmp_path):
    path = tmp_path / "organisations.csv"
    path.write_text("name,kind,adress\nAmani Group,farmer group,Amani\n")
    people = tmp_path / "people.csv"
    people.write_text("email,role\nasha@example.org,chair\n")

    assert import_directory(path).errors == [
        "organisations row 1: unknown column 'adress'; the columns are name, kind, place, "
        "enterprises, parent, description, website"]
    assert import_directory(people).errors == ["people row 1: the column 'name' is missing"]


@pytest.mark.django_db(transaction=True)
def test_the_import_command_prints_what_it_created(capsys):
    execute_from_command_line(["learnlink", "import_directory",
                               str(DATA / "organisations.csv")])

    assert capsys.readouterr().out == (
        "Imported: 3 organisations created, 0 updated; 0 people created, 0 updated\n")


@pytest.mark.django_db(transaction=True)
def test_the_import_command_prints_every_problem_and_exits_with_status_1(tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_text("name,email\nBob,bob@\n,asha@example.org\n")

    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["learnlink", "import_directory", str(path)])

    assert exit_.value.code == 1
    assert capsys.readouterr().err == (
        "people row 2: 'bob@' is not a valid email address\n"
        "people row 3: name is required\n"
        "CommandError: Nothing imported: 2 problems to fix first.\n")
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_an_enterprises_sheet_names_them_in_kiswahili_and_french_for_their_readers(client):
    import_samples()
    report = import_directory(DATA / "enterprises.csv")
    assert report.errors == []
    assert report.enterprises_named == 3

    shown = {}
    for language in ("en", "sw", "fr"):
        client.cookies["django_language"] = language
        page = client.get(Organisation.objects.get(name="Babati Market Spies")
                          .get_absolute_url()).content.decode()
        directory = client.get("/directory/").content.decode()
        shown[language] = [name in directory for name in (
            "machungwa", "pilipili manga", "poivre noir", "black pepper")], page
    assert shown["sw"][0] == [True, True, False, False]
    assert shown["fr"][0] == [False, False, True, False], "oranges stay oranges in French"
    assert shown["en"][0] == [False, False, False, True]
    assert "taarifa za masoko" in shown["sw"][1]
    assert "market information" in shown["fr"][1], "no French name: the English one"


@pytest.mark.django_db
def test_an_enterprise_given_two_sets_of_names_is_refused_and_nothing_changes(tmp_path):
    import_samples()
    path = tmp_path / "enterprises.csv"
    path.write_text("name,name_sw\noranges,machungwa\nOranges,michungwa\n")

    report = import_directory(path)

    assert report.errors == ["enterprises row 3: 'Oranges' is also on row 2, with other names"]
    assert Enterprise.objects.get(name="oranges").name_sw == ""
