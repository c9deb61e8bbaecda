"""Daily, weekly and monthly digests, as a member who chose one receives them.

Proves that a digest of 50 real messages arrives under 60 KB (a learner pays for every
kilobyte) as multipart/alternative, plain text first, grouped by thread, with only what each
message newly says and a link to each message on the web; and that `send_due` sends each kind
at the group's digest time in the group's time zone (weekly on its weekday, monthly on the
1st), once per period, never when nothing is new, and never for mail imported from an old
archive. Every time is an explicit `now`; each message's arrival time is set to the moment the
test says it arrived.
"""

from __future__ import annotations

import datetime
import re
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from learnlink.exchange.digests import build, send_due
from learnlink.exchange.importing import import_mbox
from learnlink.exchange.member_links import membership_for
from learnlink.exchange.models import Digest, Membership, Message
from learnlink.exchange.subscriptions import choose_plain_text
from learnlink.mail.mbox import write_mbox
from learnlink.mail.models import InboundMessage, Source
from tests.conftest import email_from
from tests.exchange.conftest import Mailboxes
from tests.exchange.factories import corpus

GROUP = "muheza-oranges@learnlink.localhost"
BASE = settings.LEARNLINK_BASE_URL
JOSEPH = "joseph.mshana@example.org"
DEMO = Path(__file__).resolve().parents[2] / "learnlink" / "exchange" / "demo"
NAIROBI, DAKAR = ZoneInfo("Africa/Nairobi"), ZoneInfo("Africa/Dakar")



@pytest.fixture
def joseph_reads_digests(oranges: Any) -> Any:
    """Joseph chose the daily digest; Halima and the Kilulu growers take each message."""
    Membership.objects.filter(group=oranges, person__name="Joseph Mshana").update(mode="daily")
    return oranges


def at(day: int, hour: int, minute: int = 0, zone: ZoneInfo = NAIROBI,
       month: int = 3) -> datetime.datetime:
    """A moment in 2026 (March by default; 2 March 2026 is a Monday)."""
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=zone)


def arrives(mail_server: Any, when: datetime.datetime, subject: str,
            body: str = "Mr Juma pays 150 shillings a kilo for grade A.\n",
            sender: str = "Halima Omari <halima@example.org>", date: str = "",
            **headers: str) -> Message:
    """A post that reached Learnlink at `when` (written at `date`, if given)."""
    mail = email_from(sender, GROUP, subject, body, **headers)
    if date:
        mail.replace_header("Date", date)
    mail_server.send(mail, GROUP)
    message = Message.objects.get(subject=subject)
    InboundMessage.objects.filter(pk=message.inbound_id).update(received=when)
    return message


def digests_to(mailboxes: Mailboxes, address: str = JOSEPH) -> list[EmailMessage]:
    return [m for m in mailboxes.of(address) if "digest" in str(m["Subject"])]


