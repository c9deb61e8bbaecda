"""The person's language rules: once signed in, the site speaks the language of their profile
(until they press another language's button); the sign-in mail, notices, digests and the
membership page reached from a footer speak the recipient's language, never that of the
sender, of the group or of the browser that caused them.

Halima's profile says Kiswahili; the group speaks English; the browser asks for French or
English. Mail is read from the real SMTP sink.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from learnlink.exchange.digests import build
from learnlink.exchange.member_links import member_token
from learnlink.exchange.models import HeldMessage, Membership, Message
from tests.conftest import PASSWORD, email_from, make_person
from tests.exchange.test_list_delivery import post

HALIMA, JOSEPH = "halima@example.org", "joseph.mshana@example.org"
GROUP = "muheza-oranges@learnlink.localhost"


@pytest.fixture
def halima_reads_swahili(oranges, learner):
    learner.person.languages = "sw, en"
    learner.person.save(update_fields=["languages"])
    return learner


def lang(response) -> str:
    found = re.search(r'<html lang="(\w+)">', response.content.decode())
    assert found
    return found.group(1)


def test_after_signing_in_the_site_speaks_the_profiles_language_until_they_switch(
        client, halima_reads_swahili):
    client.cookies["django_language"] = "fr"
    assert lang(client.get("/directory/")) == "fr"
    signed_in = client.post("/accounts/login/", {"username": HALIMA, "password": PASSWORD},
                            follow=True)
    assert lang(signed_in) == "sw"
    assert "Learnlink yangu" in signed_in.content.decode()
    assert lang(client.get("/directory/")) == "sw"

    switched = client.post(reverse("set_language"), {"language": "en", "next": "/directory/"},
                           follow=True)
    assert lang(switched) == "en"
    assert lang(client.get("/me/")) == "en", "the choice holds for the session"

    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"username": HALIMA, "password": PASSWORD})
    assert lang(client.get("/me/")) == "sw", "signing in again starts from the profile"


def test_someone_whose_profile_names_no_language_keeps_the_browsers(client, learner):
    client.cookies["django_language"] = "fr"
    client.force_login(learner)
    assert lang(client.get("/me/")) == "fr"


def test_the_sign_in_mail_speaks_the_persons_language_not_the_pages(
        client, halima_reads_swahili, smtp_sink):
    client.cookies["django_language"] = "fr"
    client.post(reverse("login_link_request"), {"email": HALIMA})
    [mail] = smtp_sink.to(HALIMA)
    assert mail["Subject"] == "Kiungo chako cha kuingia Learnlink"


def test_the_membership_page_from_a_footer_speaks_the_members_language(
        client, halima_reads_swahili):
    client.cookies["django_language"] = "fr"
    url = reverse("membership:settings",
                  args=[member_token(Membership.objects.get(person__name="Halima Omari"))])
    page = client.get(url)
    assert lang(page) == "sw"
    assert "Uanachama wako" in page.content.decode()
    client.post(reverse("set_language"), {"language": "fr", "next": url})
    assert lang(client.get(url)) == "fr", "a visitor who presses a language button gets it"


def test_a_change_made_from_a_french_browser_is_confirmed_in_the_members_language(
        client, halima_reads_swahili, mailboxes):
    client.cookies["django_language"] = "fr"
    membership = Membership.objects.get(person__name="Halima Omari")
    client.post(reverse("membership:settings", args=[member_token(membership)]),
                {"mode": "daily"})
    [told] = mailboxes.of(HALIMA)
    assert "Kuanzia sasa unapokea: muhtasari wa kila siku." in told.get_content()


def test_a_held_message_notice_speaks_its_senders_language_not_the_groups(
        mail_server, oranges, smtp_sink):
    make_person("Awa Diop", "awa.diop@example.sn", languages="fr")
    mail_server.send(email_from("Awa Diop <awa.diop@example.sn>", GROUP, "Oranges du Sénégal",
                                "Bonjour à tous."), GROUP)
    [notice] = smtp_sink.to("awa.diop@example.sn")
    assert "Muheza orange growers : votre message attend un modérateur" in notice["Subject"]
    assert "Inutile de le renvoyer." in notice.get_content()


def test_a_rejection_speaks_its_senders_language(client, mail_server, oranges, mentor,
                                                 smtp_sink):
    make_person("Awa Diop", "awa.diop@example.sn", languages="fr")
    mail_server.send(email_from("awa.diop@example.sn", GROUP, "Oranges", "Bonjour."), GROUP)
    held = HeldMessage.objects.get()
    client.force_login(mentor)
    client.post(reverse("exchange:reject", args=[oranges.slug, held.pk]),
                {"reason": "Demandez d’abord au mentor."})
    assert smtp_sink.to("awa.diop@example.sn")[-1]["Subject"] == "Non publié : Oranges"


def test_each_member_reads_the_digest_in_their_own_language(
        mail_server, halima_reads_swahili, oranges, mailboxes):
    post(mail_server, sender=f"Joseph Mshana <{JOSEPH}>")
    Membership.objects.filter(group=oranges, person__isnull=False).update(mode="daily")
    digest = build(oranges, "daily", list(Message.objects.all()))
    [swahili] = [m for m in mailboxes.of(HALIMA) if "muhtasari" in str(m["Subject"])]
    [english] = [m for m in mailboxes.of(JOSEPH) if "digest" in str(m["Subject"])]
    assert swahili["Subject"] == ("Muheza orange growers: muhtasari wa kila siku, ujumbe 1 "
                                  "katika mjadala 1")
    assert english["Subject"] == "Muheza orange growers: daily digest, 1 message in 1 thread"
    assert "Mr Juma pays 150 shillings a kilo" in swahili.get_body(("plain",)).get_content()
    assert digest.messages == 1
