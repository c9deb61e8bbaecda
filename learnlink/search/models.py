"""The one table both engines search; each adds its own index to it (see migrations/0001)."""

from django.db import models


class SearchDocument(models.Model):
    """The searchable part of one message, written only by `engine.index_documents`.

    SQLite keeps an external-content FTS5 table in step with these rows through triggers;
    PostgreSQL stores a tsvector in an extra column that the indexing code fills. Neither is a
    Django field, so the ORM never reads or writes them.
    """

    object_id = models.BigIntegerField(unique=True, help_text="The pk of the exchange Message.")
    group_id = models.BigIntegerField()
    sender = models.TextField(
        help_text="Name and address, lower-cased and without diacritics, so that the sender "
        "filter is one plain LIKE that behaves the same on both engines.")
    date = models.DateTimeField(null=True)
    subject = models.TextField()
    body = models.TextField(help_text="The new text only; the caller leaves quotes out.")

    def __str__(self) -> str:
        return self.subject
