"""A practice page shared and printed: OpenGraph tells a chat or a social site its title,
summary, address and language; printed, it keeps its text, tables and drawings and shows each
link's address, without the site's navigation, forms or footer. The library marks a practice
written in another language than the reader's, and links its translation when there is one."""

from __future__ import annotations

import re

from django.contrib.staticfiles import finders
from django.urls import reverse

from learnlink.knowledge.models import Practice


def test_a_practice_page_carries_opengraph(client, published):
    page = client.get(published.get_absolute_url()).content.decode()
    head = page[:page.index("</head>")]

    assert '<meta property="og:title" content="Brokering deals with big buyers">' in head
    assert '<meta property="og:description" content="A broker found a buyer in Tanga.">' in head
    assert '<meta property="og:type" content="article">' in head
    assert (f'<meta property="og:url" content="http://testserver'
            f'{published.get_absolute_url()}">') in head
    assert '<meta property="og:locale" content="en_GB">' in head


def test_printed_pages_hide_the_sites_furniture_and_show_link_addresses():
    with open(finders.find("web/learnlink.css"), encoding="utf-8") as sheet:
        css = sheet.read()
    printed = re.search(r"@media print \{(.*?)\n\}", css, re.S).group(1)

    hidden = re.search(r"([^{}]*)\{ display: none; \}", printed).group(1)
    for part in ("header.site", "footer.site", "form", "nav"):
        assert part in hidden
    assert 'content: " (" attr(href) ")"' in printed
    assert "svg" not in hidden  # the map and the graph stay on paper


def test_the_library_marks_each_practice_in_another_language(client, published):
    swahili = Practice.objects.create(
        title="Kutafuta wanunuzi wakubwa", summary="Dalali alipata mnunuzi Tanga.",
        language="sw", translation_of=published, state="published")
    alone = Practice.objects.create(title="Les espions du marché", summary="Des prix affichés.",
                                    language="fr", state="published")
    client.cookies["django_language"] = "sw"

    page = client.get(reverse("knowledge:practices")).content.decode()

    english = page[page.index(published.get_absolute_url()):]
    english = english[:english.index("</li>")]
    assert '<span class="badge" lang="en">English</span>' in english
    assert f'href="{swahili.get_absolute_url()}" lang="sw" hreflang="sw"' in english
    french = page[page.index(alone.get_absolute_url()):]
    french = french[:french.index("</li>")]
    assert '<span class="badge" lang="fr">Français</span>' in french
    assert "hreflang" not in french
    own = page[page.index(swahili.get_absolute_url()):]
    assert '<span class="badge"' not in own[:own.index("</li>")]


def test_a_translation_links_its_other_versions_only_where_the_reader_may_read_them(
        client, published, draft):
    """The English original and the French version are linked from the Kiswahili page; the
    draft a Kiswahili version was made from stays unlinked for a guest."""
    swahili = Practice.objects.create(
        title="Kutafuta wanunuzi wakubwa", summary="Dalali alipata mnunuzi Tanga.",
        language="sw", translation_of=published, state="published")
    french = Practice.objects.create(
        title="Trouver de grands acheteurs", summary="Un courtier trouva un acheteur.",
        language="fr", translation_of=published, state="published")
    of_draft = Practice.objects.create(
        title="Wapelelezi wa soko", summary="Bei kwenye mbao za kijiji.", language="sw",
        translation_of=draft, state="published")
    client.cookies["django_language"] = "sw"

    page = client.get(swahili.get_absolute_url()).content.decode()
    assert f'href="{published.get_absolute_url()}"' in page
    assert f'href="{french.get_absolute_url()}"' in page
    alone = client.get(of_draft.get_absolute_url()).content.decode()
    assert f'href="{draft.get_absolute_url()}"' not in alone
