"""A mentor saves a synthesis, publishes it, edits it and translates it: every save is a
version the history keeps, and every reader of the thread gets the latest version in their
language, or the original while no up-to-date translation exists. A private group's synthesis
stays with the group."""

from __future__ import annotations

from django.urls import reverse

from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Message
from learnlink.mentoring.models import Synthesis
from learnlink.people.models import Person
from tests.mentoring.syntheses.conftest import post

ATUPELE = "20031013104000.ea8830bb@example.net"
JACKSON = "20031010130000.8562d669@example.net"
GABRIEL = "20031028201000.07382059@example.org"


def number(group, message_id: str) -> int:
    return Message.objects.get(group=group, message_id=message_id).pk


def form(group, title: str, weighing: str, **fields: str) -> dict[str, str]:
    """The three parts as a mentor types them, points linked by [m123]."""
    return {"title": title, "language": "en",
            "learned": f"{weighing} [m{number(group, ATUPELE)}]\n"
                       f"- The SACCO lends against the receipt. [m{number(group, JACKSON)}]",
            "standing": "Nobody is forced to keep maize in the store.",
            "next_questions": f"What if prices do not rise? [m{number(group, GABRIEL)}]",
            **fields}


def save_and_publish(client, thread) -> Synthesis:
    response = client.post(reverse("mentoring:synthesis_save", args=[thread.pk]),
                           form(thread.group, "Receipts", "Every bag is weighed."))
    synthesis = Synthesis.objects.get()
    assert response.status_code == 302 and response["Location"] == synthesis.get_absolute_url()
    client.post(reverse("mentoring:synthesis_publish", args=[synthesis.pk]))
    return synthesis


def edit(client, synthesis, in_language: str, **fields: str) -> None:
    response = client.post(reverse("mentoring:synthesis_edit",
                                   args=[synthesis.pk, in_language]), fields)
    assert response.status_code == 302, response.content.decode()


def top_of(client, thread, language: str | None = None) -> str:
    """The synthesis block at the top of the thread page, as this reader sees it."""
    if language:
        client.cookies["django_language"] = language
    page = client.get(thread.get_absolute_url()).content.decode()
    start = page.find('<section class="card" aria-labelledby="synthesis">')
    return page[start:page.find("</section>", start)] if start >= 0 else ""


def test_a_draft_stays_with_the_mentors_until_it_is_published(client, mentor, warehouse):
    client.force_login(mentor)
    client.post(reverse("mentoring:synthesis_save", args=[warehouse.pk]),
                form(warehouse.group, "Receipts", "Every bag is weighed."))
    client.logout()
    assert top_of(client, warehouse) == ""
    client.force_login(mentor)
    client.post(reverse("mentoring:synthesis_publish", args=[Synthesis.objects.get().pk]))
    client.logout()
    shown = top_of(client, warehouse)
    assert "<h2 id=\"synthesis\">Receipts</h2>" in shown
    assert "Every bag is weighed." in shown
    assert "Nobody is forced to keep maize in the store." in shown
    assert "What if prices do not rise?" in shown
    link = reverse("exchange:message", args=[warehouse.group.slug,
                                             number(warehouse.group, ATUPELE)])
    assert f'Every bag is weighed. <a href="{link}">' in shown
    assert client.get(link, follow=True).status_code == 200


def test_every_save_is_a_version_and_the_history_shows_them(client, mentor, warehouse):
    client.force_login(mentor)
    synthesis = save_and_publish(client, warehouse)
    edit(client, synthesis, "en", **form(warehouse.group, "Warehouse receipts",
                                         "Every bag is weighed with the farmer watching."))
    assert list(synthesis.versions.values_list("number", "title")) == [
        (1, "Receipts"), (2, "Warehouse receipts")]
    assert "with the farmer watching" in top_of(client, warehouse)
    history = client.get(synthesis.get_absolute_url()).content.decode()
    assert "Version 2" in history and "Version 1" in history
    first = client.get(reverse("mentoring:synthesis_version", args=[synthesis.pk, 1]))
    assert "Every bag is weighed." in first.content.decode()
    assert "with the farmer watching" not in first.content.decode()


