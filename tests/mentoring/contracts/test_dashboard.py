"""The mentor's dashboard lists the organisations offered a contract 14 days ago or more that
have not answered, while the contract runs."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from learnlink.mentoring.contracts import actions
from learnlink.mentoring.models import AgreedVia, ContractOffer


def test_an_offer_unanswered_after_14_days_is_on_the_mentors_dashboard(
        client, people, contract, offers):
    ContractOffer.objects.filter(contract=contract).update(
        sent=timezone.now() - datetime.timedelta(days=15))
    actions.agree(offers["Kilulu Orange Growers"], people.chair, AgreedVia.MAIL)
    client.force_login(people.mentor)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("mentoring:dashboard")).content.decode()
    assert "Contracts offered, not answered after 14 days" in html
    assert "Babati Market Spies has not answered the learning contract" in html
    assert "Kilulu Orange Growers has not answered" not in html, "it agreed"
    assert f"/mentoring/contracts/{contract.pk}/#offers" in html


def test_a_fresh_offer_is_not_a_concern_yet(client, people, contract, offers):
    client.force_login(people.mentor)
    html = client.get(reverse("mentoring:dashboard")).content.decode()
    assert "has not answered the learning contract" not in html
