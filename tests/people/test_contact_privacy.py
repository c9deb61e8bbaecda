"""Email addresses and phone numbers are for members of the network, never for the public."""

import pytest
from django.urls import reverse

ADDRESS = "kilulu.growers@example.org"
PHONE = "+255 700 000 101"


def pages(network):
    return [
        reverse("home"),
        reverse("people:directory"),
        network["growers"].get_absolute_url(),
        network["chair"].get_absolute_url(),
    ]


@pytest.mark.parametrize("language", ["en", "sw", "fr"])
def test_the_public_never_sees_an_email_address_or_phone(client, network, language):
    client.cookies["django_language"] = language
    for url in pages(network):
        page = client.get(url).content.decode()
        assert ADDRESS not in page and "@example" not in page, url
        assert PHONE not in page, url


def test_an_account_without_a_role_sees_no_contact_details(client, network, outsider):
    client.force_login(outsider)
    page = client.get(network["chair"].get_absolute_url()).content.decode()
    assert ADDRESS not in page and PHONE not in page


@pytest.mark.parametrize("persona", ["learner", "mentor", "coordinator", "staff"])
def test_members_see_the_contact_details_on_the_person_page(client, network, persona, request):
    client.force_login(request.getfixturevalue(persona))
    page = client.get(network["chair"].get_absolute_url()).content.decode()
    assert f'href="mailto:{ADDRESS}"' in page
    assert PHONE in page


def test_members_see_a_former_address_struck_through_with_its_end_date(client, network, mentor):
    import datetime

    from learnlink.people.addresses import change_address

    change_address(network["chair"], "mwanaisha@example.com", on=datetime.date(2010, 3, 1))
    client.force_login(mentor)
    page = client.get(network["chair"].get_absolute_url()).content.decode()
    assert f"<s>{ADDRESS}</s>" in page
    assert "used until 1 Mar 2010" in page
    assert 'href="mailto:mwanaisha@example.com"' in page
