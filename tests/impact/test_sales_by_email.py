"""A PMG secretary with a phone reports sales by email to sales@; the reply, read from a real
SMTP relay, says what was recorded and what was not understood, with an example."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from learnlink.impact.demo import load_demo
from learnlink.impact.models import Sale
from learnlink.mail.models import InboundMessage, State
from learnlink.people.models import Organisation
from tests.conftest import email_from, make_person

SALES = "sales@learnlink.localhost"
SECRETARY = "siakago.secretary@example.org"


@pytest.fixture
def secretary(transactional_db: None) -> Any:
    load_demo()
    pmg = Organisation.objects.get(name="Siakago PMG")
    return make_person("Esther Wanjiru", SECRETARY, pmg, "secretary")


def test_a_sale_line_is_recorded_and_confirmed(mail_server: Any, smtp_sink: Any,
                                               secretary: Any) -> None:
    body = ("Habari,\n"
            "SALE Siakago PMG greengrams 40 bags 108,000 KES 2004-07-14 Kitui Millers\n"
            "Asante\n")
    mail_server.send(email_from(SECRETARY, SALES, "mauzo", body), SALES)
    sale = Sale.objects.get(pmg__name="Siakago PMG", date=datetime.date(2004, 7, 14),
                            quantity=40)
    assert (sale.unit, sale.value, sale.currency, sale.buyer, sale.source) == (
        "bag90", Decimal("108000.00"), "KES", "Kitui Millers", "email")
    assert sale.tonnes == Decimal("3.6")
    assert sale.value_usd == Decimal("1358.49")  # at 79.5 KES to the US$ from 2004-07-01
    [reply] = smtp_sink.to(SECRETARY)
    text = reply.get_content()
    assert "Recorded:" in text and "3.6 t" in text and "US$1358.49" in text
    assert "Not understood" not in text
    inbound = InboundMessage.objects.get(recipient=SALES)
    assert inbound.state == State.DONE and "1 recorded" in inbound.reason


def test_lines_not_understood_are_answered_with_why_and_an_example(
        mail_server: Any, smtp_sink: Any, secretary: Any) -> None:
    body = ("SALE Siakago PMG greengrams 12 sacks 30000 KES 2004-07-20\n"
            "SALE Siakago PMG greengrams 5 bags 13500 XYZ 2004-07-20\n"
            "SALE Siakago PMG greengrams many bags\n"
            "SALE Siakago PMG blackgrams 10 bags 31000 KES 2004-07-21 Embu grain traders\n")
    mail_server.send(email_from(SECRETARY, SALES, "sales", body), SALES)
    text = smtp_sink.to(SECRETARY)[0].get_content()
    assert "Unknown unit 'sacks'" in text
    assert "No US$ rate for XYZ on 20 Jul 2004" in text
    assert "Could not find the quantity, unit, value and currency." in text
    assert "SALE Siakago PMG greengrams 40 bags 108000 KES 2004-07-14 Kitui Millers" in text
    assert "Siakago PMG, blackgrams, 21 Jul 2004" in text
    assert list(Sale.objects.filter(source="email").values_list("product__name", flat=True)) \
        == ["blackgrams"]
    assert "1 recorded, 3 lines not understood" in InboundMessage.objects.get().reason


def test_the_same_sale_sent_twice_is_recorded_once(mail_server: Any, smtp_sink: Any,
                                                   secretary: Any) -> None:
    line = "SALE Siakago PMG cowpeas 10 bags 25000 KES 2004-08-02\n"
    for _ in range(2):
        mail_server.send(email_from(SECRETARY, SALES, "sales", line), SALES)
    assert Sale.objects.filter(source="email").count() == 1
    assert "recorded already" in smtp_sink.to(SECRETARY)[1].get_content()


def test_a_stranger_is_told_and_the_mail_quarantined(mail_server: Any, smtp_sink: Any,
                                                     secretary: Any) -> None:
    stranger = "someone@example.net"
    line = "SALE Siakago PMG cowpeas 10 bags 25000 KES 2004-08-02\n"
    mail_server.send(email_from(stranger, SALES, "sales", line), SALES)
    assert "does not know the address someone@example.net" in \
        smtp_sink.to(stranger)[0].get_content()
    inbound = InboundMessage.objects.get()
    assert inbound.state == State.QUARANTINED and "nobody in the directory" in inbound.reason
    assert not Sale.objects.filter(source="email").exists()


def test_someone_outside_the_pmg_and_the_alliance_cannot_report_its_sales(
        mail_server: Any, smtp_sink: Any, secretary: Any) -> None:
    make_person("Peter Otieno", "peter@example.org")
    line = "SALE Siakago PMG cowpeas 10 bags 25000 KES 2004-08-02\n"
    mail_server.send(email_from("peter@example.org", SALES, "sales", line), SALES)
    assert "not one of Siakago PMG's" in smtp_sink.to("peter@example.org")[0].get_content()
    assert not Sale.objects.filter(source="email").exists()
