"""The demo's contracts load through the real paths: offered by the demo's mentors, agreed by
the organisations' replies through the inbox, one organisation silent (on the dashboard)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from learnlink.exchange.demo import load_demo as load_exchange
from learnlink.exchange.models import Group
from learnlink.mail.models import InboundMessage, State
from learnlink.mentoring.contracts.concern import unanswered
from learnlink.mentoring.contracts.demo import load_contracts
from learnlink.mentoring.models import AgreedVia, Contract, ContractAgreement
from learnlink.people.demo import load_demo as load_people

LINE = "contracts: 5 (31 organisations offered, 30 agreed)"


@pytest.mark.django_db
def test_the_demo_groups_contracts_are_agreed_by_mail_but_one():
    load_people()
    load_exchange()
    assert load_contracts() == LINE
    assert load_contracts() == LINE, "loading again changes nothing"

    oranges = Contract.objects.get(group__slug="oranges-muheza")
    assert oranges.title == "Mkataba wa kujifunza 2026"
    assert oranges.commitments.first().text == "Kushirikisha taarifa yoyote yenye manufaa"
    kicheba = ContractAgreement.objects.get(contract=oranges,
                                            organisation__name="Kicheba Orange Growers Group")
    assert (kicheba.agreed_by.name, kicheba.via) == ("Athumani Kaniki", AgreedVia.MAIL)
    offer = oranges.offers.get(organisation=kicheba.organisation)
    assert offer.sent < kicheba.agreed < timezone.now(), "dated as the reply was written"
    assert ContractAgreement.objects.filter(via=AgreedVia.MAIL).count() == 30
    assert InboundMessage.objects.filter(recipient__startswith="contract-",
                                         state=State.DONE).count() == 30

    [silent] = unanswered(Group.objects.all(), timezone.now())
    assert silent.organisation.name == "Ruaha Mbuyuni Onion Growers Group"
    spies = Group.objects.get(slug="market-spies")
    agreed = ContractAgreement.objects.filter(contract__group=spies)
    assert "Ruaha Mbuyuni Onion Growers Group" not in {a.organisation.name for a in agreed}
    assert agreed.count() == 4
