"""Every page in English, Swahili and French, light enough for a phone on a slow line."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from learnlink.exchange.member_links import member_token
from learnlink.exchange.models import PendingChange

PAGE_BUDGET = 50 * 1024

# One phrase per page and language: the page really is translated, not just rendered.
PHRASES = {
    "home": {"en": "Browse the directory", "sw": "Pitia saraka", "fr": "Parcourir l’annuaire"},
    "directory": {"en": "Directory of organisations", "sw": "Saraka ya mashirika",
                  "fr": "Annuaire des organisations"},
    "organisation": {"en": "Member of", "sw": "Ni mwanachama wa", "fr": "Membre de"},
    "person": {"en": "Organisations", "sw": "Mashirika", "fr": "Organisations"},
    "login": {"en": "Email me a link", "sw": "Nitumie kiungo", "fr": "M’envoyer un lien"},
    "groups": {"en": "Each group is an email address", "sw": "Kila kikundi ni anwani",
               "fr": "Chaque groupe est une adresse"},
    "group": {"en": "Latest discussions", "sw": "Mijadala ya karibuni",
              "fr": "Dernières discussions"},
    "thread": {"en": "Reply by email", "sw": "Jibu kwa barua pepe", "fr": "Répondre par courriel"},
    "search": {"en": "1 message found", "sw": "ujumbe 1 umepatikana", "fr": "1 message trouvé"},
    "membership": {"en": "Your membership", "sw": "Uanachama wako", "fr": "Votre adhésion"},
    "confirm_change": {"en": "Receive web only from", "sw": "Upokee", "fr": "Recevoir"},
    "address": {"en": "Send a confirmation link", "sw": "Tuma kiungo cha uthibitisho",
                "fr": "Envoyer un lien de confirmation"},
    "mail_catalogue": {"en": "Kinds of mail", "sw": "Aina za barua", "fr": "Types de courriels"},
    "mentoring": {"en": "What needs a mentor now", "sw": "Kinachomhitaji mshauri sasa",
                  "fr": "Ce qui attend un mentor maintenant"},
    "mentoring_group": {"en": "Settings of this group", "sw": "Mipangilio ya kikundi hiki",
                        "fr": "Réglages de ce groupe"},
}
SIGNED_IN = {"address"}  # pages for the learner, signed in
FOR_STAFF = {"mail_catalogue"}  # pages for staff (and the network's mentors)
FOR_MENTORS = {"mentoring", "mentoring_group"}  # pages for the group's mentor


def urls(network, thread) -> dict[str, str]:
    return {
        "groups": reverse("exchange:groups"),
        "group": reverse("exchange:group", args=[thread.group.slug]),
        "thread": thread.get_absolute_url(),
        "search": reverse("search") + "?q=grading",
        "home": reverse("home"),
        "directory": reverse("people:directory"),
        "organisation": network["growers"].get_absolute_url(),
        "person": network["chair"].get_absolute_url(),
        "login": reverse("login"),
        "membership": reverse("membership:settings", args=[
            member_token(thread.group.memberships.get(person__name="Halima Omari"))]),
        "confirm_change": reverse("membership:confirm_change", args=[
            PendingChange.objects.create(
                membership=thread.group.memberships.get(person__name="Halima Omari"),
                change="none", address="halima@example.org").token]),
        "address": reverse("change_address"),
        "mail_catalogue": reverse("mail:catalogue"),
        "mentoring": reverse("mentoring:dashboard"),
        "mentoring_group": reverse("mentoring:group", args=[thread.group.slug]),
    }


def page_weight(client, html: str) -> int:
    """The HTML and everything it links to (stylesheets, images, scripts), uncompressed."""
    total = len(html.encode())
    for ref in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        path = finders.find(re.sub(r"\.[0-9a-f]{12}\.", ".", ref.removeprefix("/static/")))
        assert path, ref
        with open(path, "rb") as f:
            total += len(f.read())
    return total


@pytest.fixture
def thread(oranges):
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from tests.conftest import email_from

    message = email_from("halima@example.org", oranges.address, "Grading oranges",
                         "We grade them in three sizes before the lorry comes.")
    receive(message.as_bytes(), [oranges.address], Source.PIPE)
    return oranges.threads.get()


@pytest.mark.parametrize("language", ["en", "sw", "fr"])
@pytest.mark.parametrize("name", list(PHRASES))
def test_each_page_renders_translated_and_light(client, network, thread, name, language,
                                                learner, request):
    if name in SIGNED_IN:
        client.force_login(learner)
    if name in FOR_STAFF:
        client.force_login(request.getfixturevalue("staff"))
    if name in FOR_MENTORS:
        client.force_login(request.getfixturevalue("mentor"))
    client.cookies["django_language"] = language
    response = client.get(urls(network, thread)[name])
    html = response.content.decode()

    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert PHRASES[name][language] in html
    assert "<script" not in html, "pages work without JavaScript"
    assert response["Content-Security-Policy"].startswith("default-src 'self';")
    assert "<style" not in html and " style=" not in html, "the policy allows no inline style"
    resources = re.findall(r'<(?:link|img|script|source)[^>]+(?:href|src)="([^"]+)"', html)
    assert all(r.startswith(("/", "data:")) for r in resources), "no request leaves the site"
    assert page_weight(client, html) < PAGE_BUDGET


def test_pages_are_sent_gzipped_to_browsers_that_accept_it(client, network):
    response = client.get(reverse("people:directory"), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_the_language_switch_works_without_javascript(client, network):
    response = client.post(reverse("set_language"), {"language": "sw", "next": "/directory/"},
                           follow=True)
    assert "Saraka ya mashirika" in response.content.decode()
