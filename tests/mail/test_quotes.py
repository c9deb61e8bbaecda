"""split_reply: what the writer wrote now, what they quoted, and their signature."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnlink.mail.quotes import Reply, split_reply

QUESTION = "> Bei ya machungwa ni ngapi sokoni wiki hii?\n> Juma"


@pytest.mark.parametrize("attribution", [
    "On Tue, 3 Mar 2004, Juma Hamisi <juma@example.org> wrote:",
    "On Tue, Mar 3, 2004 at 10:15 AM Juma Hamisi via Machungwa <machungwa@example.org> wrote:",
    "Le 3 mars 2004, Juma Hamisi a écrit :",
    "Le mar. 3 mars 2004 à 10:15, Juma Hamisi <juma@example.org> a\xa0écrit\xa0:",
    "Mnamo 3 Machi 2004, Juma Hamisi aliandika:",
    "Mnamo Jumanne, 3 Machi 2004 saa 10:15, Juma Hamisi <juma@example.org> aliandika:",
    "Tarehe 3 Machi 2004, Juma Hamisi <juma@example.org> aliandika:",
    "Am 03.03.2004 um 10:15 schrieb Juma Hamisi <juma@example.org>:",
])
def test_a_top_posted_reply_is_cut_at_the_attribution_line(attribution: str) -> None:
    reply = split_reply(f"Ni shilingi 120 kwa chungwa.\n\n{attribution}\n{QUESTION}\n")

    assert reply.new_text == "Ni shilingi 120 kwa chungwa."
    assert reply.quoted == f"{attribution}\n{QUESTION}"
    assert reply.signature == ""


def test_an_attribution_wrapped_over_two_lines_is_found() -> None:
    text = ("Ndiyo.\n\nOn Tue, 3 Mar 2004 at 10:15, Juma Hamisi <juma@example.org>\n"
            f"wrote:\n{QUESTION}")

    reply = split_reply(text)

    assert reply.new_text == "Ndiyo."
    assert reply.quoted.startswith("On Tue, 3 Mar 2004")


@pytest.mark.parametrize("separator", [
    "-----Original Message-----",
    "-----Ujumbe Asili-----",
    "----- Ujumbe wa awali -----",
    "-------- Message d'origine --------",
    "---------- Forwarded message ----------",
])
def test_an_outlook_separator_starts_the_quote(separator: str) -> None:
    text = (f"Tutaleta magunia 40.\n\n{separator}\nFrom: Juma Hamisi\n"
            "Sent: Tuesday, March 3, 2004 10:15 AM\nSubject: Mahindi\n\nMtaleta magunia mangapi?")

    reply = split_reply(text)

    assert reply.new_text == "Tutaleta magunia 40."
    assert reply.quoted.startswith(separator)
    assert reply.quoted.endswith("Mtaleta magunia mangapi?")


@pytest.mark.parametrize("block", [
    "From: Juma Hamisi\nSent: Tuesday, March 3, 2004 10:15 AM\nTo: Kikundi\nSubject: Mahindi",
    "De : Juma Hamisi\nEnvoyé : mardi 3 mars 2004 10:15\nÀ : Kikundi\nObjet : Maïs",
    "Kutoka: Juma Hamisi\nImetumwa: Jumanne, 3 Machi 2004\nKwa: Kikundi\nMada: Mahindi",
])
def test_an_outlook_header_block_and_the_rule_above_it_start_the_quote(block: str) -> None:
    rule = "_" * 32
    text = f"Tutaleta magunia 40.\n\n{rule}\n{block}\n\nMtaleta magunia mangapi?"

    reply = split_reply(text)

    assert reply.new_text == "Tutaleta magunia 40."
    assert reply.quoted.startswith(rule)


def test_a_notice_that_starts_with_date_and_to_lines_is_not_taken_for_a_quote() -> None:
    text = "Date: Saturday 8 March\nTo: all members\n\nWe meet at the warehouse at ten."

    assert split_reply(text).new_text == text


def test_inline_replies_keep_every_unquoted_line_as_new_text() -> None:
    text = ("On Tue, 3 Mar 2004, Juma Hamisi wrote:\n"
            "> Bei ya machungwa?\n"
            "Shilingi 120.\n"
            "\n"
            "> Lori linakuja lini?\n"
            "Jumamosi asubuhi.\n")

    reply = split_reply(text)

    assert reply.new_text == "Shilingi 120.\n\nJumamosi asubuhi."
    assert reply.quoted == ("On Tue, 3 Mar 2004, Juma Hamisi wrote:\n> Bei ya machungwa?\n"
                            "> Lori linakuja lini?")


def test_a_bottom_posted_reply_is_the_text_below_the_quote() -> None:
    text = f"{QUESTION}\n\nShilingi 120 kwa chungwa."

    assert split_reply(text) == Reply("Shilingi 120 kwa chungwa.", QUESTION, "")


def test_the_signature_after_dash_dash_space_is_split_off() -> None:
    text = "Tutaleta magunia 40.\n-- \nAmina Njeri\nKikundi cha Wakulima wa Muheza\n"

    reply = split_reply(text)

    assert reply.new_text == "Tutaleta magunia 40."
    assert reply.signature == "Amina Njeri\nKikundi cha Wakulima wa Muheza"


def test_a_signature_between_the_reply_and_the_quote_stays_out_of_both() -> None:
    text = f"Ndiyo.\n-- \nAmina\n\nOn Tue, 3 Mar 2004, Juma wrote:\n{QUESTION}"

    assert split_reply(text) == Reply("Ndiyo.", f"On Tue, 3 Mar 2004, Juma wrote:\n{QUESTION}",
                                      "Amina")


@pytest.mark.parametrize("sign_off", ["Asante,\nAmina", "Wako,\nAmina", "Thanks,\nAmina",
                                      "Cordialement,\nAmélie", "- Amina"])
def test_sign_offs_without_the_delimiter_are_part_of_what_was_written(sign_off: str) -> None:
    text = f"Tumeuza magunia 40.\n - kilo 90 kwa gunia\n{sign_off}"

    assert split_reply(text) == Reply(text, "", "")


def test_a_sent_from_my_phone_line_is_a_signature() -> None:
    reply = split_reply("Nitakuja Jumamosi.\n\nSent from my iPhone")

    assert reply == Reply("Nitakuja Jumamosi.", "", "Sent from my iPhone")


@pytest.mark.parametrize("text", [
    "-- \nAmina Njeri",
    "On Tue, 3 Mar 2004, Juma wrote:\n> Bei?",
    "-----Original Message-----\nFrom: Juma\nSent: Tuesday\n\nBei ya mahindi ni KSh 3,400.",
    "Sent from my iPhone",
])
def test_the_new_text_is_never_empty_when_the_message_has_text_of_its_own(text: str) -> None:
    assert split_reply(text).new_text != ""


def test_a_message_that_only_quotes_has_no_new_text() -> None:
    assert split_reply(QUESTION) == Reply("", QUESTION, "")


def test_windows_and_old_mac_line_endings_are_understood() -> None:
    quote = QUESTION.replace("\n", "\r")
    text = f"Ndiyo.\r\n\r\nOn Tue, 3 Mar 2004, Juma wrote:\r\n{quote}"

    assert split_reply(text).new_text == "Ndiyo."


def test_a_language_hint_adds_a_language_that_is_not_looked_for_by_default() -> None:
    text = f"Ja.\n\nDen 3 mars 2004 skrev Juma Hamisi <juma@example.org>:\n{QUESTION}"

    assert "skrev" in split_reply(text).new_text
    assert split_reply(text, language_hint="sv-SE").new_text == "Ja."


@pytest.mark.parametrize("text", [
    ("On " + "a " * 98 + "wrote\n:\n") * 20_000,
    ("On Tue, 3 Mar 2004, " + "x" * 150 + " y\n") * 20_000,
    "On " + "x " * 500_000,
    ("From: Juma\n\n") * 20_000,
    "> q\n" * 100_000,
])
def test_long_and_hostile_texts_are_split_in_well_under_a_second(text: str) -> None:
    started = time.perf_counter()
    split_reply(text)
    assert time.perf_counter() - started < 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab :>-_\n\r\t\xa0\u200bOnwrote")), max_size=300))
def test_any_text_splits_and_keeps_its_unquoted_text_new(text: str) -> None:
    reply = split_reply(text)

    visible = (line.replace("\u200b", "").strip() for line in text.replace("\r", "\n").split("\n"))
    own = [line for line in visible if line and not line.startswith(">")]
    assert bool(reply.new_text) == bool(own)
