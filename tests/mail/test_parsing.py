"""parse() and parse_headers(): raw bytes into ids, sender, subject, date, text, HTML, files."""

import base64
import hashlib
import json
import mailbox
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from learnlink.mail.parsing import HeaderInfo, ParseError, parse, parse_headers
from tests.conftest import TEST_DATA

BROKEN = Path(__file__).resolve().parents[1] / "data" / "mail" / "broken"
MIMEKIT = TEST_DATA / "mime" / "mimekit"

DEFAULT_HEADERS = (
    b"From: Amina Njeri <amina@example.org>",
    b"To: machungwa-muheza@learnlink.localhost",
    b"Subject: Bei ya machungwa",
    b"Date: Tue, 04 Mar 2025 10:00:00 +0300",
    b"Message-ID: <m1@example.org>",
)


def mail(*headers: bytes, body: bytes = b"Bei ni shilingi 120 kwa chungwa.\n") -> bytes:
    """A message with the given header lines, and the default ones it does not override."""
    given = {header.split(b":", 1)[0].lower() for header in headers}
    defaults = [line for line in DEFAULT_HEADERS if line.split(b":", 1)[0].lower() not in given]
    return b"\n".join([*headers, *defaults]) + b"\n\n" + body


def multipart(subtype: str, *parts: bytes, extra: bytes = b"Subject: Mahindi") -> bytes:
    """A multipart message whose parts are given with their own headers."""
    boundary = b"==learnlink=="
    body = b"".join(b"--" + boundary + b"\n" + part + b"\n" for part in parts)
    content_type = f"Content-Type: multipart/{subtype}; boundary=\"==learnlink==\"".encode()
    return mail(b"MIME-Version: 1.0", content_type, extra,
                body=body + b"--" + boundary + b"--\n")


def b64_word(charset: str, text: str) -> bytes:
    return f"=?{charset}?b?{base64.b64encode(text.encode(charset)).decode()}?=".encode()


# Message-ID, References, In-Reply-To ----------------------------------------------------------

def test_the_message_id_loses_its_angle_brackets_and_spaces() -> None:
    assert parse(mail(b"Message-ID:  < m1@example.org >")).message_id == "m1@example.org"


@pytest.mark.parametrize("header", [b"Message-ID: <>", b"Message-ID:", b"X-No-Id: true"])
def test_a_missing_or_empty_message_id_is_derived_from_the_bytes(header: bytes) -> None:
    raw = b"\n".join([header, *DEFAULT_HEADERS[:4]]) + b"\n\nHabari.\n"

    parsed = parse(raw)

    assert parsed.message_id == f"{hashlib.sha256(raw).hexdigest()[:32]}@learnlink.invalid"
    assert parse(raw).message_id == parsed.message_id
    assert any("no Message-ID" in defect for defect in parsed.defects)


def test_references_run_oldest_first_and_end_with_the_in_reply_to_parent() -> None:
    parsed = parse(mail(b"References: <root@x.org>\n <child@x.org>",
                        b"In-Reply-To: <grandchild@x.org>"))

    assert parsed.references == ["root@x.org", "child@x.org", "grandchild@x.org"]
    assert parsed.in_reply_to == "grandchild@x.org"


def test_garbage_between_references_is_ignored() -> None:
    parsed = parse(mail(b"References: <a@x.org> (Juma's note) junk <b@x.org>,<c@x.org>\t<>"))

    assert parsed.references == ["a@x.org", "b@x.org", "c@x.org"]


def test_an_in_reply_to_already_last_in_references_is_not_repeated() -> None:
    parsed = parse(mail(b"References: <a@x.org> <b@x.org>", b"In-Reply-To: <b@x.org>"))

    assert parsed.references == ["a@x.org", "b@x.org"]


def test_a_repeated_id_keeps_its_last_place_so_in_reply_to_stays_the_parent() -> None:
    parsed = parse(mail(b"References: <child@x.org> <root@x.org>", b"In-Reply-To: <child@x.org>"))

    assert parsed.references == ["root@x.org", "child@x.org"]


def test_a_message_is_never_its_own_reference() -> None:
    parsed = parse(mail(b"References: <a@x.org> <m1@example.org>",
                        b"In-Reply-To: <m1@example.org>"))

    assert parsed.references == ["a@x.org"]


