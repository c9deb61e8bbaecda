"""Broken mail as farmer groups really send it: every message is read, nothing active survives.

The .eml files in tests/data/mail/broken are small and hand-made; the 20 MB attachment is made
here so it never sits in the repository.
"""

import hashlib
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from learnlink.mail.parsing import ParsedMessage, ParseError, parse

BROKEN = Path(__file__).resolve().parents[1] / "data" / "mail" / "broken"
UNREADABLE = {"not-an-email.eml"}
ACTIVE_HTML = ("<script", "onclick", "onload", "javascript:", "<iframe", "<form", "<input",
               "tracker.example.com")

# A phrase from every readable part of every message, which must reach the text.
KEPT_TEXT = {
    "truncated-mime.eml": ["Bei ya machungwa leo sokoni Muheza ni shilingi 120"],
    "latin1-labelled-utf8.eml": ["La coopérative a reçu les reçus d'entrepôt de 35 membres."],
    "utf8-labelled-y.eml": ["magunia 40 ya mahindi – bei ni KSh 3,400 kwa gunia"],
    "raw-8bit-headers.eml": ["Gunia la kilo 90 linauzwa KSh 3,600 Nakuru leo."],
    "no-message-id.eml": ["samadi ya kuku kwenye michungwa michanga"],
    "html-only-script.eml": ["Nakuru: KSh 3,600 per 90 kg bag.",
                             "Warehouse receipts are accepted at the Eldoret store."],
    "nested-rfc822.eml": ["bring yours to the meeting",
                          "Received 40 bags of maize, grade 1, moisture 13%."],
    "empty-body.eml": [],
    "no-text-part.eml": [],
    "broken-base64.eml": ["Mavuno ya mwaka huu: magunia 52 ya mahindi"],
    "header-folded-wrongly.eml": ["Tutakutana ghalani saa nne asubuhi"],
}


def read(name: str) -> ParsedMessage:
    return parse((BROKEN / name).read_bytes())


def test_the_corpus_covers_every_file_in_the_folder() -> None:
    assert {path.name for path in BROKEN.glob("*.eml")} == set(KEPT_TEXT) | UNREADABLE


@pytest.mark.parametrize("name", sorted(KEPT_TEXT))
def test_each_broken_message_is_read_with_the_text_of_every_readable_part(name: str) -> None:
    parsed = read(name)

    for phrase in KEPT_TEXT[name]:
        assert phrase in parsed.text
    assert parsed.message_id
    assert not any(marker in parsed.html.lower() for marker in ACTIVE_HTML)


@pytest.mark.parametrize("name", sorted(KEPT_TEXT))
def test_everything_read_from_broken_mail_is_storable_text(name: str) -> None:
    parsed = read(name)
    texts = [parsed.subject, parsed.from_name, parsed.text, parsed.new_text, parsed.quoted,
             parsed.html, *(attachment.filename for attachment in parsed.attachments)]

    for text in texts:
        text.encode("utf-8")  # no lone surrogates left from raw 8-bit bytes
        assert "\x00" not in text


def test_bytes_that_are_not_an_email_are_refused_with_a_reason() -> None:
    with pytest.raises(ParseError, match="not an email"):
        read("not-an-email.eml")


def test_a_truncated_multipart_keeps_its_parts_and_says_it_was_not_closed() -> None:
    parsed = read("truncated-mime.eml")

    [buyers] = parsed.attachments
    assert (buyers.filename, buyers.content_type) == ("wanunuzi.csv", "text/csv")
    assert buyers.content.startswith(b"mnunuzi,bei,kiasi\nTanga Fresh,120,2000")
    assert "multipart/mixed: close boundary not found" in parsed.defects


def test_latin1_bytes_labelled_utf8_are_repaired_headers_and_body() -> None:
    parsed = read("latin1-labelled-utf8.eml")

    assert parsed.subject == "Prix du maïs au marché de Musanze"
    assert parsed.from_name == "Amélie Uwase"
    assert "text/plain part: wrong charset 'utf-8'; read as cp1252" in parsed.defects


