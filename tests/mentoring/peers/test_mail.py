"""peers@: the question as the subject, the five best peers and why in the answer, in the
asker's language, through our real mail server and read from the SMTP sink."""

import pytest

from learnlink.exchange.membership import ReservedName, create_group
from learnlink.mail.models import InboundMessage, State
from tests.conftest import email_from

PEERS = "peers@learnlink.localhost"


def ask(mail_server, sender: str, subject: str, body: str = "") -> None:
    mail_server.send(email_from(sender, PEERS, subject, body), PEERS)


def test_a_question_by_mail_gets_the_five_best_peers_and_why(mail_server, peers, smtp_sink):
    ask(mail_server, "someone@example.com", "Who has done warehouse receipts?")

    [answer] = smtp_sink.to("someone@example.com")
    text = answer.get_content()
    assert answer["From"] == PEERS
    assert answer["Subject"] == "Re: Peers: Who has done warehouse receipts?"
    assert answer["Auto-Submitted"] == "auto-replied"
    assert "1. " in text and "5. " in text and "6. " not in text
    assert "Jackson Mwasomola (Person, Mbeya, Mbeya, Tanzania)" in text
    assert "http://" in text and "weighed and graded" in text
    assert InboundMessage.objects.get(recipient=PEERS).state == State.DONE


def test_the_answer_is_in_the_askers_language_or_the_questions(mail_server, peers, smtp_sink,
                                                                 learner):
    learner.person.languages = "fr, en"
    learner.person.save(update_fields=["languages"])
    ask(mail_server, "halima@example.org", "Who has done warehouse receipts?")
    ask(mail_server, "mgeni@example.com", "Nani amefanya stakabadhi ghalani?")

    [french] = smtp_sink.to("halima@example.org")
    [swahili] = smtp_sink.to("mgeni@example.com")
    assert french["Subject"].startswith("Re: Pairs")
    assert "Pourquoi" in french.get_content()
    assert swahili["Subject"].startswith("Re: Wenzako")
    assert "Kwa nini" in swahili.get_content()


def test_a_reply_to_an_answer_asks_its_new_subject(mail_server, peers, smtp_sink):
    ask(mail_server, "someone@example.com", "Re: Peers: Re: market spies")
    [answer] = smtp_sink.to("someone@example.com")
    assert answer["Subject"] == "Re: Peers: market spies"


def test_a_question_with_no_answer_says_why_and_how_to_ask(mail_server, peers, smtp_sink):
    ask(mail_server, "someone@example.com", "Who has done it?")
    ask(mail_server, "other@example.com", "Who has grown vanilla on the moon?")

    only_words = smtp_sink.to("someone@example.com")[0].get_content()
    nothing = smtp_sink.to("other@example.com")[0].get_content()
    assert "only question words" in only_words and PEERS in only_words
    assert "Nobody was found for “grown vanilla moon”" in nothing


@pytest.mark.django_db
def test_no_group_may_take_the_peers_address():
    with pytest.raises(ReservedName):
        create_group("peers", "Peers")
