"""The catalogue of outgoing mail (learnlink.lib.emails): every kind is written in English,
Kiswahili and French from its sample, every mail template belongs to a kind, and staff read
them all on one page."""

import re
from pathlib import Path

import pytest
from django.utils.html import escape

from learnlink.lib.emails import kinds, render_sample
from tests.catalogue import english_in, readable_text

PACKAGE = Path(__file__).resolve().parents[2] / "learnlink"
LANGUAGES = ["en", "sw", "fr"]


def mail_templates() -> set[str]:
    """Every template under an app's templates/APP/email/, parts aside, by its template name."""
    return {str(path.relative_to(path.parents[2])) for path in PACKAGE.glob("*/templates/*/email/*")
            if path.is_file()}


def test_the_catalogue_holds_the_mail_of_every_app_that_sends_any():
    assert {kind.app for kind in kinds()} == {"people", "exchange", "alliance", "impact",
                                              "mentoring"}
    assert len(kinds()) >= 27


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_mail_is_written_from_its_sample_in_each_language(language):
    """Nothing raises, the subject is one line, and a reader of Kiswahili or French finds no
    English sentence of our catalogue in the subject, the text or the HTML."""
    problems = {}
    for kind in kinds():
        mail = render_sample(kind, language)
        if not mail.subject or "\n" in mail.subject:
            problems[kind.key] = f"subject {mail.subject!r}"
        elif not mail.text.strip():
            problems[kind.key] = "no text"
        elif language != "en" and (english := english_in(
                f"{mail.subject}\n{mail.text}\n{readable_text(mail.html)}", language)):
            problems[kind.key] = english
    assert problems == {}


def test_every_mail_template_belongs_to_a_kind_of_the_catalogue():
    """A new mail cannot go round the catalogue: its templates would be found here."""
    registered = {name for kind in kinds() for name in kind.templates}
    assert mail_templates() - registered == set()
    assert registered - mail_templates() == set()


def test_every_part_of_a_mail_is_used():
    """email/parts/ holds what several mails share (the command list, the list footer)."""
    sources = "\n".join(path.read_text() for path in PACKAGE.rglob("*")
                        if path.suffix in (".py", ".txt", ".html") and path.is_file())
    parts = [str(path.relative_to(path.parents[3]))
             for path in PACKAGE.glob("*/templates/*/email/parts/*")]
    assert parts
    assert [part for part in parts if sources.count(part) == 0] == []


def test_no_module_writes_mail_but_the_catalogue():
    """Mail is rendered and sent by learnlink.lib.emails; only transport (the mail app)
    builds messages of its own."""
    builder = re.compile(r"\b(send_mail|EmailMessage|EmailMultiAlternatives)\(|"
                         r"render_to_string\(\s*f?\"\w+/email/(?!parts/)")
    found = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
             if builder.search(path.read_text())
             and path.relative_to(PACKAGE).parts[0] not in ("mail", "lib")]
    assert found == []


@pytest.mark.parametrize("language", ["sw", "fr"])
def test_staff_read_every_kind_on_light_pages_in_the_language_asked(client, staff, language):
    """The first page lists every kind; each app's page writes its kinds out."""
    client.force_login(staff)
    index = client.get(f"/outbox/catalogue/?language={language}").content.decode()
    for kind in kinds():
        address = f"/outbox/catalogue/{kind.app}/?language={language}"
        assert f'href="{address}#{kind.key}"' in index
        page = client.get(address).content.decode()
        assert f"<h2>{kind.key}</h2>" in page
        assert escape(render_sample(kind, language).subject) in page
        assert "<script" not in page
        assert len(page.encode()) < 50 * 1024
    assert client.get("/outbox/catalogue/nosuchapp/").status_code == 404


@pytest.mark.parametrize(("persona", "status"), [
    (None, 302), ("outsider", 404), ("learner", 404), ("coordinator", 404), ("mentor", 200),
    ("staff", 200)])
def test_the_catalogue_page_is_for_the_outbox_readers_only(client, persona, status, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    assert client.get("/outbox/catalogue/").status_code == status
