"""Proving that an address receives mail: one link, clicked from the mailbox itself.

The same link serves two cases. A probe goes to an address that bounces stopped: clicking it
shows the mail arrived, so delivery starts again. A confirmation goes to a new address a member
asked for: clicking it makes the address theirs (the old one stays in their history).
Opening the link is the proof, so it acts on GET: a mail scanner that opens it also proves the
mail arrived.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from learnlink.people.addresses import change_address, enable
from learnlink.people.models import EmailAddress, Person
from learnlink.people.person_language import language_of

SALT = "learnlink.people.address"
VALID_DAYS = 14


class BadAddressLink(Exception):
    pass


def address_link(person: Person, address: str) -> str:
    token = signing.dumps({"p": person.pk, "a": address.lower()}, salt=SALT, compress=True)
    return settings.LEARNLINK_BASE_URL + reverse("address_link", args=[token])


def use_address_link(token: str) -> EmailAddress:
    """Enable the address again, or make it the person's new address."""
    try:
        data = signing.loads(token, salt=SALT, max_age=VALID_DAYS * 24 * 3600)
    except signing.SignatureExpired:
        raise BadAddressLink("expired") from None
    except signing.BadSignature:
        raise BadAddressLink("bad signature") from None
    person = Person.objects.filter(pk=data["p"]).first()
    if person is None:
        raise BadAddressLink("no such person")
    record = person.email_addresses.current().matching(data["a"]).first()
    if record is not None:
        enable(record)
        return record
    if EmailAddress.objects.current().matching(data["a"]).exists():
        # Given to someone else (by a mentor, say) between the mail and the click.
        raise BadAddressLink("taken")
    return change_address(person, data["a"], verified=True)


def send_address_link(person: Person, address: str, template: str, language: str) -> None:
    """`template` is 'probe' (is this address alive again?) or 'new_address' (confirm it);
    in the person's language, else in `language` (the one of whoever asked)."""
    context = {"person": person, "address": address, "link": address_link(person, address),
               "days": VALID_DAYS}
    with translation.override(language_of(person) or language):
        text = render_to_string(f"people/email/{template}.txt", context)
    subject, _blank, body = text.strip().partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", None, [address])