def plain_and_html(digest: EmailMessage) -> tuple[str, str]:
    assert digest.get_content_type() == "multipart/alternative"
    plain, html = list(digest.iter_parts())
    assert (plain.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    return text_of(plain), text_of(html)


def text_of(part: Any) -> str:
    """A part's text with the wire's CRLF line ends read as a mail reader shows them."""
    return str(part.get_content()).replace("\r\n", "\n")


def real_messages(group: Any, source: str, tmp_path: Path) -> list[Message]:
    """50 messages people really wrote, imported as an old archive is."""
    if source == "demo":
        for mbox in sorted(DEMO.glob("*.mbox")):
            import_mbox(group, mbox, processes=1)
    else:
        folder = corpus("notmuch", "corpora", "default")
        mbox = tmp_path / "notmuch.mbox"
        write_mbox(mbox, (path.read_bytes() for path in sorted(folder.rglob("*"))
                          if path.is_file()))
        import_mbox(group, mbox, processes=1)
    messages = list(Message.objects.filter(group=group, is_placeholder=False)
                    .select_related("thread").order_by("pk")[:50])
    assert len(messages) == 50
    return messages


@pytest.mark.parametrize("source", ["demo", "notmuch"])
def test_a_digest_of_50_real_messages_is_light_grouped_and_links_each_message(
        joseph_reads_digests, mailboxes, tmp_path, source):
    group = joseph_reads_digests
    messages = real_messages(group, source, tmp_path)
    build(group, "daily", messages, at(3, 18))
    [raw] = mailboxes.bytes_of(JOSEPH)
    assert len(raw) < 60 * 1024, f"{len(raw):,} bytes"
    [digest] = mailboxes.of(JOSEPH)
    plain, html = plain_and_html(digest)
    threads = {message.thread_id for message in messages}
    assert f"50 messages in {len(threads)} threads" in str(digest["Subject"])

    sections = plain.split("\n== ")[1:]
    assert len(sections) == len(threads), "each thread once, its messages together"
    for message in messages:
        link = f"{BASE}/groups/{group.slug}/messages/{message.pk}/"
        [section] = [s for s in sections if link in s]
        assert f"{BASE}/groups/{group.slug}/threads/{message.thread_id}/\n" in section
        assert f'href="{link}"' in html


@pytest.mark.parametrize("source", ["demo", "notmuch"])
def test_a_digest_holds_what_each_message_says_not_what_it_quotes(joseph_reads_digests,
                                                                   mailboxes, tmp_path, source):
    group = joseph_reads_digests
    messages = real_messages(group, source, tmp_path)
    build(group, "daily", messages, at(3, 18))
    plain, _html = plain_and_html(mailboxes.of(JOSEPH)[0])
    said = "\n".join(message.text for message in messages)
    quoted_only = {line.lstrip("> ").strip() for message in messages
                   for line in message.quoted.splitlines()} - {""}
    quoted_only = {line for line in quoted_only if len(line) > 25 and line not in said}
    assert quoted_only, "the corpus has replies that quote"
    assert [line for line in quoted_only if line in plain] == []
    signed_only = {line.strip() for message in messages
                   for line in message.signature.splitlines()[1:]}
    signed_only = {line for line in signed_only if len(line) > 12 and line not in said}
    assert [line for line in signed_only if line in plain] == []


def test_a_digest_of_50_real_messages_in_plain_text_only_is_one_lighter_part(
        joseph_reads_digests, mailboxes, tmp_path):
    """Joseph pays for every kilobyte and chose plain text only; Halima, also on the daily
    digest, keeps text and HTML. Each gets the same news."""
    group = joseph_reads_digests
    Membership.objects.filter(group=group, person__name="Halima Omari").update(mode="daily")
    assert choose_plain_text(Membership.objects.get(group=group, person__name="Joseph Mshana"),
                             True)
    messages = real_messages(group, "demo", tmp_path)
    build(group, "daily", messages, at(3, 18))
    [light], [full] = mailboxes.bytes_of(JOSEPH), mailboxes.bytes_of("halima@example.org")
    assert len(light) < len(full) * 2 // 3, f"{len(light):,} against {len(full):,} bytes"
    [digest] = mailboxes.of(JOSEPH)
    assert not digest.is_multipart()
    assert digest.get_content_type() == "text/plain"
    plain, _html = plain_and_html(mailboxes.of("halima@example.org")[0])
    for message in messages:
        link = f"{BASE}/groups/{group.slug}/messages/{message.pk}/"
        assert link in text_of(digest)
        assert link in plain


def test_a_digest_leaves_out_the_senders_signature(mail_server, joseph_reads_digests,
                                                   mailboxes):
    arrives(mail_server, at(3, 9), "Crates for Tanga",
            body="The lorry takes 60 crates on Thursday; bring yours by noon.\n\n-- \n"
                 "Halima Omari, secretary\nMuheza Orange Growers, Kilulu village\n"
                 "+255 754 000 111\n")
    assert len(send_due(at(3, 18))) == 1
    plain, html = plain_and_html(digests_to(mailboxes)[0])
    assert "The lorry takes 60 crates on Thursday" in plain
    assert "Kilulu village" not in plain + html
    assert "+255 754 000 111" not in plain + html


def test_a_long_message_is_cut_with_a_link_to_read_it_on_the_site(
        mail_server, joseph_reads_digests, mailboxes):
    report = "".join(
        f"Week {week}: we picked {40 + week} crates at Kilulu, sorted them by grade and sent "
        f"grade A to Mr Juma in Tanga at 150 shillings a kilo; grade B went to the market in "
        f"Muheza. The rains held off, so the lorry reached the road without trouble.\n\n"
        for week in range(1, 25))
    long = arrives(mail_server, at(3, 9), "Harvest report, season one",
                   body=report + "Next season we plant the new seedlings in March.\n")
    [sent] = send_due(at(3, 18))
    assert sent.messages == 1
    plain, html = plain_and_html(digests_to(mailboxes)[0])
    link = f"{BASE}/groups/{long.group.slug}/messages/{long.pk}/"
    assert "Week 1: we picked 41 crates at Kilulu" in plain
    assert "Next season we plant the new seedlings" not in plain + html
    assert f"Read on: {link}" in plain
    assert f'<a href="{link}">Read on</a>' in html


def test_a_reply_in_the_digest_shows_its_answer_but_not_the_quoted_question(
        mail_server, joseph_reads_digests, mailboxes):
    first = arrives(mail_server, at(3, 9), "Buyers from Tanga",
                    body="Mr Juma from Tanga pays 150 shillings a kilo for grade A.\n",
                    message_id="<tanga-1@example.org>")
    reply = arrives(mail_server, at(3, 10), "Re: Buyers from Tanga",
                    body="Does he pay cash on the day?\n\nOn Tue, Halima Omari wrote:\n"
                         "> Mr Juma from Tanga pays 150 shillings a kilo for grade A.\n",
                    sender="Kilulu Orange Growers <kilulu.growers@example.org>",
                    In_Reply_To="<tanga-1@example.org>", References="<tanga-1@example.org>")
    assert reply.thread_id == first.thread_id
    [sent] = send_due(at(3, 18))
    assert sent.messages == 2
    plain, html = plain_and_html(digests_to(mailboxes)[0])
    assert plain.count("Mr Juma from Tanga pays 150 shillings") == 1
    assert html.count("Mr Juma from Tanga pays 150 shillings") == 1
    assert "Does he pay cash on the day?" in plain
    assert plain.count("== Buyers from Tanga ==") == 1


def test_the_daily_digest_leaves_at_the_groups_digest_time_in_its_own_zone(
        mail_server, joseph_reads_digests, mailboxes):
    group = joseph_reads_digests
    group.time_zone = "Africa/Dakar"
    group.save(update_fields=["time_zone"])
    arrives(mail_server, at(3, 10, 5, DAKAR), "Grading day")
    assert send_due(at(3, 18, 0, NAIROBI)) == [], "18:00 in Nairobi is 15:00 in Dakar"
    assert send_due(at(3, 17, 59, DAKAR)) == []
    assert digests_to(mailboxes) == []

    [sent] = send_due(at(3, 18, 0, DAKAR))
    assert (sent.mode, sent.messages) == ("daily", 1)
    [digest] = digests_to(mailboxes)
    assert str(digest["Subject"]) == \
        "Muheza orange growers: daily digest, 1 message in 1 thread"
    plain, html = plain_and_html(digest)
    # Each copy's token carries the second it was made: read it from the footer, then check it.
    token = re.search(rf"{BASE}/membership/([^/\s]+)/", plain).group(1)
    joseph = Membership.objects.get(group=group, person__name="Joseph Mshana")
    assert membership_for(token) == joseph, "the footer links Joseph's own page"
    assert f"{BASE}/membership/{token}/" in html
    assert f"<{BASE}/membership/{token}/leave/>" in str(digest["List-Unsubscribe"])
    assert str(digest["List-Id"]) == \
        "Muheza orange growers <muheza-oranges.learnlink.localhost>"


def test_a_digest_shows_times_in_the_groups_zone(mail_server, joseph_reads_digests, mailboxes):
    group = joseph_reads_digests
    group.time_zone = "Africa/Dakar"
    group.save(update_fields=["time_zone"])
    arrives(mail_server, at(3, 10, 5, DAKAR), "Grading day",
            date="Tue, 03 Mar 2026 10:05:00 +0000")
    send_due(at(3, 18, 0, DAKAR))
    plain, _html = plain_and_html(digests_to(mailboxes)[0])
    assert "* Halima Omari, 3 Mar 10:05" in plain


def test_one_period_gets_one_digest(mail_server, joseph_reads_digests, mailboxes):
    arrives(mail_server, at(3, 10), "Grading day")
    assert len(send_due(at(3, 18))) == 1
    assert send_due(at(3, 18)) == []
    assert send_due(at(3, 18, 15)) == []
    assert send_due(at(4, 9)) == []
    arrives(mail_server, at(4, 11), "Transport on Friday")
    assert send_due(at(4, 17, 59)) == []
    [second] = send_due(at(4, 18))
    assert second.messages == 1, "only what came after the first digest"
    first_mail, second_mail = digests_to(mailboxes)
    assert "Grading day" in text_of(first_mail.get_body(("plain",)))
    assert "Grading day" not in text_of(second_mail.get_body(("plain",)))
    assert "Transport on Friday" in text_of(second_mail.get_body(("plain",)))


def test_nothing_new_means_no_digest(mail_server, joseph_reads_digests, mailboxes):
    assert send_due(at(3, 18)) == []
    arrives(mail_server, at(3, 10), "Grading day")
    send_due(at(3, 18))
    assert send_due(at(4, 18)) == []
    assert send_due(at(5, 18)) == []
    assert len(digests_to(mailboxes)) == 1
    assert Digest.objects.count() == 1


def test_mail_imported_from_an_old_archive_is_never_digested(mail_server, joseph_reads_digests,
                                                            mailboxes):
    group = joseph_reads_digests
    import_mbox(group, DEMO / "oranges-muheza.mbox", processes=1)
    InboundMessage.objects.filter(source=Source.MBOX).update(received=at(3, 9))
    assert send_due(at(3, 18)) == []
    arrives(mail_server, at(4, 10), "Grading day")
    [sent] = send_due(at(4, 18))
    assert sent.messages == 1
    plain, _html = plain_and_html(digests_to(mailboxes)[0])
    assert "Mlivyompata mnunuzi" not in plain


def test_the_weekly_digest_leaves_only_on_the_groups_weekday(mail_server, oranges, mailboxes):
    oranges.digest_weekday = 2  # Wednesday
    oranges.save(update_fields=["digest_weekday"])
    Membership.objects.filter(group=oranges, person__name="Joseph Mshana").update(mode="weekly")
    arrives(mail_server, at(2, 10), "Grading day")  # Monday
    assert send_due(at(2, 18)) == []
    assert send_due(at(3, 18)) == []  # Tuesday
    [sent] = send_due(at(4, 18))  # Wednesday
    assert sent.mode == "weekly"
    assert send_due(at(5, 18)) == []
    assert len(digests_to(mailboxes)) == 1
    assert "weekly digest" in str(digests_to(mailboxes)[0]["Subject"])


def test_the_monthly_digest_leaves_on_the_first(mail_server, oranges, mailboxes):
    Membership.objects.filter(group=oranges, person__name="Joseph Mshana").update(mode="monthly")
    arrives(mail_server, at(10, 10), "Grading day")
    assert send_due(at(10, 18)) == []
    assert send_due(at(31, 18)) == []
    [sent] = send_due(at(1, 18, month=4))
    assert sent.mode == "monthly"
    assert send_due(at(2, 18, month=4)) == []
    assert len(digests_to(mailboxes)) == 1
