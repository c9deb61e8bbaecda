"""The offer goes to each organisation by mail and its "I agree" comes back by mail, over the
wire: the offers read from the real SMTP sink, the replies sent over LMTP to our running
server. Each reply is answered by mail, and only "I agree" from one of the organisation's own
people records anything."""

from __future__ import annotations

import datetime
import re

from learnlink.mail.models import State
from learnlink.mentoring.models import AgreedVia, ContractAgreement
from tests.mentoring.contracts.conftest import CHAIR, DAUDI, HALIMA, reply

OFFER_ADDRESS = re.compile(r"contract-[0-9a-f]{20}@learnlink\.localhost")
KILULU = "Kilulu Orange Growers"


def answer_to(smtp_sink, address):
    """The one answer `address` got to a reply (the offers left out)."""
    [answer] = [m for m in smtp_sink.to(address) if m["Auto-Submitted"] == "auto-replied"]
    return str(answer["Subject"]), answer.get_content().replace("\r\n", "\n")


def test_each_organisation_is_offered_the_contract_in_its_peoples_languages(
        people, contract, smtp_sink):
    from learnlink.mentoring.contracts import actions

    offers = actions.offer(contract, people.joseph)
    assert sorted(o.organisation.name for o in offers) == ["Babati Market Spies", KILULU]
    [english] = smtp_sink.to(CHAIR)
    [swahili] = smtp_sink.to(HALIMA)
    assert str(english["Subject"]) == f"A learning contract for {KILULU}: Learning contract 2026"
    assert str(swahili["Subject"]).startswith(f"Mkataba wa kujifunza kwa {KILULU}")
    assert english["Reply-To"] == swahili["Reply-To"], "one address per organisation"
    assert OFFER_ADDRESS.fullmatch(str(english["Reply-To"]))
    text = english.get_content().replace("\r\n", "\n")
    assert "1. Share any useful information" in text
    assert "5. Exchange at least monthly over the internet" in text
    assert "\n    I agree\n" in text
    assert f"/mentoring/contracts/{contract.pk}/" in text
    assert "/accounts/" not in text, "the mail signs nobody in"
    [spies] = smtp_sink.to(DAUDI)
    assert spies["Reply-To"] != english["Reply-To"]
    assert actions.offer(contract, people.joseph) == [], "offered once"


def test_i_agree_from_the_organisations_chairperson_records_who_agreed_and_when(
        people, contract, offers, mail_server, smtp_sink):
    offer = offers[KILULU]
    inbound = reply(mail_server, offer.address, "Dear Joseph,\n\nI agree.\n\nMwanaisha",
                    f"Mwanaisha Shabani <{CHAIR}>")
    [agreement] = ContractAgreement.objects.all()
    assert (agreement.organisation, agreement.agreed_by, agreement.via) == (
        people.growers, people.chair, AgreedVia.MAIL)
    assert agreement.agreed == datetime.datetime(2004, 9, 14, 10, 21, tzinfo=datetime.UTC) \
        or agreement.agreed >= offer.sent, "when it was written, never before the offer"
    inbound.refresh_from_db()
    assert inbound.state == State.DONE and "agreement recorded" in inbound.reason
    subject, text = answer_to(smtp_sink, CHAIR)
    assert subject == f"{KILULU} agreed: thank you"
    assert "Mwanaisha Shabani agreed on" in text


def test_nakubali_agrees_and_the_answer_is_in_kiswahili(people, offers, mail_server, smtp_sink):
    reply(mail_server, offers[KILULU].address, "Ndiyo, nakubali!", f"Halima Omari <{HALIMA}>")
    assert ContractAgreement.objects.get().agreed_by == people.halima
    subject, _text = answer_to(smtp_sink, HALIMA)
    assert subject == f"{KILULU} wamekubali: asanteni"


def test_i_agree_from_an_address_not_in_the_organisation_records_nothing_and_says_why(
        people, offers, mail_server, smtp_sink):
    inbound = reply(mail_server, offers[KILULU].address, "I agree", f"Daudi <{DAUDI}>")
    stranger = reply(mail_server, offers[KILULU].address, "I agree", "someone@example.com")
    assert not ContractAgreement.objects.exists()
    inbound.refresh_from_db()
    stranger.refresh_from_db()
    assert inbound.state == stranger.state == State.QUARANTINED
    assert "nobody of Kilulu Orange Growers" in inbound.reason
    subject, text = answer_to(smtp_sink, DAUDI)
    assert subject == "Your reply was not recorded: Learning contract 2026"
    assert f"the address {DAUDI} is not one of the people of {KILULU}" in text
    assert "is not one of the people" in answer_to(smtp_sink, "someone@example.com")[1]


def test_the_mentors_see_the_replies_set_aside_on_the_contracts_page(
        client, people, contract, offers, mail_server, smtp_sink):
    reply(mail_server, offers[KILULU].address, "I agree", f"Daudi <{DAUDI}>")
    client.force_login(people.mentor)
    html = client.get(f"/mentoring/contracts/{contract.pk}/").content.decode()
    assert "Mail not recorded" in html
    assert f"from {DAUDI}: not recorded, nobody of {KILULU}" in html
    client.force_login(people.learner)
    assert DAUDI not in client.get(f"/mentoring/contracts/{contract.pk}/").content.decode()


def test_a_reply_that_does_not_say_i_agree_records_nothing_and_shows_the_line(
        people, offers, mail_server, smtp_sink):
    inbound = reply(mail_server, offers[KILULU].address,
                    "I agree with most of it, but what counts as an achievement?\n\n"
                    "    I agree\n", f"Mwanaisha Shabani <{CHAIR}>")
    assert not ContractAgreement.objects.exists(), "a question, and our own line, are no yes"
    inbound.refresh_from_db()
    assert inbound.state == State.QUARANTINED
    _subject, text = answer_to(smtp_sink, CHAIR)
    assert "has no line that says only \"I agree\"" in text and "\n    I agree\n" in text


def test_a_second_agreement_changes_nothing(people, offers, mail_server, smtp_sink):
    reply(mail_server, offers[KILULU].address, "I agree", f"Mwanaisha Shabani <{CHAIR}>")
    second = reply(mail_server, offers[KILULU].address, "Nakubali", f"Halima <{HALIMA}>")
    assert ContractAgreement.objects.get().agreed_by == people.chair, "the first one stands"
    second.refresh_from_db()
    assert second.state == State.REJECTED and "had agreed already" in second.reason
    _subject, text = answer_to(smtp_sink, HALIMA)
    assert "tayari" in text and "Mwanaisha Shabani" in text


def test_an_unknown_or_ended_offer_address_records_nothing_and_says_so(
        people, contract, offers, mail_server, smtp_sink):
    unknown = reply(mail_server, "contract-0123456789abcdef0123@learnlink.localhost",
                    "I agree", f"Mwanaisha Shabani <{CHAIR}>")
    unknown.refresh_from_db()
    assert unknown.state == State.REJECTED
    assert "belongs to no learning contract" in answer_to(smtp_sink, CHAIR)[1]

    contract.starts, contract.ends = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)
    contract.save(update_fields=["starts", "ends"])
    ended = reply(mail_server, offers["Babati Market Spies"].address, "I agree",
                  f"Daudi <{DAUDI}>")
    ended.refresh_from_db()
    assert ended.state == State.REJECTED and "the contract ended 2025-12-31" in ended.reason
    assert "ended on 31 December 2025" in answer_to(smtp_sink, DAUDI)[1]
    assert not ContractAgreement.objects.exists()
