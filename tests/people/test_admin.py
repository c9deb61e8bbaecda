"""A mentor keeping contacts current finds people and organisations in the admin."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

MODELS = ["people_place", "people_enterprise", "people_organisation", "people_person",
          "people_emailaddress", "exchange_group", "exchange_membership", "exchange_thread",
          "exchange_message", "exchange_heldmessage", "exchange_bannedaddress",
          "mail_inboundmessage"]


@pytest.fixture
def admin_client(client, network, oranges):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x"))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_every_directory_list_opens_searches_and_adds(admin_client, model):
    changelist = reverse(f"admin:{model}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "Muheza"}).status_code == 200
    adding = admin_client.get(reverse(f"admin:{model}_add")).status_code
    assert adding == (403 if model == "mail_inboundmessage" else 200), "the inbox is read-only"


def test_searching_people_by_an_old_address_finds_them(admin_client, network):
    import datetime

    from learnlink.people.addresses import change_address

    change_address(network["chair"], "mwanaisha@example.com", on=datetime.date(2010, 3, 1))
    page = admin_client.get(reverse("admin:people_person_changelist"),
                            {"q": "kilulu.growers@example.org"}).content.decode()
    assert "Mwanaisha Shabani" in page


def test_organisations_filter_by_kind(admin_client, network):
    page = admin_client.get(reverse("admin:people_organisation_changelist"),
                            {"kind__exact": "service_provider"}).content.decode()
    assert "Babati Market Spies" in page and "Kilulu Orange Growers" not in page