def test_each_reader_gets_the_translation_of_their_language_while_it_is_up_to_date(
        client, mentor, warehouse):
    client.force_login(mentor)
    synthesis = save_and_publish(client, warehouse)
    edit(client, synthesis, "sw", title="Stakabadhi za ghala",
         learned="Kila gunia linapimwa mbele ya mkulima.", standing="Hakuna analazimishwa.")
    client.logout()
    assert "Kila gunia linapimwa" in top_of(client, warehouse, "sw")
    assert "Every bag is weighed." in top_of(client, warehouse, "fr"), "no French: the original"
    assert "Every bag is weighed." in top_of(client, warehouse, "en")

    client.force_login(mentor)
    edit(client, synthesis, "en", **form(warehouse.group, "Receipts", "Bags are weighed."))
    page = client.get(synthesis.get_absolute_url()).content.decode()
    assert "a translation of version 1" in page, "the mentor sees the translation to check"
    client.logout()
    assert "Bags are weighed." in top_of(client, warehouse, "sw"), "stale: the original"

    client.force_login(mentor)
    client.post(reverse("mentoring:synthesis_check", args=[synthesis.pk, "sw"]))
    assert synthesis.versions.get(number=4).translates == 3
    client.logout()
    assert "Kila gunia linapimwa" in top_of(client, warehouse, "sw")


def test_a_member_signed_in_reads_it_in_the_language_of_their_profile(
        client, mentor, learner, warehouse):
    client.force_login(mentor)
    synthesis = save_and_publish(client, warehouse)
    edit(client, synthesis, "sw", title="Stakabadhi", learned="Kila gunia linapimwa.")
    Person.objects.filter(user=learner).update(languages="sw, en")
    client.force_login(learner)
    assert "Kila gunia linapimwa." in top_of(client, warehouse)


def test_a_point_linked_to_a_message_of_another_thread_is_refused_with_a_reason(
        mentor_client, warehouse, receipts):
    elsewhere = Message.objects.filter(group=receipts).exclude(thread=warehouse).first()
    response = mentor_client.post(
        reverse("mentoring:synthesis_save", args=[warehouse.pk]),
        {"title": "Receipts", "language": "en", "learned": f"Borrowed point [m{elsewhere.pk}]"})
    assert response.status_code == 400
    assert f"[m{elsewhere.pk}] is not a message of this synthesis" in response.content.decode()
    assert not Synthesis.objects.exists()


def test_withdrawn_it_is_the_mentors_draft_again(client, mentor, warehouse):
    client.force_login(mentor)
    synthesis = save_and_publish(client, warehouse)
    client.post(reverse("mentoring:synthesis_withdraw", args=[synthesis.pk]))
    client.logout()
    assert top_of(client, warehouse) == ""


def test_a_private_groups_synthesis_is_read_only_by_its_members_and_mentors(
        client, mentor, learner, outsider, network):
    private = create_group("mentors-room", "Mentors' room", private=True)
    add_member(private, "halima@example.org")
    add_member(private, "joseph.mshana@example.org", role="mentor")
    thread = post(private, "Contacts", "The buyer's phone is private: 0700 000 111.").thread
    client.force_login(mentor)
    client.post(reverse("mentoring:synthesis_save", args=[thread.pk]),
                {"title": "Who to call", "language": "en", "standing": "Call the buyer first."})
    synthesis = Synthesis.objects.get()
    client.post(reverse("mentoring:synthesis_publish", args=[synthesis.pk]))
    assert "Call the buyer first." in top_of(client, thread)

    client.force_login(learner)
    assert "Call the buyer first." in top_of(client, thread), "a member reads it"
    assert client.get(synthesis.get_absolute_url()).status_code == 404, "not its editing page"
    client.force_login(outsider)
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert client.get(synthesis.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(thread.get_absolute_url()).status_code == 302
    assert client.get(synthesis.get_absolute_url()).status_code == 302
    for page in ("/", "/groups/", "/search/?q=buyer"):
        assert "Call the buyer first." not in client.get(page).content.decode()