def test_in_reply_to_with_a_trailing_from_clause_gives_just_the_id() -> None:
    header = b"In-Reply-To: <38A11D0E.A2064062@ipicorp.com>; from doug@ipicorp.com on Wed, Feb 09"

    parsed = parse(mail(header))

    assert parsed.in_reply_to == "38A11D0E.A2064062@ipicorp.com"
    assert parsed.references == ["38A11D0E.A2064062@ipicorp.com"]


def test_a_bare_in_reply_to_as_mailman_3s_archive_writes_it_names_the_parent() -> None:
    parsed = parse(mail(b"In-Reply-To: abc123@lists.example.org"))

    assert parsed.in_reply_to == "abc123@lists.example.org"
    assert parsed.references == ["abc123@lists.example.org"]


def test_bare_references_are_read_as_ids_oldest_first() -> None:
    parsed = parse(mail(b"References: root@lists.example.org\n child@lists.example.org",
                        b"In-Reply-To: child@lists.example.org"))

    assert parsed.references == ["root@lists.example.org", "child@lists.example.org"]


@pytest.mark.parametrize("header", [b"In-Reply-To: your message of Mon, 3 Mar 2008",
                                    b"In-Reply-To: the note juma@example.org sent on Monday",
                                    b"References: see amina@example.org"])
def test_free_text_without_brackets_names_no_parent(header: bytes) -> None:
    parsed = parse(mail(header))

    assert (parsed.in_reply_to, parsed.references) == (None, [])


def test_a_first_message_has_no_parent() -> None:
    parsed = parse(mail())

    assert (parsed.in_reply_to, parsed.references) == (None, [])


# Subject and sender -----------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "subject"), [
    (b"=?UTF-8?B?QmVpIHlhIG1haGluZGk=?=", "Bei ya mahindi"),
    (b"=?utf-8?q?Bei_ya_machungwa_=E2=80=93_Muheza?=", "Bei ya machungwa – Muheza"),
    (b"Re: =?iso-8859-1?q?March=E9?=\n\t=?iso-8859-1?q?_de_Musanze?=", "Re: Marché de Musanze"),
    (b"=?yes?q?Ng=E2=80=99ombe_na_mbuzi?=", "Ng’ombe na mbuzi"),
    (b"=?y?q?Stakabadhi_za_ghala_=E2=80=93_Murang'a?=", "Stakabadhi za ghala – Murang'a"),
    (b"=?unknown-8bit?q?Caf=C3=A9_ya_Moshi?=", "Café ya Moshi"),
    (b"=?iso-8859-1?q?Caf=C3=A9_ya_Moshi?=", "Café ya Moshi"),
    (b64_word("gbk", "玉米价格"), "玉米价格"),
    (b64_word("gbk", "朱镕基").replace(b"gbk", b"gb2312"), "朱镕基"),
    (b64_word("big5", "玉米價格"), "玉米價格"),
    (b64_word("iso-8859-2", "Cena kukurydzy w Łodzi"), "Cena kukurydzy w Łodzi"),
    (b"=?utf-8*sw?q?Mahindi?=", "Mahindi"),
])
def test_encoded_subjects_are_decoded_whatever_their_charset_label(header: bytes,
                                                                   subject: str) -> None:
    assert parse(mail(b"Subject: " + header)).subject == subject


@pytest.mark.parametrize(("header", "subject"), [
    ("Bei ya mahindi – Nakuru ✓".encode(), "Bei ya mahindi – Nakuru ✓"),
    ("Prix du maïs au marché de Musanze".encode("latin-1"), "Prix du maïs au marché de Musanze"),
])
def test_raw_8bit_subjects_are_decoded(header: bytes, subject: str) -> None:
    assert parse(mail(b"Subject: " + header)).subject == subject


def test_raw_iso_2022_jp_in_a_header_is_decoded() -> None:
    header = "日本語メールテスト".encode("iso-2022-jp")

    assert parse(mail(b"Subject: " + header)).subject == "日本語メールテスト"


def test_the_subject_has_its_whitespace_folded_and_is_cut_at_500_characters() -> None:
    long = b"Bei   ya\n\tmachungwa " + b"x" * 2_000

    subject = parse(mail(b"Subject: " + long)).subject

    assert subject.startswith("Bei ya machungwa x")
    assert len(subject) == 500


