"""Threading suggestions for replies to a digest, found by what their quote holds, and for
"was:" subject changes; a mentor accepts or dismisses them in one click."""

import email.utils
from datetime import UTC, datetime

import pytest

from learnlink.exchange.digests import build
from learnlink.exchange.models import Membership, Message
from learnlink.mentoring.cleanup import actions
from learnlink.mentoring.cleanup.suggestions import Was, was
from learnlink.mentoring.models import SplitSuggestion
from tests.conftest import email_from
from tests.exchange.conftest import Mailboxes

GROUP = "muheza-oranges@learnlink.localhost"
JOSEPH = "joseph.mshana@example.org"
SELLING = ("Selling oranges together",
           "We sold 40 crates to the Tanga buyer last week. He paid 150 shillings a kilo for "
           "grade A and took every crate from the collection point at Kilulu.")
GRADING = ("Grading before the lorry",
           "At the shed we sort the fruit into three sizes before the lorry comes, so the "
           "buyer sees each size apart and cannot pay the small price for all of it.")


def send(mail_server, subject: str, body: str, message_id: str, sender: str = "halima@example.org",
         **headers: str) -> Message:
    mail = email_from(sender, GROUP, subject, body, message_id=f"<{message_id}>", **headers)
    mail.replace_header("Date", email.utils.format_datetime(datetime.now(UTC)))
    mail_server.send(mail, GROUP)
    return Message.objects.get(message_id=message_id)


def quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


@pytest.fixture
def digest(mail_server, mailboxes: Mailboxes, oranges) -> tuple[str, str, list[Message]]:
    """Joseph reads the daily digest: the subject and plain text of the one he got, of two
    threads."""
    Membership.objects.filter(group=oranges, person__name="Joseph Mshana").update(mode="daily")
    posted = [send(mail_server, *SELLING, "selling@example.org"),
              send(mail_server, *GRADING, "grading@example.org")]
    build(oranges, "daily", posted)
    [mail] = [m for m in mailboxes.of(JOSEPH) if "digest" in str(m["Subject"])]
    plain = mail.get_body(preferencelist=("plain",)).get_content()
    return str(mail["Subject"]), plain, posted


def reply_to_digest(mail_server, subject: str, text: str, quote: str) -> Message:
    return send(mail_server, f"Re: {subject}", f"{text}\n\nOn Tuesday the group wrote:\n"
                f"{quoted(quote)}\n", "digest-reply@example.org", sender=JOSEPH)


def section(plain: str, subject: str) -> str:
    """One thread's part of a digest's text, as a reader trims a quote to what they answer."""
    start = plain.index(f"== {subject} ==")
    end = plain.find("\n== ", start + 1)
    return plain[start:end if end != -1 else None]


def test_a_reply_to_our_digest_is_suggested_for_the_thread_its_quote_answers(
        mail_server, digest, client, mentor):
    subject, plain, (selling, grading) = digest

    reply = reply_to_digest(mail_server, subject, "Three sizes here too.",
                            section(plain, GRADING[0]))

    assert reply.thread_id not in (selling.thread_id, grading.thread_id)
    assert reply.suggested_thread_id == grading.thread_id
    client.force_login(mentor)
    page = client.get(grading.thread.get_absolute_url()).content.decode()
    assert f"probably belongs to “{GRADING[0]}”" in page, "offered on the thread's page"

    actions.accept_suggestion(mentor, reply)

    reply.refresh_from_db()
    assert (reply.thread_id, reply.parent_id) == (grading.thread_id, grading.pk)
    assert reply.suggested_thread_id is None


def test_a_reply_quoting_the_whole_digest_goes_with_the_thread_its_words_share(
        mail_server, digest):
    subject, plain, (_selling, grading) = digest

    reply = reply_to_digest(mail_server, subject, "We sort into sizes at the shed too, before "
                            "the lorry: the buyer then pays each size its price.", plain)

    assert "Tanga buyer" in reply.quoted and "three sizes" in reply.quoted
    assert reply.suggested_thread_id == grading.thread_id


def test_a_reply_quoting_the_whole_digest_and_saying_nothing_particular_gets_no_suggestion(
        mail_server, digest):
    subject, plain, _posted = digest

    reply = reply_to_digest(mail_server, subject, "Asante sana, tutajaribu.", plain)

    assert "Tanga buyer" in reply.quoted and "three sizes" in reply.quoted
    assert reply.suggested_thread_id is None


