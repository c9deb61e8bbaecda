"""A published synthesis is the first item of the group's next digest, in each member's
language, and only of that one: real digests, sent through the outbox to a real SMTP sink."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from learnlink.exchange.digests import send_due
from learnlink.exchange.models import Membership
from learnlink.mentoring.models import Synthesis
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Item
from learnlink.people.models import Person
from tests.exchange.test_digests import arrives, digests_to, plain_and_html

NAIROBI = ZoneInfo("Africa/Nairobi")
JACKSON = "20031010130000.8562d669@example.net"
HALIMA, JOSEPH = "halima@example.org", "joseph.mshana@example.org"


def at(day: int, hour: int) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, tzinfo=NAIROBI)


def published(warehouse, mentor, when: datetime.datetime) -> Synthesis:
    """Joseph's synthesis of the warehouse thread, in English with a Swahili translation."""
    synthesis = services.start(
        warehouse.group, [warehouse], title="How the warehouse receipts work", language="en",
        content=Content([Item("Members borrow from the SACCO against the receipt.", JACKSON)],
                        "Nobody is forced to keep maize in the store."), by=mentor)
    services.save_version(synthesis, "sw", "Jinsi stakabadhi za ghala zinavyofanya kazi",
                          Content([Item("Wanachama wanakopa SACCO kwa stakabadhi.", JACKSON)],
                                  "Hakuna anayelazimishwa kuacha mahindi stoo."), mentor)
    services.publish(synthesis)
    Synthesis.objects.filter(pk=synthesis.pk).update(published=when)
    return synthesis


def test_the_digest_opens_with_the_synthesis_in_each_members_language(
        mail_server, warehouse, mentor, mailboxes):
    group = warehouse.group
    Membership.objects.filter(group=group, person__isnull=False).update(mode="daily")
    Person.objects.filter(name="Halima Omari").update(languages="sw")
    published(warehouse, mentor, at(3, 12))
    arrives(mail_server, at(3, 10), "Grading day")
    send_due(at(3, 18))

    joseph_plain, joseph_html = plain_and_html(digests_to(mailboxes, JOSEPH)[0])
    first_thread = joseph_plain.index("== Grading day ==")
    lead = joseph_plain.index("** Synthesis: How the warehouse receipts work **")
    assert lead < first_thread, "the synthesis is the digest's first item"
    assert "Members borrow from the SACCO against the receipt." in joseph_plain[:first_thread]
    assert f"/groups/{group.slug}/threads/{warehouse.pk}/" in joseph_plain[:first_thread]
    assert joseph_html.index("How the warehouse receipts work") < joseph_html.index(
        "Grading day")

    [halima] = [m for m in mailboxes.of(HALIMA) if "Grading day" in plain_and_html(m)[0]]
    halima_plain, _html = plain_and_html(halima)
    assert "Jinsi stakabadhi za ghala zinavyofanya kazi" in halima_plain
    assert "Wanachama wanakopa SACCO kwa stakabadhi." in halima_plain
    assert "Members borrow" not in halima_plain


def test_a_synthesis_leads_one_digest_not_every_one_after_it(
        mail_server, warehouse, mentor, mailboxes):
    Membership.objects.filter(group=warehouse.group, person__name="Joseph Mshana").update(
        mode="daily")
    published(warehouse, mentor, at(3, 12))
    arrives(mail_server, at(3, 10), "Grading day")
    send_due(at(3, 18))
    arrives(mail_server, at(4, 10), "Collection day")
    send_due(at(4, 18))
    first, second = (plain_and_html(m)[0] for m in digests_to(mailboxes, JOSEPH))
    assert "How the warehouse receipts work" in first
    assert "How the warehouse receipts work" not in second