def test_the_sender_address_is_lowercased_and_the_name_decoded() -> None:
    parsed = parse(mail(b"From: =?utf-8?q?Am=C3=A9lie_Uwase?= <Amelie@Example.RW>"))

    assert (parsed.from_name, parsed.from_address) == ("Amélie Uwase", "amelie@example.rw")


@pytest.mark.parametrize(("headers", "address"), [
    ((b"From: Amina", b"Sender: Kikundi <kikundi@example.org>"), "kikundi@example.org"),
    ((b"From: Amina", b"Return-Path: <bounces@example.org>"), "bounces@example.org"),
])
def test_without_a_from_address_the_sender_then_the_return_path_is_used(
        headers: tuple[bytes, ...], address: str) -> None:
    assert parse(mail(*headers)).from_address == address


def test_a_from_without_any_address_keeps_the_name_and_says_so() -> None:
    parsed = parse(mail(b"From: Amina Njeri"))

    assert (parsed.from_name, parsed.from_address) == ("Amina Njeri", "")
    assert "no sender address" in parsed.defects


# Date -------------------------------------------------------------------------------------------

def test_the_date_is_timezone_aware_utc() -> None:
    assert parse(mail()).date == datetime(2025, 3, 4, 7, 0, tzinfo=UTC)


def test_a_date_without_a_known_zone_is_taken_as_utc() -> None:
    parsed = parse(mail(b"Date: Tue, 04 Mar 2025 10:00:00 -0000"))

    assert parsed.date == datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("value", [b"next Tuesday", b"Tue, 32 Mar 2025 10:00:00 +0300",
                                   b"Tue, 04 Mar 1901 10:00:00 +0000",
                                   b"Tue, 04 Mar 2999 10:00:00 +0000", b""])
def test_an_unreadable_or_impossible_date_is_none(value: bytes) -> None:
    assert parse(mail(b"Date: " + value)).date is None


# Text and HTML ----------------------------------------------------------------------------------

PLAIN = b"Content-Type: text/plain; charset=utf-8\n\nBei ni shilingi 120.\n"
HTML = (b"Content-Type: text/html; charset=utf-8\n\n"
        b"<p onclick='x()'>Bei ni <b>shilingi 120</b>.</p><script>alert(1)</script>\n")


def test_plain_text_is_preferred_and_html_kept_sanitised_in_an_alternative() -> None:
    parsed = parse(multipart("alternative", PLAIN, HTML))

    assert parsed.text == "Bei ni shilingi 120."
    assert parsed.html == "<p>Bei ni <b>shilingi 120</b>.</p>"


def test_html_only_mail_gets_its_text_from_the_html() -> None:
    parsed = parse(mail(b"Content-Type: text/html", body=HTML.split(b"\n\n", 1)[1]))

    assert parsed.text == "Bei ni shilingi 120."
    assert parsed.new_text == "Bei ni shilingi 120."


def test_links_are_marked_nofollow_and_remote_images_removed() -> None:
    html = (b'<a href="https://example.org/bei">bei</a><img src="https://t.example/p.gif">'
            b'<img src="cid:picha1" alt="shamba">')

    parsed = parse(mail(b"Content-Type: text/html", body=html))

    assert parsed.html == ('<a href="https://example.org/bei" rel="nofollow noopener">bei</a>'
                           '<img src="cid:picha1" alt="shamba">')


def test_text_from_every_inline_part_of_a_mixed_message_is_kept() -> None:
    footer = b"Content-Type: text/plain\n\nKikundi cha Machungwa - jiondoe: machungwa-leave@\n"

    parsed = parse(multipart("mixed", PLAIN, HTML, footer))

    assert parsed.text.split("\n\n") == ["Bei ni shilingi 120.", "Bei ni shilingi 120.",
                                         "Kikundi cha Machungwa - jiondoe: machungwa-leave@"]


def test_a_body_labelled_latin1_that_is_utf8_is_read_as_utf8() -> None:
    parsed = parse(mail(b"Content-Type: text/plain; charset=iso-8859-1",
                        body="Coopérative ya Musanze\n".encode()))

    assert parsed.text == "Coopérative ya Musanze"
    assert "text/plain part: labelled iso-8859-1 but is utf-8" in parsed.defects


