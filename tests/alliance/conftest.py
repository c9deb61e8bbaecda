"""The demo alliance, loaded once per test from the directory demo and the alliance demo."""

from typing import Any

import pytest
from django.test import Client

from learnlink.alliance.demo import load_demo as load_alliance
from learnlink.alliance.models import Alliance
from learnlink.people.accounts import account_for
from learnlink.people.demo import load_demo
from learnlink.people.models import Person


@pytest.fixture
def demo(db: None) -> Alliance:
    load_demo()
    return load_alliance()


def sign_in(address: str) -> Client:
    """A browser signed in as the demo person with this address (given an account if needed)."""
    client = Client()
    client.force_login(account_for(Person.objects.get(email_addresses__address=address)))
    return client


@pytest.fixture
def coordinator_client(demo: Alliance) -> Any:
    return sign_in("annet.kyomuhendo@example.org")
