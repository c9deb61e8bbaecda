"""Proposals by mail to SLUG+agenda@, over our own LMTP server as Postfix hands them over; the
answer goes through the outbox to a real SMTP relay: the topic proposed with its link, or a
clear refusal (an empty subject, a sender who is not of the group), nothing half-done."""

from __future__ import annotations

import smtplib

import pytest

from learnlink.lib.links import absolute
from learnlink.mail.models import InboundMessage, State
from learnlink.mentoring.models import Topic
from tests.conftest import email_from, make_person
from tests.mentoring.agenda.conftest import ATHUMANI, proposed


def propose(mail_server, people, sender: str, subject: str, body: str = "") -> InboundMessage:
    address = people.group.command_address("agenda")
    mail_server.send(email_from(sender, address, subject, body or "Tuzungumze."), address)
    return InboundMessage.objects.filter(recipient=address).latest("pk")


def answer(smtp_sink, address: str):
    [reply] = smtp_sink.to(address)
    return reply


def test_a_learners_mail_proposes_its_subject_and_the_answer_links_the_topic(
        mail_server, smtp_sink, people):
    inbound = propose(mail_server, people, ATHUMANI, "Stakabadhi za ghala kwa machungwa?",
                      "Mbeya wanahifadhi mahindi ghalani. Je, machungwa yanaweza?")
    topic = Topic.objects.get()
    assert inbound.state == State.DONE, inbound.reason
    assert (topic.title, topic.via, topic.proposed_by.name) == (
        "Stakabadhi za ghala kwa machungwa?", "mail", "Athumani Kaniki")
    assert "Mbeya wanahifadhi mahindi ghalani" in topic.description

    reply = answer(smtp_sink, ATHUMANI)
    assert reply["Subject"] == "Proposed for the agenda: Stakabadhi za ghala kwa machungwa?"
    assert reply["From"] == people.group.command_address("agenda")
    assert reply["Auto-Submitted"] == "auto-replied"
    assert absolute(topic.get_absolute_url()) in reply.get_content()


def test_a_mail_with_an_empty_subject_is_answered_with_why_and_proposes_nothing(
        mail_server, smtp_sink, people):
    inbound = propose(mail_server, people, ATHUMANI, "   ")
    assert inbound.state == State.REJECTED
    assert not Topic.objects.exists()
    reply = answer(smtp_sink, ATHUMANI)
    assert reply["Subject"] == "Not proposed for the agenda of Muheza orange growers"
    assert "when you write to the agenda's address, the subject is the topic" in \
        reply.get_content()


def test_someone_not_of_the_group_is_told_only_its_learners_propose(mail_server, smtp_sink,
                                                                    people):
    make_person("Yusuf Chande", "yusuf.chande@example.com", languages="sw")
    inbound = propose(mail_server, people, "yusuf.chande@example.com", "Bei za Tanga")
    assert inbound.state == State.REJECTED and not Topic.objects.exists()
    reply = answer(smtp_sink, "yusuf.chande@example.com")
    assert reply["Subject"] == "Haijapendekezwa kwa ajenda ya Muheza orange growers", \
        "in the sender's language"
    assert "Muheza orange growers" in reply.get_content()


def test_an_automatic_reply_is_quarantined_unanswered(mail_server, smtp_sink, people):
    address = people.group.command_address("agenda")
    mail_server.send(email_from(ATHUMANI, address, "Out of office", "Back on Monday.",
                                Auto_Submitted="auto-replied"), address)
    inbound = InboundMessage.objects.get(recipient=address)
    assert inbound.state == State.QUARANTINED and not Topic.objects.exists()
    assert not smtp_sink.to(ATHUMANI)


def test_the_agenda_address_of_a_group_that_does_not_exist_is_refused(mail_server, people):
    address = "no-such-group+agenda@" + people.group.address.split("@")[1]
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        mail_server.send(email_from(ATHUMANI, address, "A topic", "Text."), address)


def test_a_mail_naming_a_topic_on_the_agenda_supports_it_once(mail_server, smtp_sink, people):
    topic = proposed(people)
    inbound = propose(mail_server, people, ATHUMANI, "Re: selling to the Tanga juice factory")
    assert inbound.state == State.DONE, inbound.reason
    assert [(s.person.name, s.organisation) for s in topic.supports.all()] == [
        ("Athumani Kaniki", people.growers)]
    reply = answer(smtp_sink, ATHUMANI)
    assert reply["Subject"] == "Supported on the agenda: Selling to the Tanga juice factory"
    assert absolute(topic.get_absolute_url()) in reply.get_content()

    again = propose(mail_server, people, ATHUMANI, "Selling to the Tanga juice factory")
    assert again.state == State.REJECTED and topic.supports.count() == 1
    assert len(smtp_sink.to(ATHUMANI)) == 2