@pytest.mark.parametrize(("charset", "text"), [
    ("gbk", "玉米价格每公斤四十先令"), ("big5", "玉米價格每公斤四十先令"),
    ("iso-8859-2", "Cena kukurydzy w Łodzi wzrosła"), ("windows-1252", "Prix du maïs – 420 FRw"),
])
def test_bodies_in_their_declared_charset_are_decoded_without_complaint(charset: str,
                                                                         text: str) -> None:
    content_type = f"Content-Type: text/plain; charset={charset}".encode()

    parsed = parse(mail(content_type, body=text.encode(charset)))

    assert parsed.text == text
    assert parsed.defects == []


def test_a_latin1_label_is_read_as_windows_1252_as_browsers_do() -> None:
    parsed = parse(mail(b"Content-Type: text/plain; charset=iso-8859-1",
                        body="Bei: 40 € – nzuri".encode("cp1252")))

    assert parsed.text == "Bei: 40 € – nzuri"


def test_nul_characters_are_removed_from_the_text() -> None:
    parsed = parse(mail(body=b"Bei\x00 ni 120\n"))

    assert parsed.text == "Bei ni 120"
    assert "NUL characters removed from the text" in parsed.defects


def test_a_byte_order_mark_before_the_headers_is_ignored() -> None:
    assert parse(b"\xef\xbb\xbf" + mail()).subject == "Bei ya machungwa"


def test_a_multipart_without_a_boundary_is_read_as_text() -> None:
    parsed = parse(mail(b"Content-Type: multipart/mixed", body=b"Bei ni 120.\n"))

    assert parsed.text == "Bei ni 120."


def nested(depth: int) -> bytes:
    """A message whose text sits inside `depth` multiparts."""
    part = PLAIN
    for level in range(depth):
        boundary = f"b{level}".encode()
        part = (b"Content-Type: multipart/mixed; boundary=" + boundary + b"\n\n--" + boundary
                + b"\n" + part + b"\n--" + boundary + b"--\n")
    headers, body = part.split(b"\n\n", 1)
    return mail(headers, body=body)


def test_mime_nested_absurdly_deep_is_read_down_to_a_limit() -> None:
    parsed = parse(nested(60))

    assert "MIME parts nested deeper than 50 levels were skipped" in parsed.defects


def test_mime_nested_thousands_deep_is_refused_with_a_reason() -> None:
    with pytest.raises(ParseError, match="nested too deeply"):
        parse(nested(3_000))


# Attachments ------------------------------------------------------------------------------------

def attachment(headers: bytes, content: bytes = b"%PDF-1.4\n") -> bytes:
    return multipart("mixed", PLAIN, headers + b"\nContent-Transfer-Encoding: base64\n\n"
                     + base64.encodebytes(content))


def test_an_inline_image_is_an_attachment_named_from_its_type() -> None:
    parsed = parse(attachment(b"Content-Type: image/png\nContent-Disposition: inline", b"\x89PNG"))

    [image] = parsed.attachments
    assert (image.filename, image.content_type, image.content) == ("attachment-1.png", "image/png",
                                                                   b"\x89PNG")
    assert image.sha256 == hashlib.sha256(b"\x89PNG").hexdigest()


@pytest.mark.parametrize(("headers", "filename"), [
    (b"Content-Type: application/pdf\n"
     b"Content-Disposition: attachment; filename*=utf-8''risiti%20ya%20gh%C3%A1la.pdf",
     "risiti ya ghála.pdf"),
    (b"Content-Type: application/pdf\n"
     b"Content-Disposition: attachment; filename*0*=utf-8''risiti%20ya;\n filename*1=.pdf",
     "risiti ya.pdf"),
    (b'Content-Type: application/pdf\nContent-Disposition: attachment;\n'
     b' filename="=?utf-8?q?Mahindi_=E2=80=93_bei.pdf?="', "Mahindi – bei.pdf"),
    (b'Content-Type: application/pdf; name="bei.pdf"', "bei.pdf"),
    (b'Content-Type: application/pdf\nContent-Disposition: attachment; filename="Caf\xc3\xa9.pdf"',
     "Café.pdf"),
])
def test_attachment_names_are_decoded(headers: bytes, filename: str) -> None:
    assert parse(attachment(headers)).attachments[0].filename == filename


