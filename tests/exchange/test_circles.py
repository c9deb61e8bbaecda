"""The inner and outer circles: observers (donors, other networks, researchers) read and get
digests, and what they send waits for a mentor with a reason that says so, unless the group
lets observers post; the member list shows the two circles apart, to members only."""

from django.urls import reverse

from learnlink.exchange.membership import add_member
from learnlink.exchange.models import HeldMessage, Message
from tests.conftest import email_from, make_member

GROUP = "muheza-oranges@learnlink.localhost"
DONOR = "ruth.kamau@agrifund.example.org"


def observe(group) -> None:
    add_member(group, DONOR, name="Ruth Kamau", role="observer")


def test_an_observers_post_waits_for_a_mentor_and_says_why(mail_server, oranges):
    observe(oranges)
    mail_server.send(email_from(DONOR, GROUP, "Our next call for proposals",
                                "Groups selling together may apply before March."), GROUP)
    held = HeldMessage.objects.get()
    assert held.reason == ("the sender is an observer (outer circle), and observers' posts "
                           "wait for a mentor in this group")
    assert not Message.objects.exists()
    mail_server.send(email_from("halima@example.org", GROUP, "Crates", "We need crates."), GROUP)
    assert Message.objects.get().subject == "Crates", "learners still post at once"


def test_a_group_that_lets_observers_post_archives_their_mail(mail_server, oranges):
    observe(oranges)
    oranges.observers_may_post = True
    oranges.save(update_fields=["observers_may_post"])
    mail_server.send(email_from(DONOR, GROUP, "Our next call for proposals", "Apply."), GROUP)
    assert Message.objects.get().subject == "Our next call for proposals"
    assert not HeldMessage.objects.exists()


def test_the_member_list_shows_the_two_circles_apart(client, oranges, learner,
                                                     django_assert_max_num_queries):
    observe(oranges)
    client.force_login(learner)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("exchange:members", args=[oranges.slug])).content.decode()
    inner, outer = page.split("Outer circle")
    assert "Inner circle" in inner and "(3)" in inner
    assert all(name in inner for name in ("Halima Omari", "Joseph Mshana",
                                          "Kilulu Orange Growers"))
    assert "Ruth Kamau" in outer and "Ruth Kamau" not in inner
    assert "what they send waits for a mentor" in outer


def test_the_member_list_is_for_members(client, oranges, db):
    url = reverse("exchange:members", args=[oranges.slug])
    assert client.get(url).status_code == 302  # a guest is asked to sign in
    client.force_login(make_member(None, "Someone Else", "someone@example.com"))
    assert client.get(url).status_code == 404


def test_ones_own_membership_decides_over_ones_organisations(mail_server, oranges):
    """A donor's staff member observes in person while her organisation's group takes part as
    a learner: her own role is the one that counts, on either database (NULLs sort apart)."""
    from learnlink.people.models import Affiliation, Organisation

    observe(oranges)
    agrifund = Organisation.objects.create(name="AgriFund", slug="agrifund")
    Affiliation.objects.create(person=oranges.memberships.get(role="observer").person,
                               organisation=agrifund)
    oranges.memberships.create(organisation=agrifund)
    mail_server.send(email_from(DONOR, GROUP, "Our next call for proposals", "Apply."), GROUP)
    assert HeldMessage.objects.get().reason.startswith("the sender is an observer")


def test_a_member_finds_the_member_list_on_the_group_page_and_a_visitor_does_not(
        client, oranges, learner):
    members = f'href="{reverse("exchange:members", args=[oranges.slug])}"'
    group_page = reverse("exchange:group", args=[oranges.slug])
    assert members not in client.get(group_page).content.decode()
    client.force_login(learner)
    assert members in client.get(group_page).content.decode()
