"""A small network for the peer finder: warehouse receipts in Mbeya and in Limuru (Kenya), a
mentor who asks about everything, a private mentors' room, and the mail they wrote."""

from __future__ import annotations

import datetime
import email.utils
from dataclasses import dataclass
from typing import Any

import pytest

from learnlink.exchange.importing import import_messages
from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Group, PostingPolicy
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.people.models import Enterprise, Organisation, Person, Place
from tests.conftest import email_from, make_person

WHEN = datetime.datetime(2024, 9, 14, 10, 21, tzinfo=datetime.UTC)
JOSEPH = "joseph.mshana@example.org"  # the `mentor` fixture


def mail(group: Group, sender: str, subject: str, body: str,
         date: datetime.datetime = WHEN) -> bytes:
    message = email_from(sender, group.address, subject, body)
    message.replace_header("Date", email.utils.format_datetime(date))
    return message.as_bytes()


def post(group: Group, sender: str, subject: str, body: str,
         date: datetime.datetime = WHEN) -> None:
    """A message through the real inbox, as the group's archive receives it."""
    receive(mail(group, sender, subject, body, date), [group.address], Source.PIPE)


def archive(group: Group, *messages: tuple[str, str, str]) -> None:
    """Many (sender, subject, text) at once, through the import a group's old archive takes."""
    import_messages(group, [mail(group, *message) for message in messages], processes=1)


@dataclass
class Peers:
    public: Group
    private: Group
    receipts: Enterprise
    mbonzo: Organisation
    limuru: Organisation
    jackson: Person
    wanjiru: Person
    tanzania: Place
    kenya: Place


@pytest.fixture
def peers(network: dict[str, Any], mentor: Any, learner: Any) -> Peers:
    """Jackson (Mbonzo Cooperative, Mbeya) explains warehouse receipts twice; Wanjiru
    (Limuru, Kenya) once; Joseph the mentor mentions them in six of his thirty messages."""
    tanzania = network["muheza"].parent.parent
    mbeya = Place.objects.create(name="Mbeya", kind="region", parent=tanzania)
    mbeya_district = Place.objects.create(name="Mbeya", kind="district", parent=mbeya)
    kenya = Place.objects.create(name="Kenya", kind="country")
    kiambu = Place.objects.create(name="Kiambu", kind="region", parent=kenya)
    limuru_place = Place.objects.create(name="Limuru", kind="district", parent=kiambu)
    receipts = Enterprise.objects.create(name="warehouse receipts", slug="warehouse-receipts",
                                         name_sw="stakabadhi za ghala",
                                         name_fr="récépissés d'entrepôt")
    maize = Enterprise.objects.create(name="maize", slug="maize", name_sw="mahindi",
                                      name_fr="maïs")
    mbonzo = Organisation.objects.create(name="Mbonzo Cooperative", slug="mbonzo-cooperative",
                                         kind="association", place=mbeya_district)
    mbonzo.enterprises.set([maize, receipts])
    limuru = Organisation.objects.create(name="Limuru Farmers Service Centre",
                                         slug="limuru-farmers-service-centre",
                                         kind="service_provider", place=limuru_place)
    limuru.enterprises.set([maize])
    jackson = make_person("Jackson Mwasomola", "jackson@example.net", mbonzo, "chairperson",
                          place=mbeya_district)
    wanjiru = make_person("Wanjiru Kamau", "wanjiru@example.net", limuru, "service provider",
                          place=limuru_place)
    public = create_group("stores", "Storing maize", policy=PostingPolicy.OPEN)
    private = create_group("mentors-room", "Mentors' room", private=True)
    add_member(private, "joseph.mshana@example.org", role="mentor")
    add_member(private, "halima@example.org")
    archive(public, (
        "jackson@example.net", "How our warehouse receipts work",
        "A member brings her maize to the warehouse, it is weighed and graded, and she gets a "
        "receipt. She can borrow against the warehouse receipt and wait for a better price."), (
        "jackson@example.net", "Re: How our warehouse receipts work",
        "The receipt names the farmer, the weight and the grade of her maize."), (
        "wanjiru@example.net", "Receipts in Limuru",
        "We started warehouse receipts for potatoes with two groups in Limuru."),
        *((JOSEPH, f"Meeting notes {n}",
           "We met on Saturday and talked about transport and the next visit."
           + (" Warehouse receipts came up again." if n < 6 else "")) for n in range(30)))
    return Peers(public, private, receipts, mbonzo, limuru, jackson, wanjiru, tanzania, kenya)
