"""A small library drawn from the demo network's stories, and threads to suggest it for."""

from __future__ import annotations

from typing import Any

import pytest

from learnlink.exchange.models import Group, Thread
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.mentoring.models import Resource, ResourceKind, Theme
from learnlink.mentoring.resources.library import save_resource
from learnlink.people.models import Enterprise
from tests.conftest import email_from

EXPERT_EMAIL = "hussein.lema@example.com"
EXPERT_PHONE = "+255 700 000 199"


def theme(slug: str, name: str, name_sw: str = "", name_fr: str = "") -> Theme:
    """The seeded theme; a test that flushes the database (mail over the wire) makes it again."""
    return Theme.objects.get_or_create(slug=slug, defaults={
        "name": name, "name_sw": name_sw, "name_fr": name_fr})[0]


def add(kind: str, title: str, text: str, enterprises: list[Enterprise],
        themes: list[Theme], **fields: Any) -> Resource:
    return save_resource(Resource(kind=kind, title=title, description=text, **fields),
                         enterprises, themes)


@pytest.fixture
def library(network: dict[str, Any]) -> dict[str, Resource]:
    receipts = Enterprise.objects.create(name="warehouse receipts", slug="warehouse-receipts",
                                         name_sw="stakabadhi za ghala",
                                         name_fr="récépissés d’entrepôt")
    info = Enterprise.objects.create(name="market information", slug="market-information",
                                     name_sw="taarifa za masoko")
    stores = theme("warehouse-receipts", "Warehouse receipts", "Stakabadhi za ghala",
                   "Récépissés d’entrepôt")
    brokering = theme("brokering-deals-with-buyers", "Brokering deals with buyers",
                      "Mapatano na wanunuzi", "Négociation d’accords avec les acheteurs")
    prices = theme("market-information", "Market information", "Taarifa za masoko",
                   "Information sur les marchés")
    return {
        "receipts": add(ResourceKind.GUIDE, "How the Mbonzo warehouse receipts work",
                        "The warehouse weighs every bag with the farmer watching, grades the "
                        "maize and writes name, weight and grade on the receipt. With it she "
                        "borrows from the SACCO while she waits for a better price.",
                        [receipts], [stores]),
        "board": add(ResourceKind.LINK, "Warehouse Receipt Regulatory Board (Tanzania)",
                     "Licenses and inspects warehouses and their operators.", [receipts],
                     [stores], url="https://www.wrrb.go.tz/"),
        "brokering": add(ResourceKind.GUIDE, "Brokering a deal with a big buyer",
                         "Grade before the lorry comes, collect on one day, agree the price "
                         "of each grade and the payment date in writing.",
                         [network["oranges"]], [brokering]),
        "radio": add(ResourceKind.CONTACT, "Hussein Lema",
                     "Reads the village price boards' prices on the community radio.", [info],
                     [prices], organisation="Community radio, Babati", email=EXPERT_EMAIL,
                     phone=EXPERT_PHONE),
    }


def start_thread(group: Group, subject: str, text: str,
                 sender: str = "halima@example.org") -> Thread:
    receive(email_from(sender, group.address, subject, text).as_bytes(), [group.address],
            Source.PIPE)
    return Thread.objects.filter(group=group).latest("pk")


@pytest.fixture
def receipts_thread(oranges: Group) -> Thread:
    return start_thread(oranges, "Could warehouse receipts work for our oranges?",
                        "In Mbeya the Mbonzo warehouse gives a receipt for stored maize and "
                        "farmers borrow against the receipt. Could a warehouse store our "
                        "oranges the same way?")