def test_utf8_labelled_with_the_bogus_charset_y_is_read_as_utf8() -> None:
    parsed = read("utf8-labelled-y.eml")

    assert parsed.subject == "Stakabadhi za ghala – Murang'a"
    assert "text/plain part: wrong charset 'y'; read as utf-8" in parsed.defects


def test_raw_8bit_headers_are_decoded() -> None:
    parsed = read("raw-8bit-headers.eml")

    assert parsed.subject == "Bei ya mahindi – Nakuru ✓"
    assert (parsed.from_name, parsed.from_address) == ("Ng’ang’a Mwangi", "nganga@example.co.ke")


def test_a_message_without_message_id_gets_the_same_derived_id_every_time() -> None:
    first, again = read("no-message-id.eml"), read("no-message-id.eml")

    assert first.message_id.endswith("@learnlink.invalid")
    assert first.message_id == again.message_id


def test_html_only_mail_loses_scripts_handlers_forms_and_tracking_pixels() -> None:
    parsed = read("html-only-script.eml")

    assert "document.cookie" not in parsed.html + parsed.text
    assert "<img" not in parsed.html
    assert '<a href="https://example.com/prices" rel="nofollow noopener">' in parsed.html
    assert "Click for Eldoret prices" in parsed.text


def test_a_forwarded_message_is_kept_whole_and_its_text_follows_the_comment() -> None:
    parsed = read("nested-rfc822.eml")

    [forwarded] = parsed.attachments
    assert (forwarded.filename, forwarded.content_type) == ("attachment-1.eml", "message/rfc822")
    assert parse(forwarded.content).message_id == "wr-2025-0311@warehouse.example.co.ke"
    assert parsed.new_text == ("This is what a warehouse receipt looks like"
                               " - bring yours to the meeting.")
    assert "From: Eldoret Warehouse <stores@warehouse.example.co.ke>" in parsed.quoted


def test_an_empty_body_gives_empty_text() -> None:
    parsed = read("empty-body.eml")

    assert (parsed.text, parsed.new_text, parsed.html, parsed.attachments) == ("", "", "", [])


def test_a_multipart_without_text_keeps_its_files_with_safe_names() -> None:
    parsed = read("no-text-part.eml")

    photo, receipt = parsed.attachments
    assert (photo.filename, photo.content_type) == ("attachment-1.jpg", "image/jpeg")
    assert photo.content.startswith(b"\xff\xd8\xff\xe0")
    assert receipt.filename == "risiti .pdf"
    assert receipt.content.startswith(b"%PDF-1.4")


def test_base64_with_broken_padding_or_stray_characters_is_still_decoded() -> None:
    parsed = read("broken-base64.eml")

    assert parsed.attachments[0].content.startswith(b"\xd0\xcf\x11\xe0")
    assert "text/plain: invalid base64 padding" in parsed.defects


def test_a_header_continued_without_indentation_is_joined_back() -> None:
    parsed = read("header-folded-wrongly.eml")

    assert parsed.subject == "Mkutano wa wakulima wa machungwa wiki ijayo Jumanne"
    assert parsed.from_address == "mwanaisha@example.tz"
    assert parsed.text == "Tutakutana ghalani saa nne asubuhi kupanga madaraja ya machungwa."


def test_a_20_mb_attachment_arrives_whole_in_a_few_seconds() -> None:
    content = hashlib.sha256(b"maize").digest() * (20 * 1024 * 1024 // 32)
    message = EmailMessage()
    message["From"] = "Wanjiru Kamau <wanjiru@example.co.ke>"
    message["Subject"] = "Picha za ghala"
    message["Message-ID"] = "<picha-ghala@example.co.ke>"
    message.set_content("Picha za ghala letu zimeambatishwa.")
    message.add_attachment(content, maintype="application", subtype="zip", filename="picha.zip")
    raw = message.as_bytes()

    started = time.perf_counter()
    parsed = parse(raw)

    assert time.perf_counter() - started < 10
    [photos] = parsed.attachments
    assert photos.sha256 == hashlib.sha256(content).hexdigest()
    assert parsed.text == "Picha za ghala letu zimeambatishwa."