@pytest.mark.parametrize(("name", "filename"), [
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\amina\\risiti.pdf", "risiti.pdf"),
    ("risiti\u202efdp.exe", "risitifdp.exe"),
    ("..", "attachment-1.pdf"),
    ("   ", "attachment-1.pdf"),
    ("/", "attachment-1.pdf"),
])
def test_attachment_names_lose_directories_and_invisible_characters(name: str,
                                                                    filename: str) -> None:
    quoted = name.replace("\\", "\\\\").encode()
    headers = b'Content-Type: application/pdf\nContent-Disposition: attachment; filename="'

    assert parse(attachment(headers + quoted + b'"')).attachments[0].filename == filename


def test_an_attachment_name_in_an_unreadable_charset_is_named_from_its_type() -> None:
    headers = (b"Content-Type: application/pdf\n"
               b"Content-Disposition: attachment; filename*=\x00utf-8''risiti.pdf")

    parsed = parse(attachment(headers))

    assert parsed.attachments[0].filename == "attachment-1.pdf"
    assert "filename: an unreadable RFC 2231 charset" in parsed.defects


def test_a_long_attachment_name_is_cut_to_255_characters_keeping_its_extension() -> None:
    headers = b'Content-Type: application/pdf; name="' + b"risiti-" * 100 + b'.pdf"'

    filename = parse(attachment(headers)).attachments[0].filename

    assert len(filename) == 255
    assert filename.startswith("risiti-risiti-")
    assert filename.endswith(".pdf")


def test_a_forwarded_message_that_cannot_be_written_back_byte_for_byte_is_still_kept() -> None:
    inner = (b'Content-Type: multipart/alternative; boundary="\xff"\n\n'
             b"--\xff\nContent-Type: text/plain\n\nBei ni 120.\n--\xff--\n")

    parsed = parse(multipart("mixed", b"Content-Type: message/rfc822\n\n" + inner))

    [forwarded] = parsed.attachments
    assert forwarded.content_type == "message/rfc822"
    assert b"Bei ni 120." in forwarded.content


# Automatic mail, lists and loops ----------------------------------------------------------------

@pytest.mark.parametrize(("header", "reason"), [
    (b"Auto-Submitted: auto-replied", "auto-reply (Auto-Submitted: auto-replied)"),
    (b"Auto-Submitted: auto-generated", "auto-reply (Auto-Submitted: auto-generated)"),
    (b"Precedence: bulk", "bulk mail (Precedence: bulk)"),
    (b"Precedence: junk", "junk mail (Precedence: junk)"),
    (b"X-Autoreply: yes", "vacation reply (X-Autoreply)"),
    (b"X-Autorespond: Out of office", "vacation reply (X-Autorespond)"),
    (b"X-Auto-Response-Suppress: All", "automatic message (X-Auto-Response-Suppress: All)"),
    (b"Subject: Out of Office: Bei ya machungwa", "out-of-office reply (Subject: Out of Offic"),
    (b"Subject: Auto: nitarudi Jumatatu", "out-of-office reply (Subject: Auto: nitar"),
    (b"Subject: =?utf-8?q?R=C3=A9ponse_automatique?=", "out-of-office reply (Subject: Répon"),
])
def test_automatic_mail_says_why_it_looks_automatic(header: bytes, reason: str) -> None:
    assert parse(mail(header)).auto_reply.startswith(reason)


@pytest.mark.parametrize("header", [b"Precedence: list", b"Auto-Submitted: no",
                                    b"X-Auto-Response-Suppress: DR, RN, NRN",
                                    b"Subject: Re: Autoreply settings on the office laptop?"])
def test_ordinary_mail_from_people_and_lists_is_not_automatic(header: bytes) -> None:
    assert parse(mail(header)).auto_reply == ""


def test_list_ids_and_loop_markers_are_reported() -> None:
    parsed = parse(mail(b"List-Id: Wakulima wa Machungwa <Machungwa.Learnlink.Example>",
                        b"X-Loop: Machungwa@learnlink.example", b"X-Loop: other@lists.example"))

    assert parsed.list_ids == ["machungwa.learnlink.example"]
    assert parsed.loop_markers == ["machungwa@learnlink.example", "other@lists.example"]


# Unreadable bytes and the cheap path ------------------------------------------------------------

