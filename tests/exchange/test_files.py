"""A group's page of files: what its messages carried, for whoever reads its archive."""

import datetime
import email.utils
import re

import pytest
from django.urls import reverse

from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Message
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from tests.conftest import email_from
from tests.exchange.test_api import token_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def send_file(group, filename: str, content_type: str, *, subject: str = "Price list",
              sender: str = "halima@example.org", day=datetime.date(2004, 9, 14)) -> Message:
    message = email_from(sender, group.address, subject, "The file is attached.")
    del message["Date"]
    message["Date"] = email.utils.format_datetime(
        datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC))
    maintype, subtype = content_type.split("/")
    message.add_attachment(b"%PDF grades: large, medium, small", maintype=maintype,
                           subtype=subtype, filename=filename)
    receive(message.as_bytes(), [group.address], Source.PIPE)
    return Message.objects.get(message_id=message["Message-ID"].strip("<>"))


def files_page(client, group, **query) -> str:
    response = client.get(reverse("exchange:files", args=[group.slug]), query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_names_each_file_its_sender_thread_and_get_number(client, oranges):
    sent = send_file(oranges, "grades.pdf", "application/pdf", subject="Grading oranges")
    attachment = sent.attachments.get()
    html = files_page(client, oranges)

    assert "grades.pdf" in html and "Documents" in html and "Halima Omari" in html
    assert "Grading oranges" in html
    assert f"A{attachment.pk}" in html
    assert f"mailto:get@learnlink.localhost?subject=A{attachment.pk}" in html
    [link] = re.findall(r'href="([^"]+/attachments/[^"]+)"', html)
    assert client.get(link)["Content-Disposition"].startswith('attachment; filename="grades.pdf"')


def test_files_are_filtered_by_kind_and_month(client, oranges):
    send_file(oranges, "grades.pdf", "application/pdf", day=datetime.date(2004, 9, 14))
    send_file(oranges, "prices.xlsx", XLSX, day=datetime.date(2004, 9, 20))
    send_file(oranges, "lorry.jpg", "image/jpeg", day=datetime.date(2004, 10, 2))
    send_file(oranges, "song.mp3", "audio/mpeg", day=datetime.date(2004, 10, 3))

    def names(**query) -> set[str]:
        html = files_page(client, oranges, **query)
        return set(re.findall(r"download>([^<]+)</a>", html))

    assert names() == {"grades.pdf", "prices.xlsx", "lorry.jpg", "song.mp3"}
    assert names(kind="spreadsheets") == {"prices.xlsx"}
    assert names(kind="images") == {"lorry.jpg"}
    assert names(kind="other") == {"song.mp3"}
    assert names(month="2004-09") == {"grades.pdf", "prices.xlsx"}
    assert names(kind="documents", month="2004-10") == set()
    assert "A month as 2004-09." in files_page(client, oranges, month="September")


def test_files_are_paginated_with_the_filter_kept(client, oranges, settings):
    settings.LEARNLINK_PAGE_SIZE = 2
    for number in range(3):
        send_file(oranges, f"photo-{number}.jpg", "image/jpeg", subject=f"Photo {number}")
    html = files_page(client, oranges, kind="images")
    assert "Page 1 of 2" in html
    assert 'href="?kind=images&amp;page=2"' in html


def test_a_removed_message_takes_its_file_off_the_page_except_for_mentors(
        client, oranges, mentor):
    sent = send_file(oranges, "insult.pdf", "application/pdf")
    Message.objects.filter(pk=sent.pk).update(removed=sent.date)
    assert "insult.pdf" not in files_page(client, oranges)
    client.force_login(mentor)
    assert "insult.pdf" in files_page(client, oranges)


@pytest.fixture
def private_files(oranges):
    room = create_group("mentors-room", "Mentors' room", private=True)
    add_member(room, "halima@example.org")
    send_file(room, "contacts.xlsx", XLSX)
    return room


def test_a_members_only_groups_files_never_reach_a_guest_or_outsider(
        client, private_files, outsider, learner):
    url = reverse("exchange:files", args=[private_files.slug])
    assert client.get(url).status_code == 302  # a guest is asked to sign in
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(learner)
    assert "contacts.xlsx" in client.get(url).content.decode()


def test_the_group_page_links_to_its_files_for_a_guest_too(client, oranges):
    html = client.get(oranges.get_absolute_url()).content.decode()
    assert reverse("exchange:files", args=[oranges.slug]) in html


def test_the_page_of_files_makes_a_fixed_number_of_queries(
        client, oranges, learner, django_assert_max_num_queries):
    for number in range(12):
        send_file(oranges, f"photo-{number}.jpg", "image/jpeg", subject=f"Photo {number}",
                  sender="joseph.mshana@example.org" if number % 2 else "halima@example.org")
    client.force_login(learner)
    with django_assert_max_num_queries(10):
        html = files_page(client, oranges, kind="images", month="2004-09")
    assert html.count("download>") == 12


def test_the_api_lists_files_with_a_count(client, oranges, private_files):
    sent = send_file(oranges, "prices.xlsx", XLSX, subject="Prices at Tanga market")
    body = client.get(f"/api/groups/{oranges.slug}/files?limit=10&offset=0").json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item == {"id": sent.attachments.get().pk, "name": "prices.xlsx", "type": XLSX,
                    "kind": "spreadsheets", "size": 33, "sender": "Halima Omari",
                    "date": "2004-09-14T10:00:00Z", "thread": sent.thread_id,
                    "get": f"A{sent.attachments.get().pk}"}


def test_the_api_hides_a_private_groups_files_from_whoever_may_not_read_it(
        client, private_files, outsider):
    url = f"/api/groups/{private_files.slug}/files"
    assert client.get(url).status_code == 404
    outsider_token = token_for("someone@example.com")
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {outsider_token}").status_code == 404
    member = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token_for('halima@example.org')}")
    assert [f["name"] for f in member.json()["items"]] == ["contacts.xlsx"]


def test_get_by_email_sends_a_listed_file_but_not_a_removed_messages(
        mail_server, oranges, smtp_sink):
    kept = send_file(oranges, "grades.pdf", "application/pdf").attachments.get()
    gone = send_file(oranges, "insult.pdf", "application/pdf")
    Message.objects.filter(pk=gone.pk).update(removed=gone.date)
    get = "get@learnlink.localhost"
    for asked in (kept.get_id, gone.attachments.get().get_id):
        mail_server.send(email_from("someone@example.com", get, asked, ""), get)

    sent, refused = smtp_sink.to("someone@example.com")
    assert [part.get_filename() for part in sent.iter_attachments()] == ["grades.pdf"]
    assert list(refused.iter_attachments()) == []
