"""The demo's learning contracts: each group with learner organisations has the contract of its
current cycle, which began the month its exchange did. Its first mentor drafted it with the
five commitments, in the group's language, and offered it a few days in; the organisations
agreed over the next days by replying "Nakubali" (the Kiswahili groups) or "I agree" (the
English ones), each reply stored and routed by the real inbox as any mail is. Ruaha Mbuyuni's
onion growers, who read the market spies' group once a week, have not answered: the mentors'
dashboard shows it. Loading again changes nothing.
"""

from __future__ import annotations

import datetime
import email.utils
from email.mime.text import MIMEText

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from learnlink.exchange.models import Group, Message, Role
from learnlink.mail.inbox import process, receive
from learnlink.mail.models import Source
from learnlink.mentoring.contracts import actions
from learnlink.mentoring.contracts.offering import Party, parties
from learnlink.mentoring.models import Contract, ContractAgreement, ContractOffer
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Person

SILENT = "Ruaha Mbuyuni Onion Growers Group"
OFFERED_AFTER = datetime.timedelta(days=3, hours=10)
AGREEMENT = {"sw": "Nakubali.", "en": "I agree."}
GREETING = {"sw": "Habari {mentor},", "en": "Dear {mentor},"}


def load_contracts() -> str:
    for group in Group.objects.order_by("slug"):
        _contract_of(group)
    return (f"contracts: {Contract.objects.count()} ({ContractOffer.objects.count()} "
            f"organisations offered, {ContractAgreement.objects.count()} agreed)")


def _contract_of(group: Group) -> None:
    """Draft, offer and agree the group's contract, unless it has one or nothing to offer
    it to (the mentors' room, a test's small directory)."""
    first = Message.objects.filter(group=group, date__isnull=False).order_by("date").first()
    mentor = (Person.objects.filter(memberships__group=group, memberships__role=Role.MENTOR)
              .order_by("memberships__pk").first())
    offered_to = parties(group)
    if first is None or mentor is None or not offered_to or group.contracts.exists():
        return
    starts = timezone.localdate(first.date).replace(day=1)
    with translation.override(group.language):
        terms = actions.Terms(_("Learning contract %(year)s") % {"year": starts.year}, starts,
                              starts.replace(year=starts.year + 1) - datetime.timedelta(days=1),
                              actions.default_commitments())
    contract = actions.draft(group, terms, mentor)
    sent = timezone.make_aware(datetime.datetime.combine(starts, datetime.time())) + \
        OFFERED_AFTER
    for offer, party in zip(actions.offer(contract, mentor, sent), offered_to,
                            strict=True):
        if party.organisation.name != SILENT:
            _reply(offer, party, mentor, group.language)


def _reply(offer: ContractOffer, party: Party, mentor: Person, language: str) -> None:
    """The organisation's first contact agrees, a few days after the offer, from their mail
    program, to the offer's reply address."""
    contact = party.contacts[0]
    address = delivery_address(contact) or ""
    days = 1 + offer.organisation_id % 9
    written = offer.sent + datetime.timedelta(days=days, hours=days)
    text = (f"{GREETING[language].format(mentor=mentor.name.split()[0])}\n\n"
            f"{AGREEMENT[language]}\n\n{contact.name}\n{party.organisation.name}\n")
    mail = MIMEText(text, "plain", "utf-8")
    mail["From"] = email.utils.formataddr((contact.name, address))
    mail["To"] = offer.address
    mail["Subject"] = f"Re: {offer.contract.title}"
    mail["Date"] = email.utils.format_datetime(written)
    mail["Message-ID"] = email.utils.make_msgid(domain=address.rpartition("@")[2])
    for inbound in receive(mail.as_bytes(), [offer.address], Source.PIPE, envelope_from=address,
                           process=False):
        process(inbound)
