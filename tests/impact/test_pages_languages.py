"""The impact pages in English, Swahili and French, light and without script."""

from __future__ import annotations

import pytest
from django.test import Client

from learnlink.alliance.models import Alliance
from tests.web.test_pages import PAGE_BUDGET, page_weight

pytestmark = pytest.mark.django_db

PHRASES = {
    "": {"en": "Target households", "sw": "Kaya lengwa", "fr": "Ménages ciblés"},
    "products/": {"en": "By product", "sw": "Kwa zao", "fr": "Par produit"},
    "gender/": {"en": "Women", "sw": "Wanawake", "fr": "Femmes"},
    "buyers/": {"en": "Buyer", "sw": "Mnunuzi", "fr": "Acheteur"},
    "print/": {"en": "cotton (not sold yet)", "sw": "cotton (bado halijauzwa)",
               "fr": "cotton (pas encore vendu)"},
}


@pytest.mark.parametrize("language", ["en", "sw", "fr"])
def test_each_impact_page_is_translated_and_light(kenya: Alliance, language: str) -> None:
    client = Client()
    client.cookies["django_language"] = language
    for path, phrases in PHRASES.items():
        html = client.get(f"/impact/ciat-crs-east-africa/{path}").content.decode()
        assert f'<html lang="{language}">' in html
        assert phrases[language] in html, path
        assert "<script" not in html
        assert page_weight(client, html) < PAGE_BUDGET, path
