"""Replies whose In-Reply-To or References name a bare id, without angle brackets, as Mailman 3's
web archive (HyperKitty) writes them: they join their parents' thread live, in an import, and
after a `reparse` of an archive stored before Learnlink read them."""

from io import StringIO

import pytest
from django.core.management import call_command

from learnlink.exchange.importing import import_mbox
from learnlink.exchange.membership import create_group
from learnlink.exchange.models import Message, Thread
from learnlink.mail import parsing
from tests.conftest import email_from

GROUP = "muheza-oranges@learnlink.localhost"
QUESTION = "q1@lists.example.org"

# A question, a reply from the web archive (bare In-Reply-To), a reply to that reply written in
# a mail program (bracketed), and a second web reply naming both ancestors bare.
ARCHIVE = b"""From amina@example.org Mon Mar  1 08:00:00 2010
From: Amina <amina@example.org>
Subject: Bei ya machungwa Muheza
Date: Mon, 01 Mar 2010 08:00:00 +0300
Message-ID: <q1@lists.example.org>

Bei ya machungwa ni ngapi wiki hii?

From juma@example.org Mon Mar  1 09:00:00 2010
From: Juma <juma@example.org>
Subject: Re: Bei ya machungwa Muheza
Date: Mon, 01 Mar 2010 09:00:00 +0300
Message-ID: <r1@lists.example.org>
In-Reply-To: q1@lists.example.org

Shilingi 120 kwa chungwa.

From amina@example.org Mon Mar  1 10:00:00 2010
From: Amina <amina@example.org>
Subject: Re: Bei ya machungwa Muheza
Date: Mon, 01 Mar 2010 10:00:00 +0300
Message-ID: <r2@example.org>
In-Reply-To: <r1@lists.example.org>

Asante Juma.

From halima@example.org Mon Mar  1 11:00:00 2010
From: Halima <halima@example.org>
Subject: Re: Bei ya machungwa Muheza
Date: Mon, 01 Mar 2010 11:00:00 +0300
Message-ID: <r3@lists.example.org>
In-Reply-To: r1@lists.example.org
References: q1@lists.example.org r1@lists.example.org

Kwetu ni shilingi 110.
"""
TREE = {QUESTION: None, "r1@lists.example.org": QUESTION,
        "r2@example.org": "r1@lists.example.org", "r3@lists.example.org": "r1@lists.example.org"}


def parents(group) -> dict[str, str | None]:
    return dict(Message.objects.filter(group=group).values_list("message_id",
                                                                "parent__message_id"))


def imported(tmp_path):
    path = tmp_path / "support.mbox"
    path.write_bytes(ARCHIVE)
    group = create_group("support", "Support")
    import_mbox(group, path, processes=1)
    return group


def test_a_reply_from_mailman_3s_web_archive_joins_its_parent_live(mail_server, oranges):
    mail_server.send(email_from("halima@example.org", GROUP, "Bei ya machungwa",
                                "Ni ngapi?", message_id=f"<{QUESTION}>"), GROUP)
    mail_server.send(email_from("joseph.mshana@example.org", GROUP, "Re: Bei ya machungwa",
                                "Shilingi 120.", message_id="<r1@lists.example.org>",
                                In_Reply_To=QUESTION), GROUP)

    reply = Message.objects.get(message_id="r1@lists.example.org")
    assert reply.parent.message_id == QUESTION
    assert Thread.objects.get(group=oranges).message_count == 2


@pytest.mark.django_db
def test_an_imported_archive_threads_its_bare_id_replies(tmp_path):
    group = imported(tmp_path)

    assert parents(group) == TREE
    assert Thread.objects.get(group=group).message_count == 4


@pytest.mark.django_db
def test_reparse_mends_the_threads_that_bare_id_replies_started(tmp_path, monkeypatch, client):
    """An archive imported before Learnlink read bare ids holds three threads where there is
    one; reparse moves each reply, with its own replies, below the parent it names."""
    with monkeypatch.context() as before_the_fix:
        before_the_fix.setattr(parsing, "_reference_ids", parsing._ids)
        group = imported(tmp_path)
    assert Thread.objects.filter(group=group).count() == 3
    assert Message.objects.filter(group=group, suggested_thread__isnull=False).count() == 2
    stray = Message.objects.get(message_id="r1@lists.example.org").thread

    out = StringIO()
    call_command("reparse", "--group", group.slug, "--processes", "1", stdout=out)

    assert " rethreaded=2 " in out.getvalue()
    assert parents(group) == TREE
    thread = Thread.objects.get(group=group)
    assert (thread.subject, thread.message_count) == ("Bei ya machungwa Muheza", 4)
    assert Message.objects.get(message_id="r3@lists.example.org").references == (
        f"{QUESTION}\nr1@lists.example.org")
    assert not Message.objects.filter(suggested_thread__isnull=False).exists()
    page = client.get(f"/groups/{group.slug}/").content.decode()
    assert page.count("Bei ya machungwa Muheza") == 1
    assert "3 replies" in page
    assert client.get(f"/groups/{group.slug}/threads/{stray.pk}/").status_code == 404
    shown = client.get(thread.get_absolute_url()).content.decode()
    assert all(text in shown for text in ("Shilingi 120", "Asante Juma", "shilingi 110"))


@pytest.mark.django_db
def test_a_second_reparse_threads_nothing_again(tmp_path):
    group = imported(tmp_path)

    out = StringIO()
    call_command("reparse", "--group", group.slug, "--processes", "1", stdout=out)

    assert " rethreaded=0 " in out.getvalue()
    assert parents(group) == TREE
