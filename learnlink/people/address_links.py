"""The links in mail about a person's address, and the mail that carries them.

A link to an address proves that it receives mail: opened from that mailbox, it either starts
delivery again (a probe, to an address that bounced) or confirms an address the person asked
for, or a mentor suggested (a new address). Opening it is the proof, so it acts on GET: a mail
scanner that opens it also proves the mail arrived. A probe never makes an address anyone's.

When an address changes, every old one is told, with a link to undo the change: whoever
changed it must not be able to keep it quietly.
"""

from __future__ import annotations

from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from learnlink.lib.links import absolute_url
from learnlink.people.models import Person
from learnlink.people.person_language import language_of

SALT = "learnlink.people.address"
UNDO_SALT = "learnlink.people.address-undo"
VALID_DAYS = 14
UNDO_DAYS = 30
PROBE, NEW = "probe", "new"


class BadAddressLink(Exception):
    """Why a link cannot act: 'expired', 'bad signature', 'no such person', 'taken', 'gone'
    (a probe's address is no longer the person's) or 'done' (undone already)."""


def address_link(person: Person, address: str, purpose: str) -> str:
    token = signing.dumps({"p": person.pk, "a": address.lower(), "k": purpose}, salt=SALT,
                          compress=True)
    return absolute_url("address_link", token)


def read_address_link(token: str) -> tuple[Person, str, str]:
    """The person, the address and the purpose (PROBE or NEW) a link was made for. Links made
    before they said their purpose are read as probes: they never change an address."""
    data = _read(token, SALT, VALID_DAYS)
    return _person(data["p"]), data["a"], NEW if data.get("k") == NEW else PROBE


def undo_link(person: Person, old: str, new: str) -> str:
    token = signing.dumps({"p": person.pk, "o": old, "n": new}, salt=UNDO_SALT, compress=True)
    return absolute_url("address_undo", token)


def read_undo_link(token: str) -> tuple[Person, str, str]:
    """The person, the old address to go back to, and the new one to end."""
    data = _read(token, UNDO_SALT, UNDO_DAYS)
    return _person(data["p"]), data["o"], data["n"]


def _read(token: str, salt: str, days: int) -> dict[str, str]:
    try:
        data: dict[str, str] = signing.loads(token, salt=salt, max_age=days * 24 * 3600)
    except signing.SignatureExpired:
        raise BadAddressLink("expired") from None
    except signing.BadSignature:
        raise BadAddressLink("bad signature") from None
    return data


def _person(pk: str | int) -> Person:
    person = Person.objects.filter(pk=pk).first()
    if person is None:
        raise BadAddressLink("no such person")
    return person


def send_address_link(person: Person, address: str, template: str, language: str,
                      **context: object) -> None:
    """`template` is 'probe' (is this address alive again?), 'new_address' (confirm the one
    you asked for) or 'suggested_address' (confirm the one your mentor found)."""
    purpose = PROBE if template == "probe" else NEW
    tell(address, template, language, person=person, address=address, days=VALID_DAYS,
         link=address_link(person, address, purpose), **context)


def tell(to: str, template: str, language: str, *, person: Person, **context: object) -> None:
    """A short mail about a person's address: `people/email/TEMPLATE.txt`, its first line the
    subject; in the person's language, else in `language` (that of whoever caused it)."""
    with translation.override(language_of(person) or language):
        text = render_to_string(f"people/email/{template}.txt", {"person": person, **context})
    subject, _blank, body = text.strip().partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", None, [to])
