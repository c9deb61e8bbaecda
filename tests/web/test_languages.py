"""One language per page and per notice: a reader of Kiswahili or French finds no English
sentence of our catalogue, no English month and no ISO date among their own words."""

import re

import pytest
from django.test import Client

from tests.catalogue import english_in, readable_text
from tests.crawling import same_site_page, walk
from tests.web.site import PERSONAS, load_site

# A month named in English, "Jul 2004" or "14 Jul": French pages once mixed these in.
ENGLISH_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.? \d"
                           r"|\d \b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
ISO_DAY = re.compile(r"(?<![\w/-])\d{4}-\d\d-\d\d(?![\w/-])")
# A mail on the outbox page is shown as it was sent (its headers, its text), in its group's
# language: the notices' own test checks those.
# An archived message's own words are its writer's, in its group's language: a synthesis a
# mentor mailed to an English-speaking group is archived in English, headings and all.
SENT_MAIL = re.compile(r'<pre class="mail">.*?</pre>|<dl class="headers">.*?</dl>'
                       r'|<div class="text">.*?</div>|<div class="quote">.*?</div>', re.S)


def out_of_language(page: str, language: str) -> list[str]:
    text = readable_text(SENT_MAIL.sub(" ", page))
    found = english_in(text, language) + ISO_DAY.findall(text)
    if language == "fr":
        found += ENGLISH_MONTH.findall(text)
    return found


@pytest.mark.parametrize("language", ["sw", "fr"])
@pytest.mark.django_db
def test_no_page_shows_english_to_a_reader_of_kiswahili_or_french(language):
    """Every page shape, as every persona; two pages of each shape (pages that differ by an id
    or a slug are drawn by one template)."""
    users = load_site()
    found: dict[str, list[str]] = {}
    for persona in PERSONAS:
        client = Client()
        if users[persona]:
            client.force_login(users[persona])
        # The language buttons: a choice that wins over a signed-in profile's own language.
        client.post("/i18n/setlang/", {"language": language, "next": "/"})

        def fetch(url: str, client: Client = client, persona: str | None = persona) -> str | None:
            response = client.get(url)
            if "text/html" not in response.get("Content-Type", ""):
                return None
            page = response.content.decode()
            if english := out_of_language(page, language):
                found[f"{persona or 'visitor'} {url}"] = english
            return page

        walk(fetch, "/", same_site_page, samples=2)
    assert found == {}
