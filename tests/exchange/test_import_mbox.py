"""Old archives in and out: mbox and maildir, nothing twice, original bytes kept."""

import base64
import mailbox
import random
import re
import tracemalloc
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from learnlink.exchange import importing
from learnlink.exchange.importing import BATCH, BATCH_BYTES, import_mbox, in_batches
from learnlink.exchange.membership import create_group
from learnlink.exchange.models import Message, Thread
from learnlink.mail.models import InboundMessage, State
from tests.conftest import TEST_DATA

DEMO = Path(__file__).resolve().parents[2] / "learnlink" / "exchange" / "demo"


def archive_of(group) -> list[tuple[str, str | None, str, str]]:
    """What a reader sees: each message with its parent, subject and text, in a stable order."""
    return sorted(Message.objects.filter(group=group).values_list(
        "message_id", "parent__message_id", "subject", "text"))


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_the_command_imports_and_reports_in_one_line():
    create_group("oranges-muheza", "Oranges")
    line = run("import_mbox", "oranges-muheza", str(DEMO / "oranges-muheza.mbox"),
               "--processes", "1")
    assert re.fullmatch(r"imported=12 duplicates=0 quarantined=0 threads=\d+ seconds=[\d.]+",
                        line), line


@pytest.mark.django_db
def test_running_it_again_imports_nothing_twice():
    group = create_group("oranges-muheza", "Oranges")
    import_mbox(group, DEMO / "oranges-muheza.mbox", processes=1)
    before = (archive_of(group), InboundMessage.objects.count())
    again = import_mbox(group, DEMO / "oranges-muheza.mbox", processes=1)
    assert (again.imported, again.duplicates) == (0, 12)
    assert (archive_of(group), InboundMessage.objects.count()) == before


@pytest.mark.django_db
def test_export_then_import_gives_the_same_archive(tmp_path):
    first = create_group("market-spies", "Market spies")
    import_mbox(first, DEMO / "market-spies.mbox", processes=1)
    run("export_mbox", "market-spies", str(tmp_path / "out.mbox"))
    second = create_group("market-spies-copy", "Copy")
    import_mbox(second, tmp_path / "out.mbox", processes=1)

    assert archive_of(second) == archive_of(first)
    raws = {bytes(r) for r in InboundMessage.objects.filter(recipient=first.address)
            .values_list("raw", flat=True)}
    copies = {bytes(r) for r in InboundMessage.objects.filter(recipient=second.address)
              .values_list("raw", flat=True)}
    assert copies == raws, "the original bytes, byte for byte"


@pytest.mark.django_db
def test_a_maildir_folder_imports_like_an_mbox(tmp_path):
    folder = mailbox.Maildir(tmp_path / "maildir")
    for message in mailbox.mbox(str(DEMO / "mushrooms.mbox")):
        folder.add(message)
    group = create_group("mushrooms", "Mushrooms")
    stats = import_mbox(group, tmp_path / "maildir", processes=1)
    assert stats.imported == len(mailbox.mbox(str(DEMO / "mushrooms.mbox")))


@pytest.mark.django_db
def test_unreadable_messages_are_kept_in_quarantine_with_a_reason(tmp_path):
    path = tmp_path / "broken.mbox"
    path.write_bytes(b"From x Mon Jan  1 00:00:00 2004\n\x00\x01\x02 not an email at all\n\n"
                     b"From y Mon Jan  1 00:00:00 2004\nSubject: fine\nMessage-ID: <ok@x>\n\n"
                     b"Habari\n")
    group = create_group("broken", "Broken")
    stats = import_mbox(group, path, processes=1)
    assert (stats.imported, stats.quarantined) == (1, 1)
    kept = InboundMessage.objects.get(state=State.QUARANTINED)
    assert kept.reason.startswith("cannot be read as an email")


@pytest.mark.django_db(transaction=True)
def test_parsing_on_two_cores_threads_a_real_list_like_one(tmp_path):
    mbox = TEST_DATA / "threading" / "mailbox-perl" / "mbox.src"
    one = create_group("one-core", "One")
    two = create_group("two-cores", "Two")
    import_mbox(one, mbox, processes=1)
    stats = import_mbox(two, mbox, processes=2)
    assert stats.imported == Message.objects.filter(group=one, is_placeholder=False).count()
    assert archive_of(two) == archive_of(one)
    assert Thread.objects.filter(group=two).count() == Thread.objects.filter(group=one).count()


def test_batches_end_at_a_count_or_a_weight_whichever_comes_first():
    assert [len(b) for b in in_batches([1] * (2 * BATCH + 7), int)] == [BATCH, BATCH, 7]
    half = BATCH_BYTES // 2
    assert [len(b) for b in in_batches([half] * 5, int)] == [2, 2, 1]
    huge = [1, 3 * BATCH_BYTES, 1]
    assert list(in_batches(huge, int)) == [[1, 3 * BATCH_BYTES], [1]], "in order, none lost"


@pytest.mark.django_db
def test_an_archive_of_large_messages_imports_without_holding_it_in_memory(tmp_path,
                                                                            monkeypatch):
    """Sixty-four reports with a 1 MB scan each, batches of at most 1 MB: memory holds a few
    batches (about 20 MB measured), never the archive (86 MB; it held all of it before)."""
    monkeypatch.setattr(importing, "BATCH_BYTES", 1 << 20)
    scan = base64.encodebytes(random.Random(7).randbytes(1 << 20))
    path = tmp_path / "scans.mbox"
    with path.open("wb") as out:
        for n in range(64):
            out.write(b"From kikundi@example.org Mon Mar  1 08:00:00 2010\n"
                      b"From: Kikundi cha Hai <kikundi@example.org>\n"
                      b"Subject: Ripoti ya uyoga, wiki %d\n" % n
                      + b"Message-ID: <scan-%d@example.org>\n" % n
                      + b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                      b"--b\nContent-Type: text/plain\n\nRipoti ya mavuno imeambatishwa.\n"
                      b"--b\nContent-Type: image/png; name=scan.png\n"
                      b"Content-Transfer-Encoding: base64\n\n" + scan + b"--b--\n\n")
    group = create_group("mushrooms", "Mushrooms")
    tracemalloc.start()
    try:
        stats = import_mbox(group, path, processes=1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert stats.imported == 64
    assert Message.objects.get(message_id="scan-63@example.org").attachments.get().size \
        == 1 << 20
    size = path.stat().st_size
    assert peak < size / 3, f"peak {peak >> 20} MB importing {size >> 20} MB"