@pytest.mark.parametrize("raw", [b"", b"\n\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                                 b"Bei ya machungwa ni 120.\nKaribuni.\n"])
def test_bytes_that_are_no_email_raise_parse_error_with_a_reason(raw: bytes) -> None:
    with pytest.raises(ParseError) as raised:
        parse(raw)
    assert raised.value.reason.startswith("not an email")
    with pytest.raises(ParseError):
        parse_headers(raw)


def header_facts(parsed: HeaderInfo) -> HeaderInfo:
    return HeaderInfo(parsed.message_id, parsed.references, parsed.in_reply_to, parsed.subject,
                      parsed.from_name, parsed.from_address, parsed.date)


def test_parse_headers_agrees_with_parse_on_the_broken_mail() -> None:
    for path in BROKEN.glob("*.eml"):
        if not path.name.startswith("not-an-email"):
            raw = path.read_bytes()
            assert parse_headers(raw) == header_facts(parse(raw)), path.name


def test_parse_headers_does_not_read_the_body() -> None:
    raw = mail(body=b"Subject: not this one\n" + b"x" * 20_000_000)

    started = time.perf_counter()
    headers = parse_headers(raw)

    assert time.perf_counter() - started < 0.5
    assert headers.subject == "Bei ya machungwa"


# Real mail from other projects' test suites (tests/data) -----------------------------------------

def corpus_messages(data: Path) -> Iterator[tuple[str, bytes]]:
    """Every message file and every message of every mbox of the other projects' test mail."""
    for path in sorted((data / "mime" / "mimekit" / "messages").iterdir()):
        yield path.name, path.read_bytes()
    mboxes = [*data.glob("mime/mimekit/*.mbox.txt"), *data.glob("threading/**/*.mbox"),
              data / "threading" / "mailbox-perl" / "mbox.src"]
    for path in sorted(mboxes):
        box = mailbox.mbox(path, create=False)
        for key in box.iterkeys():
            yield f"{path.name} #{key}", box.get_bytes(key)
    for path in sorted((data / "threading" / "notmuch" / "corpora").rglob("*")):
        if path.is_file() and path.name != "README":
            yield str(path.relative_to(data)), path.read_bytes()


def test_every_corpus_message_parses_and_only_mbox_fragments_are_refused() -> None:
    parsed, refused = 0, []
    for name, raw in corpus_messages(TEST_DATA):
        try:
            parse(raw)
        except ParseError as error:
            refused.append((name, error.reason))
        else:
            parsed += 1

    # An mbox split on an unescaped "From " line in a body leaves fragments without headers.
    assert all(reason.startswith("not an email") for _, reason in refused), refused
    assert len(refused) <= 3, refused
    assert parsed > 450


def test_every_mimekit_message_file_parses() -> None:
    for path in (MIMEKIT / "messages").iterdir():
        parse(path.read_bytes())


@pytest.mark.parametrize("name", ["content-length", "issue1189"])
def test_subjects_match_mimekit_summaries(name: str) -> None:
    data = MIMEKIT
    summary = (data / f"{name}-summary.txt").read_text(encoding="utf-8")
    subjects = [" ".join(subject.split())
                for subject in re.findall(r"^Subject: ?(.*)$", summary, re.MULTILINE)]
    box = mailbox.mbox(data / f"{name}.mbox.txt", create=False)

    assert [parse(box.get_bytes(key)).subject for key in box.iterkeys()] == subjects


def test_message_ids_and_parents_match_mail_box_perls_expected_map() -> None:
    data = TEST_DATA / "threading" / "mailbox-perl"
    expected = json.loads((data / "expected_parent_map.json").read_text())["messages"]
    box = mailbox.mbox(data / "mbox.src", create=False)

    for key in box.iterkeys():
        parsed, facts = parse(box.get_bytes(key)), expected[str(key)]
        if not facts["message_id"].startswith("__nomid"):
            assert parsed.message_id == facts["message_id"]
        parent = parsed.references[-1] if parsed.references else None
        assert parent == facts["direct_parent_id"]


def test_a_backwards_references_header_still_ends_with_the_parent() -> None:
    data = TEST_DATA / "threading" / "notmuch" / "corpora" / "threading"

    parsed = parse((data / "parent-priority" / "cur" / "grand-child").read_bytes())

    assert parsed.references == ["B00-root@example.org", "B01-child@example.org"]


def test_the_mimekit_japanese_subject_in_raw_iso_2022_jp_is_decoded() -> None:
    data = MIMEKIT / "messages"

    parsed = parse((data / "japanese.txt").read_bytes())

    assert parsed.subject == "日本語メールテスト (testing Japanese emails)"
