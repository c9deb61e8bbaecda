"""A small hand-made archive of the orange growers' group for the contract monitor: five
organisations under the group's 2026 contract, one learner group that did not agree and a
community radio that observes, writing in January to March 2026 through the real inbox.

In March 2026, by the monitor's rule:
- Kilulu Orange Growers kept it: a plan, an achievement, and Babati's question answered in
  three hours;
- Babati Market Spies is slipping: it wrote, but Mkinga's question to it waits unanswered;
- Tanga Dairy Group is slipping: it wrote in February, not in March;
- Magugu Rice Irrigators broke it: nothing since January;
- Mkinga Farmers (inner circle, no agreement) and Tanga Community Radio (observer) have no
  contract."""

from __future__ import annotations

import datetime
import email.utils
import itertools
from typing import Any

import pytest

from learnlink.exchange.models import Membership, Message
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.mentoring.labels.labelling import label_new_messages
from learnlink.mentoring.models import MessageLabels
from learnlink.mentoring.models.contracts import (
    CommitmentKind,
    Contract,
    ContractAgreement,
)
from learnlink.people.models import Organisation
from tests.conftest import email_from, make_member, make_person

NAIROBI = datetime.timezone(datetime.timedelta(hours=3))
_numbers = itertools.count()


def at(month: int, day: int, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(2026, month, day, hour, tzinfo=NAIROBI)


def post(group: Any, sender: str, subject: str, body: str, when: datetime.datetime,
         reply_to: Message | None = None, labels: tuple[str, ...] = ()) -> Message:
    """Mail to the group through the real inbox, dated `when`; its labels as a mentor set
    them (the labeller's guess is not what these tests check)."""
    headers = {}
    if reply_to is not None:
        headers = {"In_Reply_To": f"<{reply_to.message_id}>",
                   "References": f"<{reply_to.message_id}>"}
    message = email_from(sender, group.address, subject, body, **headers)
    del message["Date"], message["Message-ID"]
    message["Date"] = email.utils.format_datetime(when)
    message["Message-ID"] = f"<monitor-{next(_numbers)}@example.net>"
    receive(message.as_bytes(), [group.address], Source.PIPE)
    archived = Message.objects.get(group=group, message_id=message["Message-ID"].strip("<>"))
    label_new_messages()
    row = MessageLabels.objects.get(message=archived)
    row.set_labels(labels)
    row.save()
    return archived


def organisation(name: str, kind: str = "farmer_group") -> Organisation:
    from django.utils.text import slugify

    return Organisation.objects.create(name=name, slug=slugify(name), kind=kind)


@pytest.fixture
def archive(network: dict[str, Any], oranges: Any, mentor: Any) -> dict[str, Any]:
    growers, spies = network["growers"], network["spies"]
    magugu, dairy = organisation("Magugu Rice Irrigators"), organisation("Tanga Dairy Group")
    mkinga = organisation("Mkinga Farmers")
    radio = organisation("Tanga Community Radio", "service_provider")
    make_person("Daudi Tlatla", "daudi.tlatla@example.net", spies, "market spy")
    make_person("Rehema Mollel", "rehema@example.net", magugu, "secretary")
    make_person("Neema Mushi", "neema@example.net", dairy, "chairperson")
    make_person("Juma Bakari", "juma@example.net", mkinga, "chairperson")
    make_person("Salma Issa", "salma@example.net", radio, "presenter")
    for member in (spies, magugu, dairy, mkinga):
        Membership.objects.create(group=oranges, organisation=member)
    Membership.objects.create(group=oranges, organisation=radio, role="observer")

    contract = Contract.objects.create(group=oranges, title="Muheza learning contract 2026",
                                       starts=datetime.date(2026, 1, 1),
                                       ends=datetime.date(2026, 12, 31),
                                       created_by=mentor.person)
    for position, kind in enumerate(CommitmentKind):
        contract.commitments.create(position=position, text=kind.label, kind=kind)
    for member in (growers, spies, magugu, dairy):
        ContractAgreement.objects.create(
            contract=contract, organisation=member, agreed_by=member.affiliations.first().person,
            agreed=at(1, 5) - datetime.timedelta(days=20), via="mail")

    kilulu, daudi = "kilulu.growers@example.org", "daudi.tlatla@example.net"
    post(oranges, kilulu, "Our grading shed", "We built the grading shed.", at(1, 10))
    post(oranges, "rehema@example.net", "Rice seedlings", "Our nursery is ready.", at(1, 12))
    post(oranges, kilulu, "Buyers from Dar", "The buyers came on Monday.", at(2, 3))
    post(oranges, "neema@example.net", "Milk collection", "We collect milk at dawn.", at(2, 9))
    post(oranges, kilulu, "Plan for April", "We plan to sell together in April.", at(3, 2),
         labels=("plan",))
    prices = post(oranges, daudi, "Rice prices at Babati", "Rice sells at 1,200 a kilo.",
                  at(3, 1), labels=("information",))
    asked = post(oranges, daudi, "Grading", "How do you grade your oranges before the lorry "
                 "comes?", at(3, 5, 10), labels=("question",))
    post(oranges, kilulu, "Re: Grading", "In three sizes, by hand, the day before.",
         at(3, 5, 13), reply_to=asked, labels=("answer",))
    post(oranges, kilulu, "We sold together", "We sold 4 tonnes together at a better price.",
         at(3, 20), labels=("achievement",))
    post(oranges, "juma@example.net", "Re: Rice prices at Babati",
         "Could you send us the prices at Magugu too?", at(3, 10), reply_to=prices,
         labels=("question",))
    oranges.observers_may_post = True  # else the radio's mail would wait for a mentor
    oranges.save(update_fields=["observers_may_post"])
    post(oranges, "salma@example.net", "Radio programme", "We will read your prices on air.",
         at(3, 12))
    learner = make_member(None, "Said Mfinanga", "said@example.net")
    Membership.objects.create(group=oranges, person=learner.person, role="observer")
    return {"group": oranges, "contract": contract, "growers": growers, "spies": spies,
            "magugu": magugu, "dairy": dairy, "mkinga": mkinga, "radio": radio,
            "observer": learner}
