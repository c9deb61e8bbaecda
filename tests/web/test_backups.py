"""`learnlink backup` and `learnlink restore` as an operator runs them, on the engine the suite
runs on (SQLite, then PostgreSQL in CI): the whole demo backed up, the database emptied and the
attachment store moved to a new disk, restored, and every message's raw mail, every file and
the published figures the same; a changed, unfinished or hostile backup, or a database that
already holds records, refused with nothing written."""

from __future__ import annotations

import hashlib
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from learnlink.alliance.demo.core import SLUG
from learnlink.exchange.models import Attachment, Message
from learnlink.mail.inbox import receive
from learnlink.mail.models import InboundMessage, Source
from learnlink.web.backups.manifest import counts, is_empty
from tests.conftest import email_from, make_person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def disks(settings: Any, tmp_path: Path) -> dict[str, Path]:
    """The attachment store of the machine backed up, the one restored to, and the backup."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return {"old": tmp_path / "media", "new": tmp_path / "new-media",
            "backup": tmp_path / "backup"}


def what_a_person_checks() -> dict[str, Any]:
    """The raw mail of every message (hashed from its bytes, not read from a stored digest),
    the bytes of every attachment, the counts and the alliance's published impact table."""
    raw = {(m.group_id, m.message_id): hashlib.sha256(bytes(m.inbound.raw)).hexdigest()
           for m in Message.objects.filter(inbound__isnull=False).select_related("inbound")
           if m.inbound is not None}
    files = {}
    for attachment in Attachment.objects.order_by("pk"):
        with default_storage.open(attachment.storage_name) as stored:
            files[attachment.pk] = hashlib.sha256(stored.read()).hexdigest()
    inbound = {i.pk: hashlib.sha256(bytes(i.raw)).hexdigest() for i in InboundMessage.objects.all()}
    impact = Client().get(f"/api/alliances/{SLUG}/impact").json()
    return {"messages": raw, "inbound": inbound, "files": files, "counts": counts(),
            "impact": impact}


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def a_new_machine(settings: Any, disks: dict[str, Path]) -> None:
    """An empty database (migrated, as after `learnlink migrate`) and an empty new disk."""
    call_command("flush", "--noinput", verbosity=0)
    settings.MEDIA_ROOT = disks["new"]
    assert is_empty()


def test_the_whole_demo_comes_back_from_a_backup_message_for_message_and_file_for_file(
        disks: dict[str, Path], settings: Any) -> None:
    call_command("demo", stdout=StringIO())
    before = what_a_person_checks()
    assert before["messages"] and before["files"] and before["impact"]["totals"]["pmgs"]
    report = run("backup", str(disks["backup"]))
    assert f"{before['counts']['messages']} messages" in report
    a_new_machine(settings, disks)

    restored = run("restore", str(disks["backup"]))

    assert what_a_person_checks() == before
    assert "counted, as in the backup:" in restored
    assert f"{before['counts']['inbound messages']} inbound messages" in restored


@pytest.fixture
def backed_up(oranges: Any, disks: dict[str, Path], settings: Any) -> dict[str, Path]:
    """A group whose archive holds one message with a photo, backed up; then a new machine."""
    post = email_from("halima@example.org", oranges.address, "Grading crates", "See the photo.")
    post.add_attachment(b"\x89PNG oranges in crates", maintype="image", subtype="png",
                        filename="crates.png")
    receive(post.as_bytes(), [oranges.address], Source.PIPE)
    assert Attachment.objects.count() == 1
    run("backup", str(disks["backup"]))
    a_new_machine(settings, disks)
    return disks


def nothing_was_restored(disks: dict[str, Path]) -> None:
    assert is_empty()
    assert not disks["new"].exists()


def test_a_changed_attachment_is_refused_by_name_and_nothing_is_restored(
        backed_up: dict[str, Path]) -> None:
    photo = next(p for p in (backed_up["backup"] / "media").rglob("*") if p.is_file())
    photo.write_bytes(b"\x89PNG something else")
    with pytest.raises(CommandError, match="changed: media/attachments/") as refused:
        run("restore", str(backed_up["backup"]))
    assert "nothing was restored" in str(refused.value)
    nothing_was_restored(backed_up)


def test_a_backup_missing_its_database_dump_is_refused(backed_up: dict[str, Path]) -> None:
    dump = next(backed_up["backup"].glob("database.*"))
    dump.unlink()
    with pytest.raises(CommandError, match=f"missing: {dump.name}"):
        run("restore", str(backed_up["backup"]))
    nothing_was_restored(backed_up)


def test_a_backup_without_its_manifest_is_called_unfinished(backed_up: dict[str, Path]) -> None:
    (backed_up["backup"] / "manifest.json").unlink()
    with pytest.raises(CommandError, match="the backup did not finish"):
        run("restore", str(backed_up["backup"]))
    nothing_was_restored(backed_up)


def test_a_manifest_naming_a_file_outside_the_backup_is_refused(
        backed_up: dict[str, Path]) -> None:
    path = backed_up["backup"] / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["files"]["media/../../outside"] = {"sha256": "0" * 64, "size": 1}
    path.write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="names a file outside the backup"):
        run("restore", str(backed_up["backup"]))
    nothing_was_restored(backed_up)


def test_a_database_with_records_is_replaced_only_when_asked_with_force(
        backed_up: dict[str, Path]) -> None:
    make_person("Someone New", "new@example.org")
    with pytest.raises(CommandError, match="already holds records; nothing was restored"):
        run("restore", str(backed_up["backup"]))
    assert not backed_up["new"].exists()
    run("restore", "--force", str(backed_up["backup"]))
    assert Message.objects.get().subject == "Grading crates"
    with default_storage.open(Attachment.objects.get().storage_name) as photo:
        assert photo.read() == b"\x89PNG oranges in crates"


def test_a_backup_goes_only_into_a_new_or_empty_folder(disks: dict[str, Path]) -> None:
    disks["backup"].mkdir()
    (disks["backup"] / "manifest.json").write_text("{}")
    with pytest.raises(CommandError, match="is not an empty folder"):
        run("backup", str(disks["backup"]))
