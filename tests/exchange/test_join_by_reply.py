"""Answering a request to join by mail alone: the mentors' notice of a confirmed request comes
from its own address, and a reply "approve" (or "kubali", "approuver") lets the asker in,
"reject <reason>" ("kataa", "rejeter") refuses them with the reason; a reply from someone who
moderates nothing there, or to a request answered already, decides nothing and says why.
Replies through our real SMTP server, read from the real SMTP sink."""

from __future__ import annotations

import pytest
from django.conf import settings

from learnlink.mail.models import InboundMessage, State
from tests.exchange.test_email_commands import DAUDI
from tests.exchange.test_join_requests import JOSEPH, board, confirmed_request, is_member
from tests.exchange.test_moderate_by_reply import reply

__all__ = ["board"]  # the members-only group, a shared fixture
pytestmark = pytest.mark.usefixtures("our_mta")


def notice(smtp_sink):
    [mail] = [m for m in smtp_sink.to(JOSEPH) if "admit+" in str(m["Reply-To"])]
    return mail


def answer(smtp_sink, address: str = JOSEPH) -> str:
    text: str = [m for m in smtp_sink.to(address)
                 if m["From"] == settings.DEFAULT_FROM_EMAIL][-1].get_content()
    return " ".join(text.split())


def test_approve_by_reply_lets_the_asker_in(client, board, smtp_sink, mail_server):
    confirmed_request(client, smtp_sink)
    told = notice(smtp_sink)
    assert "reply to this mail with “approve” on the first line" in " ".join(
        told.get_content().split())
    reply(mail_server, told, "Approve")
    assert is_member(board, DAUDI)
    assert "Approved: Daudi Mbwana is a member of Kilulu board now" in answer(smtp_sink)
    assert any("Welcome" in str(m["Subject"]) for m in smtp_sink.to(DAUDI))

    reply(mail_server, told, "approve")
    assert "answered already, or has expired" in answer(smtp_sink)
    assert InboundMessage.objects.filter(state=State.REJECTED).count() == 1


def test_reject_by_reply_tells_the_asker_the_reason(client, board, smtp_sink, mail_server):
    confirmed_request(client, smtp_sink)
    reply(mail_server, notice(smtp_sink), "Kataa: the board takes only growers this year")
    assert not is_member(board, DAUDI)
    assert "the board takes only growers this year" in smtp_sink.to(DAUDI)[-1].get_content()
    assert "Refused: Daudi Mbwana is told" in answer(smtp_sink)


def test_a_reply_from_someone_who_moderates_nothing_there_decides_nothing(
        client, board, smtp_sink, mail_server):
    confirmed_request(client, smtp_sink)
    reply(mail_server, notice(smtp_sink), "approve", sender="halima@example.org")
    assert not is_member(board, DAUDI)
    assert "not know halima@example.org as the address of a moderator" in answer(
        smtp_sink, "halima@example.org")


def test_a_line_not_understood_says_which_words_work(client, board, smtp_sink, mail_server):
    confirmed_request(client, smtp_sink)
    reply(mail_server, notice(smtp_sink), "Who is he?")
    assert "write “approve”, or “reject” and your reason" in answer(smtp_sink)
    assert not is_member(board, DAUDI)
