"""A person's addresses change; their old mail must still be theirs."""

import datetime
import email
import email.policy
import email.utils
from pathlib import Path

from learnlink.people.addresses import change_address, current_holder, person_for_address
from learnlink.people.models import EmailAddress

MAIL = Path(__file__).resolve().parent.parent / "data" / "mail"


def sender_of(raw: bytes) -> tuple[str, datetime.date]:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    _name, address = email.utils.parseaddr(str(message["From"]))
    return address, email.utils.parsedate_to_datetime(str(message["Date"])).date()


def test_mail_from_an_old_address_is_still_attributed_to_its_person(network):
    chair = network["chair"]
    change_address(chair, "kilulu.cafe@example.net", on=datetime.date(2003, 2, 1))
    change_address(chair, "kilulu.growers@example.org", on=datetime.date(2006, 5, 1))

    address, sent_on = sender_of((MAIL / "from-old-address.eml").read_bytes())

    assert person_for_address(address, on=sent_on) == chair
    assert person_for_address(address) == chair, "mail sent today from the old address too"


def test_changing_address_keeps_the_old_one_with_its_end_date(network):
    chair = network["chair"]
    change_address(chair, "mwanaisha@example.com", on=datetime.date(2010, 3, 1))

    old = EmailAddress.objects.get(address="kilulu.growers@example.org")
    new = EmailAddress.objects.get(address="mwanaisha@example.com")
    assert (old.active_to, old.primary) == (datetime.date(2010, 3, 1), False)
    assert (new.active_from, new.primary) == (datetime.date(2010, 3, 1), True)
    assert chair.primary_address() == new


def test_an_address_passed_on_to_someone_else_names_whoever_held_it_that_day(network):
    from tests.conftest import make_person

    chair = network["chair"]
    change_address(chair, "mwanaisha@example.com", on=datetime.date(2010, 3, 1))
    successor = make_person("Rehema Kombo", None, network["growers"], "secretary")
    change_address(successor, "kilulu.growers@example.org", on=datetime.date(2011, 1, 1))

    assert person_for_address("Kilulu.Growers@example.org", on=datetime.date(2005, 6, 1)) == chair
    assert person_for_address("kilulu.growers@example.org") == successor
    assert current_holder("kilulu.growers@example.org") == successor


def test_an_address_no_longer_in_use_cannot_sign_in(network):
    chair = network["chair"]
    change_address(chair, "mwanaisha@example.com", on=datetime.date(2010, 3, 1))

    assert current_holder("kilulu.growers@example.org") is None
    assert person_for_address("nobody@example.org") is None
