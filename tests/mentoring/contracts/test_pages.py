"""The contract pages: members of the group read a contract and where each organisation
stands; guests are asked to sign in and anyone else gets 404, a public group's visitors too;
the mentor drafts, reorders, removes and adds commitments, offers and renews; a learner agrees
for their organisation with one button."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learnlink.mentoring.contracts import actions
from learnlink.mentoring.models import AgreedVia, Contract, ContractAgreement
from tests.web.test_pages import PAGE_BUDGET, page_weight

KILULU = "Kilulu Orange Growers"


def management(total: int, initial: int) -> dict[str, str]:
    return {"commitments-TOTAL_FORMS": str(total), "commitments-INITIAL_FORMS": str(initial),
            "commitments-MIN_NUM_FORMS": "0", "commitments-MAX_NUM_FORMS": "1000"}


@pytest.mark.parametrize("who, status", [(None, 302), ("outsider", 404), ("learner", 200),
                                         ("mentor", 200), ("staff", 200)])
def test_only_members_of_the_group_read_its_contracts(client, request, people, contract, who,
                                                      status):
    if who:
        client.force_login(request.getfixturevalue(who))
    for url in (reverse("mentoring:contract", args=[contract.pk]),
                reverse("mentoring:contracts", args=[people.group.slug])):
        response = client.get(url)
        assert response.status_code == status, url
        if status == 302:
            assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who, status", [(None, 302), ("outsider", 404), ("learner", 404)])
def test_only_mentors_draft_offer_change_and_renew(client, request, people, contract, who,
                                                   status):
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("mentoring:contract_new", args=[people.group.slug])
                      ).status_code == status
    assert client.get(reverse("mentoring:contract_edit", args=[contract.pk])).status_code == status
    for action in ("contract_offer", "contract_renew"):
        assert client.post(reverse(f"mentoring:{action}", args=[contract.pk])
                           ).status_code == status
    assert not contract.offers.exists() and not Contract.objects.filter(renews=contract).exists()


def test_the_mentor_drafts_a_contract_reordering_removing_and_adding_commitments(
        client, people):
    client.force_login(people.mentor)
    page = client.get(reverse("mentoring:contract_new", args=[people.group.slug]))
    html = page.content.decode()
    assert 'value="Share any useful information"' in html and "Measured by" in html
    rows = {f"commitments-{i}-{k}": v for i, (text, kind, order) in enumerate([
        ("Share any useful information", "information", "2"),
        ("Share plans for trying out new ideas", "plans", "1"),
        ("Share achievements at each step", "achievements", "3"),
        ("Answer other groups' questions", "answers", "4"),
        ("Exchange at least monthly over the internet", "monthly", "5"),
        ("Visit one other group each season", "", "6"),
        ("", "", ""),
    ]) for k, v in (("text", text), ("kind", kind), ("ORDER", order))}
    rows["commitments-2-DELETE"] = "on"
    response = client.post(reverse("mentoring:contract_new", args=[people.group.slug]), {
        "title": "Mkataba 2026", "starts": "2026-01-01", "ends": "2026-12-31",
        **management(7, 0), **rows})
    contract = Contract.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "mentoring:contract", args=[contract.pk])
    assert [(c.text, c.kind) for c in contract.commitments.all()] == [
        ("Share plans for trying out new ideas", "plans"),
        ("Share any useful information", "information"),
        ("Answer other groups' questions", "answers"),
        ("Exchange at least monthly over the internet", "monthly"),
        ("Visit one other group each season", "")]
    assert contract.created_by == people.joseph


def test_a_bad_contract_form_says_why_and_writes_nothing(client, people, contract):
    client.force_login(people.mentor)
    response = client.post(reverse("mentoring:contract_new", args=[people.group.slug]), {
        "title": "Again", "starts": contract.starts.isoformat(), "ends": "2020-01-01",
        **management(1, 0), "commitments-0-text": "", "commitments-0-ORDER": "1"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "A contract ends after it starts." in html
    assert "Another contract of this group starts that day." in html
    assert "A contract needs at least one commitment." in html
    assert Contract.objects.count() == 1


def test_an_offered_contract_keeps_its_commitments(client, people, contract, offers):
    client.force_login(people.mentor)
    response = client.post(reverse("mentoring:contract_edit", args=[contract.pk]), {
        "title": "Changed", "starts": contract.starts.isoformat(),
        "ends": contract.ends.isoformat(), **management(1, 0),
        "commitments-0-text": "Something else", "commitments-0-ORDER": "1"}, follow=True)
    assert "its commitments stay as the organisations read them" in response.content.decode()
    contract.refresh_from_db()
    assert contract.title == "Learning contract 2026" and contract.commitments.count() == 5


def test_the_page_shows_who_agreed_when_and_how_and_who_has_not_answered(
        client, people, contract, offers, django_assert_max_num_queries):
    actions.agree(offers[KILULU], people.chair, AgreedVia.MAIL)
    client.force_login(people.learner)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("mentoring:contract", args=[contract.pk]))
    html = response.content.decode()
    assert "<li>Share any useful information</li>" in html, "as the mentor wrote it"
    assert "Mashirika 1 kati ya 2 yamekubali." in html, "in Halima's Kiswahili"
    assert f"<strong>{KILULU}</strong>:\n  wamekubali: Mwanaisha Shabani," in html
    assert ", kwa barua pepe" in html
    assert "Babati Market Spies</strong>:" in html and "bado hakuna jibu" in html
    assert "Nakubali kwa niaba ya" not in html, "Halima's organisation agreed already"
    assert "Utume kwa mashirika" not in html, "a learner is no mentor"
    assert page_weight(client, html) < PAGE_BUDGET


def test_a_learner_agrees_for_their_organisation_with_one_button(client, people, contract,
                                                                 offers):
    client.force_login(people.learner)
    page = client.get(reverse("mentoring:contract", args=[contract.pk])).content.decode()
    assert f"Nakubali kwa niaba ya {KILULU}" in page and "niaba ya Babati" not in page
    url = reverse("mentoring:contract_agree", args=[contract.pk])
    stranger = client.post(url, {"offer": offers["Babati Market Spies"].pk})
    assert stranger.status_code == 404, "not her organisation"
    response = client.post(url, {"offer": offers[KILULU].pk}, follow=True)
    assert f"{KILULU} wamekubali mkataba huu. Asante." in response.content.decode()
    agreement = ContractAgreement.objects.get()
    assert (agreement.organisation, agreement.agreed_by, agreement.via) == (
        people.growers, people.halima, AgreedVia.WEB)
    assert client.post(url, {"offer": offers[KILULU].pk}).status_code == 404, "agreed once"
    assert client.post(url, {"offer": "x"}).status_code == 404


def test_the_mentor_offers_then_renews_with_the_same_commitments(client, people, contract):
    client.force_login(people.mentor)
    response = client.post(reverse("mentoring:contract_offer", args=[contract.pk]), follow=True)
    assert "The contract is on its way to 2 organisations." in response.content.decode()
    again = client.post(reverse("mentoring:contract_offer", args=[contract.pk]), follow=True)
    assert "has been offered this contract already" in again.content.decode()
    client.post(reverse("mentoring:contract_renew", args=[contract.pk]))
    client.post(reverse("mentoring:contract_renew", args=[contract.pk]))
    renewal = Contract.objects.get(renews=contract)
    assert renewal.starts == contract.ends + (renewal.starts - contract.ends)
    assert (renewal.ends - renewal.starts) == (contract.ends - contract.starts)
    assert [c.text for c in renewal.commitments.all()] == [
        c.text for c in contract.commitments.all()]
    assert not renewal.offers.exists(), "the mentor offers it once it reads right"
    page = client.get(reverse("mentoring:contract", args=[renewal.pk])).content.decode()
    assert "Renews" in page and "Change the contract" in page


def test_the_groups_contract_list_counts_agreements(client, people, contract, offers,
                                                    django_assert_max_num_queries):
    actions.agree(offers[KILULU], people.chair, AgreedVia.MAIL)
    actions.draft(people.group, actions.Terms("Next year", contract.ends,
                                              contract.ends.replace(year=contract.ends.year + 1),
                                              actions.default_commitments()), people.joseph)
    client.force_login(people.mentor)
    with django_assert_max_num_queries(12):
        html = client.get(reverse("mentoring:contracts", args=[people.group.slug])
                          ).content.decode()
    assert "1 of 2 organisations agreed" in html and "not offered yet" in html
    assert "Draft a contract" in html
