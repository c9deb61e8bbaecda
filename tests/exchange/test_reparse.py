"""`learnlink reparse`: the archive derived again from the original bytes, nothing lost."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from learnlink.exchange.importing import import_mbox
from learnlink.exchange.membership import create_group
from learnlink.exchange.models import Attachment, Group, Message, Thread
from learnlink.exchange.search import search_messages
from learnlink.mail.models import InboundMessage
from tests.exchange.admin_steps import correct_text

DEMO = Path(__file__).resolve().parents[2] / "learnlink" / "exchange" / "demo"
QUESTION = "20030714194000.1c45b95b@example.net"  # oranges-muheza.mbox, the thread's first
WITH_FILE = "20030506103000.4ecdf729@example.net"  # market-spies.mbox, a price form attached


def reparse(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("reparse", *args, "--processes", "1", stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


def imported(slug: str) -> Group:
    group = create_group(slug, slug.title())
    import_mbox(group, DEMO / f"{slug}.mbox", processes=1)
    return group


def pages(client, group: Group) -> dict[int, str]:
    """What each thread page shows (its <main>: the rest carries a fresh CSRF token)."""
    shown = {}
    for thread in Thread.objects.filter(group=group):
        html = client.get(thread.get_absolute_url()).content.decode()
        shown[thread.pk] = html[html.index("<main"):html.index("</main>")]
    return shown


def spoil(message_id: str) -> Message:
    """What a parser bug (or a hand in the database) would leave: a text that is not the mail's."""
    Message.objects.filter(message_id=message_id).update(text="garbled", quoted="",
                                                         html='<div class="text">garbled</div>')
    return Message.objects.get(message_id=message_id)


@pytest.mark.django_db
def test_a_text_spoiled_in_the_database_is_restored_from_the_mail(client):
    group = imported("oranges-muheza")
    message = Message.objects.get(message_id=QUESTION)
    original = (message.text, message.quoted, message.html)
    spoil(QUESTION)
    assert "garbled" in client.get(message.get_absolute_url(), follow=True).content.decode()

    out, err = reparse("--group", group.slug)

    assert out.startswith("reparsed=12 changed=1 attachments_changed=0 failed=0 "), out
    assert err == ""
    message.refresh_from_db()
    assert (message.text, message.quoted, message.html) == original
    page = client.get(message.get_absolute_url(), follow=True).content.decode()
    assert "garbled" not in page, "the cached page went with the old text"
    assert "Mlimpataje mnunuzi huyu" in page


@pytest.mark.django_db
def test_a_text_corrected_in_the_admin_is_kept_by_reparse(client):
    """A mentor took a buyer's phone number out of a message: an upgrade's reparse must not
    put it back."""
    group = imported("oranges-muheza")
    message = Message.objects.get(message_id=QUESTION)
    correct_text(client, message, "Mlimpataje mnunuzi huyu? (namba ya simu imeondolewa)")
    message.refresh_from_db()
    assert message.corrected is not None

    out, _err = reparse("--group", group.slug)

    assert out.startswith("reparsed=12 changed=0 attachments_changed=0 failed=0 "
                          "kept_corrected=1 "), out
    message.refresh_from_db()
    assert message.text == "Mlimpataje mnunuzi huyu? (namba ya simu imeondolewa)"
    assert "imeondolewa" in client.get(message.get_absolute_url(), follow=True).content.decode()


@pytest.mark.django_db
def test_a_thread_reads_the_same_after_reparse(client):
    group = imported("oranges-muheza")
    before = pages(client, group)
    Message.objects.filter(group=group).update(html="")

    out, _err = reparse()

    assert "changed=12 " in out
    assert pages(client, group) == before


@pytest.mark.django_db
def test_the_search_index_follows_the_restored_text():
    from learnlink.exchange.indexing import index_messages

    group = imported("oranges-muheza")
    index_messages([spoil(QUESTION)])
    assert search_messages(Group.objects.all(), "Mlimpataje").total == 0

    reparse("--group", group.slug)

    assert search_messages(Group.objects.all(), "Mlimpataje").total == 1


@pytest.mark.django_db
def test_one_message_can_be_reparsed_by_its_message_id():
    imported("oranges-muheza")
    other = Message.objects.exclude(message_id=QUESTION).filter(is_placeholder=False).first()
    spoil(QUESTION)
    spoil(other.message_id)

    out, _err = reparse("--message-id", f"<{QUESTION}>")

    assert out.startswith("reparsed=1 changed=1 "), out
    assert Message.objects.get(message_id=QUESTION).text != "garbled"
    assert Message.objects.get(pk=other.pk).text == "garbled"


@pytest.mark.django_db
def test_a_message_whose_bytes_no_longer_parse_stays_as_it_was_and_is_reported():
    imported("oranges-muheza")
    message = spoil(QUESTION)
    assert message.inbound_id is not None
    InboundMessage.objects.filter(pk=message.inbound_id).update(raw=b"\x00\x01 not mail")

    out, err = reparse()

    assert "reparsed=11 changed=0 attachments_changed=0 failed=1 " in out
    assert f"kept as it was: message {message.pk} <{QUESTION}>: " in err
    assert Message.objects.get(pk=message.pk).text == "garbled"


@pytest.mark.django_db
def test_lost_attachment_rows_come_back_and_kept_ones_keep_their_links():
    group = imported("market-spies")
    [kept] = Attachment.objects.filter(message__message_id=WITH_FILE)

    assert "attachments_changed=0 " in reparse("--group", group.slug)[0]
    assert Attachment.objects.get().pk == kept.pk, "links to the file keep working"

    Attachment.objects.all().delete()
    assert "attachments_changed=1 " in reparse("--group", group.slug)[0]
    found = Attachment.objects.get()
    assert (found.message.message_id, found.filename, found.sha256) == (
        WITH_FILE, kept.filename, kept.sha256)


@pytest.mark.django_db
def test_reparse_makes_a_few_queries_per_batch_not_per_message(django_assert_max_num_queries):
    imported("oranges-muheza")
    imported("market-spies")
    Message.objects.update(html="")
    with django_assert_max_num_queries(11):
        out, _err = reparse()
    assert "reparsed=24 changed=24 " in out


@pytest.mark.django_db
def test_an_unknown_group_is_an_error():
    with pytest.raises(CommandError, match="no group 'nowhere'"):
        reparse("--group", "nowhere")
