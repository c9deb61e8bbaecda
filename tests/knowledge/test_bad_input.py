"""Bad input as a person meets it, through the real forms and pages: scripts in a practice's
Markdown, images from other sites, an origin moved after its adopters, a circle of "learned
from" made in the admin. Each is refused with a sentence that says why, or neutralised.

Already covered elsewhere: a `<script>` block, a `javascript:` link and a remote image dropped
from the page (test_pages.py), the form's refusal of a remote image, an adoption dated before
the origin, a private thread cited (test_pages.py), and every problem of a journey's records
(diffusion/test_validation.py)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from learnlink.knowledge.models import Adoption

HOSTILE = """<img src="/media/x.png" onerror="alert(1)">

<a href="javascript:alert(2)" onclick="alert(3)">click</a> <svg onload="alert(4)"></svg>

[plain](javascript:alert(5)) [spaced]( JaVaScRiPt:alert(6)) [data](data:text/html,<b>7</b>)

<iframe src="https://elsewhere.example/"></iframe> <style>body{display:none}</style>"""


class Attributes(HTMLParser):
    """Every tag and attribute a browser would build from the page: text that merely shows
    `onerror=` to the reader is harmless, an attribute is not."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)


def parsed(html: str) -> Attributes:
    found = Attributes()
    found.feed(html)
    return found


def test_scripts_in_a_practices_markdown_reach_the_page_as_harmless_text(
        client, published, mentor) -> None:
    client.force_login(mentor)
    form = {"title": published.title, "summary": published.summary, "language": "en",
            "place": published.place_id, "done": published.done, "lessons": HOSTILE}
    response = client.post(reverse("knowledge:edit", args=[published.pk]), form)
    assert response.status_code == 302
    client.logout()

    html = client.get(published.get_absolute_url()).content.decode()
    article = parsed(html[html.index("<article"):html.index("</article>")])

    assert not {"script", "iframe", "style", "svg"} & set(article.tags)
    assert not [name for name, _ in article.attributes if name.startswith("on")]
    assert not [value for name, value in article.attributes if name in {"href", "src"}
                and value.strip().lower().startswith(("javascript:", "data:"))]
    assert "click" in html and "plain" in html, "the words stay, only what runs goes"


def test_the_form_names_every_image_from_another_site_and_keeps_ours(
        client, draft, mentor) -> None:
    client.force_login(mentor)
    form = {"title": draft.title, "summary": draft.summary, "language": "en",
            "done": "![ours](/media/practices/board.jpg)",
            "results": "![a](https://tracker.example/a.png) and ![b](//cdn.example/b.gif)"}

    refused = client.post(reverse("knowledge:edit", args=[draft.pk]), form).content.decode()

    assert "https://tracker.example/a.png" in refused and "//cdn.example/b.gif" in refused
    assert "Images from other sites are not shown here" in refused
    draft.refresh_from_db()
    assert draft.results == "" and draft.done == ""
    accepted = client.post(reverse("knowledge:edit", args=[draft.pk]),
                           {**form, "results": "Two grades."})
    assert accepted.status_code == 302
    draft.refresh_from_db()
    assert draft.done == "![ours](/media/practices/board.jpg)"


def test_an_origin_moved_after_its_first_adoption_is_refused(client, published, mentor,
                                                             network) -> None:
    client.force_login(mentor)
    origin = published.origin
    page = client.post(reverse("knowledge:origin", args=[published.pk]), {
        "organisation": origin.organisation_id, "place": origin.place_id,
        "date": "2005-06-01"}).content.decode()

    assert "took this practice up on" in page and "the origin must come first" in page
    origin.refresh_from_db()
    assert str(origin.date) == "2003-06-01"


@pytest.mark.django_db
def test_a_circle_of_learned_from_is_refused_in_the_admin(admin_client, published) -> None:
    spies, growers = published.adoptions.order_by("date")
    assert growers.learned_from == spies
    form = {field: getattr(spies, f"{field}_id") or "" for field in
            ("practice", "organisation", "place", "thread", "introduction")}

    page = admin_client.post(reverse("admin:knowledge_adoption_change", args=[spies.pk]), {
        **form, "date": "2005-03-01", "status": spies.status, "channel": spies.channel,
        "adaptation": spies.adaptation, "learned_from": growers.pk}).content.decode()

    assert "That would make a circle" in page
    assert Adoption.objects.get(pk=spies.pk).learned_from is None
