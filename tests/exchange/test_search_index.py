"""The search index follows the archive: a text corrected in the admin, messages deleted by
hand, an index rebuilt after an upgrade (`learnlink reindex`)."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse

from learnlink.exchange.importing import import_mbox
from learnlink.exchange.membership import create_group
from learnlink.exchange.models import Group, Message
from learnlink.search.models import SearchDocument
from tests.exchange.admin_steps import correct_text
from tests.exchange.test_archive_pages import conversation

DEMO = Path(__file__).resolve().parents[2] / "learnlink" / "exchange" / "demo"


def search_page(client, query: str) -> str:
    return client.get(reverse("search"), {"q": query}).content.decode()


def count_found(html: str) -> int:
    match = re.search(r"(\d+) messages found", html)
    assert match, "the page says how many messages it found"
    return int(match[1])


def reindex(*args: str) -> str:
    out = StringIO()
    call_command("reindex", *args, stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def two_groups(db) -> tuple[Group, Group]:
    oranges = create_group("oranges-muheza", "Oranges")
    spies = create_group("market-spies", "Market spies")
    import_mbox(oranges, DEMO / "oranges-muheza.mbox", processes=1)
    import_mbox(spies, DEMO / "market-spies.mbox", processes=1)
    return oranges, spies


def test_a_text_corrected_in_the_admin_is_what_search_finds_and_quotes(client, oranges):
    [question] = conversation(1)
    assert "1 message found" in search_page(client, "Dar")
    correct_text(client, question, "Who has sold oranges as a group to a buyer from Tanga?")
    client.logout()
    assert "Nothing found" in search_page(client, "Dar")
    assert "from <mark>Tanga</mark>?" in search_page(client, "Tanga")


def test_reindex_finds_again_what_the_index_lost(client, two_groups):
    messages = Message.objects.filter(is_placeholder=False).count()
    SearchDocument.objects.all().delete()  # an index from before an upgrade, or damaged
    assert "Nothing found" in search_page(client, "Songea")

    assert reindex().startswith(f"indexed={messages} removed=0 seconds=")
    html = search_page(client, "Songea")
    assert "<mark>Songea</mark>" in html
    assert SearchDocument.objects.count() == messages


def test_reindex_removes_what_no_longer_has_a_message(client, two_groups):
    found = count_found(search_page(client, "Songea"))
    Message.objects.filter(text__contains="Songea").first().delete()  # as in the admin

    assert " removed=1 " in reindex()
    assert count_found(search_page(client, "Songea")) == found - 1


def test_reindex_of_one_group_leaves_the_others_as_they_are(two_groups):
    _oranges, spies = two_groups
    SearchDocument.objects.all().delete()
    line = reindex("--group", "market-spies")
    assert line.startswith(
        f"indexed={Message.objects.filter(group=spies, is_placeholder=False).count()} removed=0")
    assert set(SearchDocument.objects.values_list("group_id", flat=True)) == {spies.pk}


def test_reindex_of_an_unknown_group_is_an_error(db):
    with pytest.raises(CommandError, match="no group 'nowhere'"):
        reindex("--group", "nowhere")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's ranking vector")
def test_on_postgresql_reindex_gives_older_documents_their_ranking_vector(two_groups):
    """Documents indexed before migration search/0003 have none, and rank by the whole text."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE search_searchdocument SET rank_vector = NULL")
    reindex()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_searchdocument WHERE rank_vector IS NULL")
        assert cursor.fetchone() == (0,)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5's own storage")
def test_a_rebuilt_index_is_left_as_compact_as_a_fresh_one(two_groups):
    """Every replaced document leaves a delete marker and a new entry in FTS5 segments of their
    own, which each search reads through: on the benchmark archive, searches became three times
    slower after a rebuild until the index was merged."""
    fresh = fts5_pages()
    reindex()
    assert fts5_pages() <= fresh


def fts5_pages() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_fts_data")
        return cursor.fetchone()[0]
