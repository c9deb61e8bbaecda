"""Walk every page reachable from the home page as each persona: nothing breaks, nothing leaks."""

import re
from urllib.parse import urlsplit

import pytest

from tests.crawling import crawl as crawl_pages

PERSONAS = [None, "outsider", "learner", "mentor", "staff"]
SKIP = ("/admin/", "/static/", "/i18n/", "/accounts/logout/")
LIMIT = 300
SECRET = "Mentors only: the buyer's phone is private"


@pytest.fixture
def archive(oranges, learner):
    """A public group with a discussion, and a private one that only its members may read."""
    from learnlink.exchange.membership import add_member, create_group
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from tests.conftest import email_from

    private = create_group("mentors-room", "Mentors' room", private=True)
    add_member(private, "halima@example.org")
    for to, subject, body in [
        (oranges.address, "Grading oranges", "We grade in three sizes before the lorry."),
        (private.address, "Contacts", SECRET),
    ]:
        receive(email_from("halima@example.org", to, subject, body).as_bytes(), [to],
                Source.PIPE)
    for thread in (oranges.threads.get(), private.threads.get()):
        publish_synthesis(thread)
    return private


def publish_synthesis(thread):
    """A mentor's synthesis at the top of the thread, quoting its message (the private one's
    holds the secret: it must stay with the group as the message does)."""
    from learnlink.mentoring.syntheses import services
    from learnlink.mentoring.syntheses.content import Content, Item

    message = thread.messages.get()
    synthesis = services.start(thread.group, [thread], title=f"Synthesis of {thread.subject}",
                               language="en", by=None,
                               content=Content([Item(message.text, message.message_id)]))
    services.publish(synthesis)


def _same_site(target: str) -> bool:
    parts = urlsplit(target)
    return (not parts.scheme and not parts.netloc and target.startswith("/")
            and not target.startswith(SKIP))


def crawl(client, start: str = "/") -> dict[str, int]:
    """Every same-site page linked from `start`, with its status code."""
    return {url: response.status_code
            for url, response in crawl_pages(client, start, _same_site, LIMIT).items()}


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_linked_page_answers_without_error(client, archive, persona, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    statuses = crawl(client)
    assert len(statuses) >= 8, statuses
    broken = {url: code for url, code in statuses.items() if code >= 400}
    assert broken == {}


@pytest.mark.parametrize("persona", [None, "outsider"])
def test_no_page_shows_an_address_to_the_public_or_an_outsider(client, archive, persona,
                                                                 request):
    own = ""
    if persona:
        user = request.getfixturevalue(persona)
        client.force_login(user)
        own = user.email  # "My Learnlink" shows a person their own addresses
    for url in crawl(client):
        page = client.get(url).content.decode()
        page = re.sub(r"[\w.-]+@learnlink\.localhost", "", page)  # group addresses are public
        page = page.replace(own, "") if own else page
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", page), url


@pytest.mark.parametrize(("persona", "sees"), [
    (None, False), ("outsider", False), ("coordinator", False),
    ("learner", True), ("mentor", True), ("staff", True)])
def test_a_private_group_is_read_only_by_its_members_mentors_and_staff(
        client, archive, persona, sees, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    pages = crawl(client)
    found = any(SECRET.replace("'", "&#x27;") in client.get(url).content.decode()
                for url in pages)
    assert found == sees
    listed = client.get("/api/groups").json()["items"]
    assert ("mentors-room" in [g["slug"] for g in listed]) == sees


@pytest.mark.parametrize(("persona", "reads"), [
    (None, False), ("outsider", False), ("learner", False), ("coordinator", False),
    ("mentor", True), ("staff", True)])
def test_outgoing_mail_is_read_only_by_the_networks_mentors_and_staff(
        client, archive, persona, reads, request):
    """The outbox holds private groups' mail and every member's address."""
    from learnlink.mail.models import Outgoing

    if persona:
        client.force_login(request.getfixturevalue(persona))
    [post] = Outgoing.objects.filter(channel="muheza-oranges")
    pages = [client.get("/outbox/"), client.get(f"/outbox/{post.pk}/"),
             client.get("/outbox/catalogue/")]
    refused = [302] * 3 if persona is None else [404] * 3  # a guest is asked to sign in
    assert [page.status_code for page in pages] == ([200] * 3 if reads else refused)
    if reads:
        assert "Grading oranges" in pages[1].content.decode()
        assert post.marker not in pages[1].content.decode(), "a member's token would leak"
        assert {"/outbox/", "/outbox/catalogue/"} <= set(crawl(client))


@pytest.mark.parametrize(("persona", "mentors"), [
    (None, False), ("outsider", False), ("learner", False), ("mentor", True), ("staff", True)])
def test_the_mentor_dashboard_is_walked_by_those_who_mentor(client, archive, persona, mentors,
                                                             request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    pages = crawl(client)
    assert ({"/mentoring/", "/mentoring/groups/muheza-oranges/"} <= set(pages)) == mentors
    # The finder, the library, published write-ups and asking for an introduction are every
    # member's; drafting syntheses and cleaning threads up are the mentors'.
    tools = ("/mentoring/syntheses/", "/mentoring/cleanup/")
    assert any(url.startswith(tools) for url in pages) == mentors


@pytest.mark.parametrize(("persona", "drafts"), [
    (None, False), ("outsider", False), ("learner", False), ("mentor", True), ("staff", True)])
def test_a_draft_story_is_walked_only_by_mentors_and_staff(client, archive, persona, drafts,
                                                           request):
    from learnlink.knowledge import story_actions
    from learnlink.knowledge.models import Story

    public = Story.objects.create(title="Billboards in Babati", summary="s", language="en")
    story_actions.publish(public)
    draft = Story.objects.create(title="Not ready yet", summary="s", language="en")
    if persona:
        client.force_login(request.getfixturevalue(persona))
    pages = crawl(client)
    assert public.get_absolute_url() in pages
    assert (draft.get_absolute_url() in pages) == drafts
    assert (f"/stories/{draft.pk}/edit/" in pages) == drafts
