"""A group's settings page, as its mentors and owners use it, and what members then get.

Proves, through the real mail server and a real SMTP relay, that a moderator who sets a
subject prefix and footer text on the web makes every member's copy and digest carry the
prefix once (never "[x] Re: [x]") and the footer above Learnlink's own lines, while the
archive shows subjects without the prefix and a reply that quotes a whole copy is archived
without its footer; that a prefixed reply joins its thread by subject; that learners,
outsiders and guests cannot reach the page; that bad input is refused with a reason next to
its field and nothing saved; that each change is recorded, old value and new; and that the
page makes a bounded number of queries.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.admin.models import LogEntry

from learnlink.exchange.digests import build
from learnlink.exchange.membership import add_member
from learnlink.exchange.models import Group, Membership, Message
from tests.conftest import email_from, make_member
from tests.exchange.conftest import Mailboxes
from tests.exchange.test_digests import at, digests_to, plain_and_html
from tests.exchange.test_list_delivery import body_text

SETTINGS = "/groups/muheza-oranges/settings/"
GROUP = "muheza-oranges@learnlink.localhost"
HALIMA, JOSEPH = "halima@example.org", "joseph.mshana@example.org"
FOOTER = "Market day in Kilulu is Friday.\n\nPrices of the week: ask Mwanaisha."


def form(**changes: Any) -> dict[str, Any]:
    """The settings form as the page shows it for the oranges group, with `changes`."""
    return {"name": "Muheza orange growers",
            "description": "Selling oranges together, grading, buyers.", "language": "en",
            "posting_policy": "members", "subject_prefix": "", "footer": "",
            "reply_to": "group", "size_mb": "10.0", **changes}


@pytest.fixture
def owner(oranges: Group) -> Any:
    """Rehema owns the group; she has no role in the network beyond it."""
    user = make_member(None, "Rehema Mbwana", "rehema@example.org")
    add_member(oranges, "rehema@example.org", role="owner")
    return user


@pytest.fixture
def prefixed(oranges: Group, owner: Any, client: Any) -> Group:
    """Rehema sets the prefix and footer on the web."""
    client.force_login(owner)
    response = client.post(SETTINGS, form(subject_prefix="[oranges-muheza]",
                                          footer=FOOTER.replace("\n", "\r\n") + "  \r\n"))
    assert response.status_code == 302
    assert "The group&#x27;s settings are saved." in client.get(SETTINGS).content.decode()
    oranges.refresh_from_db()
    return oranges


def post(mail_server: Any, subject: str, sender: str = f"Halima Omari <{HALIMA}>",
         body: str = "Mr Juma pays 150 shillings a kilo.\n", **headers: str) -> Message:
    message = email_from(sender, GROUP, subject, body, **headers)
    mail_server.send(message, GROUP)
    return Message.objects.get(message_id=message["Message-ID"].strip("<>"))


def test_an_owner_sets_a_prefix_and_footer_and_a_members_copy_has_the_prefix_once(
        mail_server, prefixed, mailboxes: Mailboxes, client):
    message = post(mail_server, "Re: [ORANGES-MUHEZA] Re: [oranges-muheza] Price of oranges")
    [copy] = mailboxes.of(JOSEPH)
    assert str(copy["Subject"]) == "[oranges-muheza] Re: Price of oranges"
    text = body_text(copy)
    assert f"{FOOTER}\n-- \nMuheza orange growers: write to {GROUP}" in text.replace("\r\n", "\n")
    assert message.subject == "Re: Re: Price of oranges", "the archive keeps no prefix"
    assert message.thread.subject == "Price of oranges"
    page = client.get(message.thread.get_absolute_url()).content.decode()
    assert "Price of oranges" in page
    assert "[oranges-muheza]" not in page


def test_a_non_ascii_subject_gets_the_prefix_once_too(mail_server, prefixed, mailboxes):
    post(mail_server, "Jibu: [oranges-muheza] Bei ya machungwa — wiki hii")
    [copy] = mailboxes.of(JOSEPH)
    assert str(copy["Subject"]) == "[oranges-muheza] Jibu: Bei ya machungwa — wiki hii"


def test_a_reply_with_the_prefix_and_no_references_joins_its_thread_by_subject(
        mail_server, prefixed, mailboxes):
    Group.objects.filter(pk=prefixed.pk).update(join_by_subject=True)
    first = post(mail_server, "Price of oranges")
    reply = post(mail_server, "Re: [oranges-muheza] Price of oranges",
                 sender=f"Joseph Mshana <{JOSEPH}>", body="Mr Juma pays 160 now.\n")
    assert reply.thread_id == first.thread_id


def test_a_reply_quoting_a_whole_copy_is_archived_without_the_footer(
        mail_server, prefixed, mailboxes):
    post(mail_server, "Price of oranges")
    [copy] = mailboxes.of(JOSEPH)
    quoted = "\n".join(f"> {line}" if line else ">"
                       for line in body_text(copy).replace("\r\n", "\n").splitlines())
    reply = post(mail_server, f"Re: {copy['Subject']}", sender=f"Joseph Mshana <{JOSEPH}>",
                 body=f"He paid me 160 yesterday.\n\nOn Friday, Halima wrote:\n{quoted}\n",
                 in_reply_to=copy["Message-ID"], references=copy["Message-ID"])
    assert "Mr Juma pays 150 shillings a kilo." in reply.quoted
    for part in ("Market day in Kilulu", "Prices of the week", "write to", "/membership/"):
        assert part not in reply.text + reply.quoted + reply.signature
    assert reply.subject == "Re: Price of oranges"


def test_a_digest_has_the_prefix_once_and_the_footer_in_both_parts(
        mail_server, prefixed, mailboxes):
    Membership.objects.filter(group=prefixed, person__name="Joseph Mshana").update(mode="daily")
    messages = [post(mail_server, "Price of oranges"),
                post(mail_server, "Re: [oranges-muheza] Price of oranges")]
    build(prefixed, "daily", messages, at(3, 18))
    [digest] = digests_to(mailboxes)
    assert str(digest["Subject"]).startswith("[oranges-muheza] Muheza orange growers: daily")
    assert str(digest["Subject"]).count("[oranges-muheza]") == 1
    plain, html = plain_and_html(digest)
    assert FOOTER in plain
    assert "Market day in Kilulu is Friday.<br><br>Prices of the week" in html


def test_without_a_prefix_the_subject_is_the_senders(mail_server, oranges, mailboxes):
    post(mail_server, "Re: [oranges-muheza] Price of oranges")
    [copy] = mailboxes.of(JOSEPH)
    assert str(copy["Subject"]) == "Re: [oranges-muheza] Price of oranges"


def test_each_change_is_recorded_with_who_and_the_old_and_new_values(prefixed, client):
    entry = LogEntry.objects.get(object_id=str(prefixed.pk))
    assert entry.user.email == "rehema@example.org"
    assert "subject_prefix: '' → '[oranges-muheza]'" in entry.change_message
    assert "footer: '' → 'Market day in Kilulu is Friday.\\n\\nPrices" in entry.change_message
    assert "size_limit" not in entry.change_message, "10.0 MB shown, 10.0 MB sent: unchanged"
    page = client.get(SETTINGS).content.decode()
    assert "by Rehema Mbwana:" in page
    assert "rehema@example.org" not in page


def test_a_new_size_in_megabytes_is_stored_in_bytes(oranges, mentor, client):
    client.force_login(mentor)
    assert client.post(SETTINGS, form(size_mb="2.5")).status_code == 302
    oranges.refresh_from_db()
    assert oranges.size_limit == 2_621_440
    assert 'value="2.5"' in client.get(SETTINGS).content.decode()


def test_the_page_says_the_address_is_not_changed_here(oranges, mentor, client):
    client.force_login(mentor)
    page = client.get(SETTINGS).content.decode()
    assert f"The group's address, {GROUP}, is not changed here" in page
    assert 'name="slug"' not in page
    assert client.post(SETTINGS, form(slug="stolen")).status_code == 302
    assert Group.objects.filter(slug="muheza-oranges").exists()


@pytest.mark.parametrize(("changes", "field", "error"), [
    ({"subject_prefix": "[oranges]\r\nBcc: everyone@example.org"}, "subject_prefix",
     "no line breaks"),
    ({"size_mb": "0"}, "size_mb", "At least 0.1 MB"),
    ({"size_mb": "100000"}, "size_mb", "The mail server takes no message over 64.0 MB."),
    ({"size_mb": "ten"}, "size_mb", "Enter a number."),
    ({"footer": "Kilulu " * 150}, "footer", "at most 1000 characters"),
    ({"subject_prefix": "[" + "o" * 45 + "]"}, "subject_prefix", "at most 40 characters"),
    ({"name": ""}, "name", "This field is required."),
])
def test_bad_input_is_refused_next_to_its_field_and_nothing_is_saved(
        oranges, owner, client, changes, field, error):
    client.force_login(owner)
    response = client.post(SETTINGS, form(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert error in page
    assert page.index(f'id="id_{field}"') < page.index(error), "the reason follows its field"
    fresh = Group.objects.get(pk=oranges.pk)
    assert (fresh.subject_prefix, fresh.footer, fresh.size_limit, fresh.name) == \
        ("", "", 10 * 1024 * 1024, "Muheza orange growers")
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "learner", "outsider"])
def test_the_settings_page_does_not_exist_for_anyone_but_moderators(
        oranges, client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    refused = 302 if who == "anonymous" else 404  # a guest is asked to sign in
    get = client.get(SETTINGS)
    assert get.status_code == refused
    if who == "anonymous":
        assert get["Location"].startswith("/accounts/login/")
    assert client.post(SETTINGS, form(subject_prefix="[hijacked]")).status_code == refused
    assert Group.objects.get(pk=oranges.pk).subject_prefix == ""
    assert "/settings/" not in client.get("/groups/muheza-oranges/").content.decode()


def test_the_group_page_links_its_moderators_to_the_settings(oranges, owner, client):
    client.force_login(owner)
    assert f'href="{SETTINGS}"' in client.get("/groups/muheza-oranges/").content.decode()


def test_the_settings_page_makes_a_bounded_number_of_queries(
        prefixed, client, django_assert_max_num_queries):
    for n in range(8):
        client.post(SETTINGS, form(name=f"Muheza orange growers {n}"))
    with django_assert_max_num_queries(12):
        page = client.get(SETTINGS).content.decode()
    assert page.count("<li><p class=\"muted\">") == 5, "the latest five changes"


def test_the_action_refuses_what_is_not_a_setting_or_not_valid_and_saves_nothing(
        oranges, owner):
    from django.core.exceptions import ValidationError

    from learnlink.exchange.group_settings import NotASetting, change_settings

    with pytest.raises(NotASetting, match="slug"):
        change_settings(oranges, owner, slug="stolen", name="Stolen")
    with pytest.raises(ValidationError, match="no line breaks"):
        change_settings(oranges, owner, subject_prefix="[x]\nBcc: all@example.org")
    with pytest.raises(ValidationError, match="at most 1000 characters"):
        change_settings(Group.objects.get(pk=oranges.pk), owner, footer="x" * 1001)
    fresh = Group.objects.get(pk=oranges.pk)
    assert (fresh.slug, fresh.name, fresh.subject_prefix, fresh.footer) == \
        ("muheza-oranges", "Muheza orange growers", "", "")
    assert not LogEntry.objects.exists()
