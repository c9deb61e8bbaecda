"""The organisation directory: filters by place, kind and enterprise, pages of bounded cost."""

from django.urls import reverse

from learnlink.people.models import Organisation


def listed(client, **params) -> str:
    return client.get(reverse("people:directory"), params).content.decode()


def test_filtering_by_region_finds_the_groups_in_its_districts(client, network):
    page = listed(client, place=network["tanga"].pk)
    assert "Kilulu Orange Growers" in page
    assert "Babati Market Spies" not in page


def test_filtering_by_kind_and_enterprise(client, network):
    assert "Babati Market Spies" in listed(client, kind="service_provider")
    assert "Kilulu Orange Growers" not in listed(client, kind="service_provider")
    page = listed(client, enterprise="oranges")
    assert "Kilulu Orange Growers" in page and "Babati Market Spies" not in page


def test_a_filter_that_matches_nothing_says_so(client, network):
    assert "No organisation matches these filters." in listed(client, q="cashew")


def test_an_unknown_filter_value_is_an_error_on_the_form_not_a_crash(client, network):
    response = client.get(reverse("people:directory"), {"kind": "bank", "place": "x"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_directory_is_paginated_and_keeps_the_filters(client, network,
                                                          django_assert_max_num_queries):
    Organisation.objects.bulk_create(
        Organisation(name=f"Songea Maize Group {n:02}", slug=f"songea-maize-{n:02}",
                     kind="farmer_group", place=network["muheza"])
        for n in range(60)
    )
    with django_assert_max_num_queries(8):
        first = listed(client, kind="farmer_group")
    assert "Page 1 of 3" in first
    assert 'href="?kind=farmer_group&amp;page=2"' in first
    third = listed(client, kind="farmer_group", page=3)
    assert "Songea Maize Group 59" in third and "Page 3 of 3" in third


def test_the_organisation_page_shows_place_enterprises_umbrella_and_people(client, network):
    page = client.get(network["growers"].get_absolute_url()).content.decode()
    assert "Muheza, Tanga, Tanzania" in page
    assert "oranges" in page and "black pepper" in page
    assert "Muheza Fruit Growers Association" in page
    assert "Mwanaisha Shabani" in page and "chairperson" in page


def test_an_umbrella_association_lists_its_member_groups(client, network):
    page = client.get(network["union"].get_absolute_url()).content.decode()
    assert "Member organisations" in page and "Kilulu Orange Growers" in page


def test_an_unknown_organisation_is_not_found(client, db):
    assert client.get("/directory/organisations/nobody/").status_code == 404
