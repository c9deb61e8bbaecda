"""My Learnlink (/me/): where signing in lands, and a member's way to everything about their
groups without a footer link: how to post, how mail arrives (and back again from web only),
the email commands, leaving, their addresses and their language.

Also: a guest on a member-only page is sent to sign in and back, and a page that does not
exist, or fails, is Learnlink's own, in the reader's language.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Membership
from learnlink.people.models import EmailAddress
from tests.conftest import PASSWORD

HALIMA = "halima@example.org"
ME = "/me/"
MODES = ["each", "daily", "weekly", "monthly", "none"]


def halimas(group) -> Membership:
    return Membership.objects.get(group=group, person__name="Halima Omari")


def flash(response) -> str:
    """The messages a page shows after a change ("saving says what changed")."""
    return " ".join(re.findall(r'<ul class="messages"><li>(.*?)</li>', response.content.decode(),
                               re.S))


def test_signing_in_lands_on_my_learnlink_with_each_group_and_how_to_use_it(client, oranges):
    response = client.post("/accounts/login/", {"username": HALIMA, "password": PASSWORD},
                           follow=True)
    assert response.redirect_chain[-1][0] == ME
    html = response.content.decode()
    assert "<h1>My Learnlink</h1>" in html
    assert "Muheza orange growers" in html
    assert "To post, just write to <strong>muheza-oranges@learnlink.localhost</strong>" in html
    for mode in MODES:
        assert re.search(rf'<input[^>]*name="mode"[^>]*value="{mode}"', html), mode
    assert re.search(r'<input[^>]*value="each"[^>]*checked', html), "her mode is chosen"
    for command in ("each", "daily", "weekly", "monthly", "nomail"):
        assert f"muheza-oranges+{command}@learnlink.localhost" in html
    assert 'action="/me/groups/muheza-oranges/leave/"' in html
    assert "You receive this group's mail as a member of" not in html


def test_a_member_of_an_organisation_sees_its_group_but_its_mentor_changes_delivery(
        client, oranges, network):
    chair = network["chair"]
    client.force_login(_account(chair))
    html = client.get(ME).content.decode()
    assert ("You receive this group's mail as a member of Kilulu Orange Growers: its mentor "
            "can change how it is delivered.") in html
    response = client.post("/me/groups/muheza-oranges/mode/", {"mode": "none"})
    assert response.status_code == 404
    assert Membership.objects.get(group=oranges, organisation__isnull=False).mode == "each"


def _account(person):
    from learnlink.people.accounts import account_for

    return account_for(person)


def test_a_web_only_member_gets_back_to_each_message_here_and_is_told_by_mail(
        client, oranges, learner, smtp_sink):
    """A web-only member gets no mail, so no footer: this page is their only way back."""
    membership = halimas(oranges)
    membership.mode = "none"
    membership.save(update_fields=["mode"])
    client.force_login(learner)

    response = client.post("/me/groups/muheza-oranges/mode/", {"mode": "each"}, follow=True)
    assert halimas(oranges).mode == "each"
    assert flash(response) == "Muheza orange growers: from now on you receive: each message."
    [told] = smtp_sink.to(HALIMA)
    assert "From now on you receive: each message." in told.get_content()


def test_saving_the_same_mode_says_nothing_changed_and_sends_nothing(
        client, oranges, learner, smtp_sink):
    client.force_login(learner)
    response = client.post("/me/groups/muheza-oranges/mode/", {"mode": "each"}, follow=True)
    assert flash(response) == ("Muheza orange growers: nothing changed, you already receive: "
                               "each message.")
    assert smtp_sink.messages == []


def test_a_member_on_a_metered_connection_chooses_plain_text_digests(
        client, oranges, learner, smtp_sink):
    client.force_login(learner)
    page = client.get(ME).content.decode()
    assert re.search(r'<input[^>]*type="checkbox"[^>]*name="plain_text"', page)
    assert "Digests in plain text only (the lightest mail" in page
    response = client.post("/me/groups/muheza-oranges/mode/",
                           {"mode": "daily", "plain_text": "on"}, follow=True)
    assert halimas(oranges).plain_text
    assert halimas(oranges).mode == "daily"
    assert "Muheza orange growers: digests now come as plain text only." in flash(response)
    assert re.search(r'<input[^>]*name="plain_text"[^>]*checked', response.content.decode())
    response = client.post("/me/groups/muheza-oranges/mode/", {"mode": "daily"}, follow=True)
    assert not halimas(oranges).plain_text
    assert flash(response) == "Muheza orange growers: digests now come as text and HTML."


def test_saving_says_what_changed_in_my_language(client, oranges, learner, smtp_sink):
    learner.person.languages = "sw"
    learner.person.save(update_fields=["languages"])
    client.force_login(learner)
    response = client.post("/me/groups/muheza-oranges/mode/", {"mode": "weekly"}, follow=True)
    assert flash(response) == ("Muheza orange growers: kuanzia sasa unapokea: muhtasari wa "
                               "kila wiki.")


def test_an_unknown_mode_changes_nothing_and_says_so(client, oranges, learner, smtp_sink):
    client.force_login(learner)
    response = client.post("/me/groups/muheza-oranges/mode/", {"mode": "hourly"}, follow=True)
    assert flash(response) == "Nothing changed: choose one of the ways mail can arrive."
    assert halimas(oranges).mode == "each"


def test_leaving_from_my_learnlink_ends_the_membership_and_says_how_to_come_back(
        client, oranges, learner, smtp_sink):
    client.force_login(learner)
    response = client.post("/me/groups/muheza-oranges/leave/", follow=True)
    assert not Membership.objects.filter(group=oranges, person=learner.person).exists()
    assert flash(response) == ("You have left Muheza orange growers. To come back one day, "
                               "write to muheza-oranges+subscribe@learnlink.localhost")
    assert "<h1>My Learnlink</h1>" in response.content.decode()
    [goodbye] = smtp_sink.to(HALIMA)
    assert goodbye["Subject"] == "You have left Muheza orange growers"


def test_nobody_changes_or_ends_a_membership_that_is_not_theirs(client, oranges, outsider):
    client.force_login(outsider)
    assert client.post("/me/groups/muheza-oranges/mode/", {"mode": "none"}).status_code == 404
    assert client.post("/me/groups/muheza-oranges/leave/").status_code == 404
    assert halimas(oranges).mode == "each"


def test_my_addresses_show_current_and_former_and_which_one_gets_mail(client, oranges, learner):
    EmailAddress.objects.filter(address=HALIMA).update(active_to=datetime.date(2024, 3, 1),
                                                       primary=False)
    EmailAddress.objects.create(person=learner.person, address="halima.omari@example.com",
                                primary=True, active_from=datetime.date(2024, 3, 1))
    client.force_login(learner)
    html = client.get(ME).content.decode()
    addresses = html.split("<h2>My addresses</h2>")[1].split("</ul>")[0]
    assert re.search(r"halima\.omari@example\.com\s*<span[^>]*>receives your mail", addresses)
    assert re.search(r"halima@example\.org\s*<span[^>]*>former, until 1 Mar 2024", addresses)
    assert addresses.index("halima.omari@example.com") < addresses.index(HALIMA)
    assert 'Use a new address</a>' in html


def test_choosing_my_language_makes_the_site_speak_it_and_says_so_in_it(
        client, oranges, learner):
    client.force_login(learner)
    response = client.post("/me/language/", {"language": "fr"}, follow=True)
    learner.person.refresh_from_db()
    assert learner.person.language_codes()[0] == "fr"
    assert '<html lang="fr">' in response.content.decode()
    assert flash(response) == ("Learnlink vous parle désormais en Français, sur ces pages et "
                               "dans ses courriels.")
    assert re.search(r'<input[^>]*value="fr"[^>]*checked', response.content.decode())


def test_my_language_keeps_the_other_languages_of_the_profile(client, learner):
    learner.person.languages = "sw, en"
    learner.person.save(update_fields=["languages"])
    client.force_login(learner)
    client.post("/me/language/", {"language": "en"})
    learner.person.refresh_from_db()
    assert learner.person.languages == "en, sw"


def test_a_guest_on_my_learnlink_is_sent_to_sign_in_and_back(client, oranges):
    response = client.get(ME)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/me/"
    back = client.post("/accounts/login/?next=/me/",
                       {"username": HALIMA, "password": PASSWORD, "next": "/me/"})
    assert back["Location"] == ME


@pytest.fixture
def private_group(oranges, learner):
    group = create_group("mentors-room", "Mentors' room", private=True)
    add_member(group, HALIMA)
    return group


def test_a_guest_on_a_private_group_signs_in_and_comes_back_to_it(client, private_group):
    response = client.get("/groups/mentors-room/?page=1")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/groups/mentors-room/%3Fpage%3D1"
    form = client.get(response["Location"]).content.decode()
    assert 'name="next" value="/groups/mentors-room/?page=1"' in form
    back = client.post("/accounts/login/", {"username": HALIMA, "password": PASSWORD,
                                            "next": "/groups/mentors-room/?page=1"}, follow=True)
    assert back.redirect_chain[-1][0] == "/groups/mentors-room/?page=1"
    assert "<h1>Mentors&#x27; room</h1>" in back.content.decode()


def test_a_guest_learns_nothing_from_the_redirect_about_which_private_groups_exist(
        client, private_group, outsider):
    """Existing private group and no group at all answer a guest alike; once signed in, an
    outsider gets the same 404 for both."""
    real, made_up = client.get("/groups/mentors-room/"), client.get("/groups/no-such-room/")
    assert (real.status_code, made_up.status_code) == (302, 302)
    assert real["Location"].replace("mentors-room", "X") == \
        made_up["Location"].replace("no-such-room", "X")
    client.force_login(outsider)
    assert client.get("/groups/mentors-room/").status_code == 404
    assert client.get("/groups/no-such-room/").status_code == 404


def test_the_moderation_queue_sends_a_guest_to_sign_in(client, oranges):
    response = client.get("/groups/muheza-oranges/moderation/")
    assert response["Location"] == "/accounts/login/?next=/groups/muheza-oranges/moderation/"


def test_a_sign_in_link_asked_for_on_the_way_to_a_page_leads_back_to_it(
        client, private_group, smtp_sink):
    client.post("/accounts/login/link/", {"email": HALIMA, "next": "/groups/mentors-room/"})
    [mail] = smtp_sink.to(HALIMA)
    link = re.search(r"https?://[^/\s]+(/accounts/login/link/\S+/)", mail.get_content())
    assert link
    response = client.post(link.group(1))
    assert response["Location"] == "/groups/mentors-room/"


def test_a_sign_in_link_does_not_lead_off_the_site(client, oranges, smtp_sink):
    client.post("/accounts/login/link/", {"email": HALIMA, "next": "https://evil.example/"})
    link = re.search(r"https?://[^/\s]+(/accounts/login/link/\S+/)",
                     smtp_sink.to(HALIMA)[0].get_content())
    assert link
    assert client.post(link.group(1))["Location"] == ME


def our_own_light_page(response, status: int, language: str, title: str) -> str:
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html
    assert "<script" not in html
    assert len(html.encode()) < 10 * 1024
    return html


@pytest.mark.parametrize(("language", "title", "home"), [
    ("en", "Page not found", "Home"),
    ("sw", "Ukurasa haupatikani", "Mwanzo"),
    ("fr", "Page introuvable", "Accueil")])
def test_a_page_that_does_not_exist_is_our_own_light_page_in_the_readers_language(
        client, db, language, title, home):
    client.cookies["django_language"] = language
    html = our_own_light_page(client.get("/no/such/page/"), 404, language, title)
    assert f'<a href="/">{home}</a>' in html


@pytest.mark.parametrize(("language", "title"), [
    ("en", "Something went wrong"), ("sw", "Hitilafu imetokea"),
    ("fr", "Une erreur s’est produite")])
def test_a_server_error_page_is_our_own_light_page_in_the_readers_language(db, language, title):
    with translation.override(language):
        response = server_error(RequestFactory().get("/"))
    our_own_light_page(response, 500, language, title)


@pytest.mark.parametrize(("language", "heading"), [
    ("en", "My groups"), ("sw", "Vikundi vyangu"), ("fr", "Mes groupes")])
def test_my_learnlink_is_translated_and_light(client, oranges, learner, language, heading):
    from tests.web.test_pages import page_weight

    client.cookies["django_language"] = language
    client.force_login(learner)
    html = client.get(ME).content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h2>{heading}</h2>" in html
    assert "<script" not in html
    assert page_weight(client, html) < 50 * 1024


def test_a_member_whose_addresses_all_bounce_still_changes_delivery_here(
        client, oranges, learner, smtp_sink):
    from django.utils import timezone

    from learnlink.mail.models import Delivery

    EmailAddress.objects.filter(person=learner.person).update(disabled=timezone.now())
    client.force_login(learner)
    response = client.post("/me/groups/muheza-oranges/mode/", {"mode": "weekly"}, follow=True)
    assert flash(response) == "Muheza orange growers: from now on you receive: weekly digest."
    assert halimas(oranges).mode == "weekly"
    assert not Delivery.objects.exists()


@pytest.mark.browser
def test_on_a_phone_a_guest_signs_in_on_the_way_to_a_private_group_then_gets_mail_again(
        live_server, private_group, phone, output_dir):
    membership = halimas(private_group)
    membership.mode = "none"
    membership.save(update_fields=["mode"])
    phone.goto(live_server.url + "/groups/mentors-room/")
    phone.get_by_label("Email address or user name").fill(HALIMA)
    phone.get_by_label("Password").fill(PASSWORD)
    phone.get_by_role("button", name="Sign in").click()
    assert phone.locator("h1").inner_text() == "Mentors' room", "back where she was going"

    phone.get_by_role("link", name="My Learnlink").click()
    room = phone.locator("#group-mentors-room")
    room.get_by_label("each message").check()
    room.get_by_role("button", name="Save").click()
    assert phone.locator("ul.messages").inner_text() == (
        "Mentors' room: from now on you receive: each message.")
    assert phone.evaluate("document.documentElement.scrollWidth <= 360")
    phone.screenshot(path=output_dir / "my-learnlink-360px.png", full_page=True)
    assert halimas(private_group).mode == "each"