def test_a_reply_to_a_mailing_list_digest_is_matched_too(mail_server, oranges):
    selling = send(mail_server, *SELLING, "selling@example.org")
    send(mail_server, *GRADING, "grading@example.org")
    mailman = (f"Today's Topics:\n\n   1. {SELLING[0]} (Halima Omari)\n\n"
               "----------------------------------------------------------------------\n\n"
               f"Message: 1\nFrom: Halima Omari\nSubject: {SELLING[0]}\n\n{SELLING[1]}\n")

    reply = send(mail_server, "Re: muheza-oranges Digest, Vol 2, Issue 7",
                 f"Did he pay cash?\n\nOn Monday the list wrote:\n{quoted(mailman)}\n",
                 "mailman-reply@example.org", sender=JOSEPH)

    assert reply.suggested_thread_id == selling.thread_id


def test_a_reply_that_says_was_is_flagged_as_a_split_and_accepting_splits_there(
        mail_server, oranges, mentor):
    selling = send(mail_server, *SELLING, "selling@example.org")
    mangoes = send(mail_server, f"Mangoes at the market (was: {SELLING[0]})",
                   "Has anyone sold mangoes the same way?", "mangoes@example.org",
                   In_Reply_To="<selling@example.org>", References="<selling@example.org>")
    answer = send(mail_server, f"Re: Mangoes at the market (was: {SELLING[0]})",
                  "Not yet, the season starts in December.", "mango-answer@example.org",
                  In_Reply_To="<mangoes@example.org>",
                  References="<selling@example.org> <mangoes@example.org>")

    assert mangoes.thread_id == selling.thread_id == answer.thread_id
    assert SplitSuggestion.objects.filter(message=mangoes).exists(), "flagged: split here?"
    assert not SplitSuggestion.objects.filter(message=answer).exists(), (
        "its replies follow the new topic")

    done = actions.accept_suggestion(mentor, mangoes)

    [new] = [t for t in done.threads if t.pk != selling.thread_id]
    assert (new.subject, new.message_count) == (f"Mangoes at the market (was: {SELLING[0]})", 2)
    assert not SplitSuggestion.objects.exists()


def test_a_new_message_that_says_was_is_suggested_for_the_old_thread(mail_server, oranges,
                                                                     mentor):
    selling = send(mail_server, *SELLING, "selling@example.org")

    prices = send(mail_server, f"Bei ya Tanga (ilikuwa: {SELLING[0]})",
                  "Mnunuzi wa Tanga analipa shilingi 150 kwa kilo.", "bei@example.org")

    assert prices.suggested_thread_id == selling.thread_id
    actions.dismiss_suggestion(mentor, prices)
    prices.refresh_from_db()
    assert (prices.suggested_thread_id, prices.thread_id) != (None, selling.thread_id)
    assert prices.suggested_thread_id is None and prices.placed_by_hand is not None


@pytest.mark.parametrize(("subject", "read"), [
    ("Mangoes (was: Selling oranges)", Was("Mangoes", "Selling oranges")),
    ("Re: [LTP] acct02 failure [was: Re: LTP Release]", Was("[LTP] acct02 failure",
                                                            "LTP Release")),
    ("Jibu: Mbegu mpya (ilikuwa: Bei ya machungwa)", Was("Mbegu mpya", "Bei ya machungwa")),
    ("Nouveau marché (était : Vente groupée", Was("Nouveau marché", "Vente groupée")),
    ("Re: Wasp nests in the store", None),
    ("Was the lorry late?", None),
])
def test_was_reads_the_new_and_the_old_subject_in_three_languages(subject, read):
    assert was(subject) == read


def test_was_names_the_thread_of_that_very_name_before_one_that_begins_so(mail_server, oranges):
    selling = send(mail_server, *SELLING, "selling@example.org")
    send(mail_server, f"{SELLING[0]} to Dar", "Has anyone sold to Dar directly?",
         "dar@example.org")

    mangoes = send(mail_server, f"Mangoes (was: {SELLING[0]})", "And mangoes?",
                   "mangoes@example.org")

    assert mangoes.suggested_thread_id == selling.thread_id
