"""The document table, then each engine's own index on it, created only on its own database."""

from django.db import migrations, models

SQLITE = [
    # External content: FTS5 keeps only the index and reads the text from the document table.
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        subject, body, sender,
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts (rowid, subject, body, sender)
        VALUES (new.id, new.subject, new.body, new.sender);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts (search_fts, rowid, subject, body, sender)
        VALUES ('delete', old.id, old.subject, old.body, old.sender);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts (search_fts, rowid, subject, body, sender)
        VALUES ('delete', old.id, old.subject, old.body, old.sender);
        INSERT INTO search_fts (rowid, subject, body, sender)
        VALUES (new.id, new.subject, new.body, new.sender);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER search_fts_update",
    "DROP TRIGGER search_fts_delete",
    "DROP TRIGGER search_fts_insert",
    "DROP TABLE search_fts",
]
POSTGRESQL = [
    # Filled by the indexing code with each upsert; NULL means "not indexed", never matched.
    "ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector",
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (search_vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN search_vector",
]


def create_engine_index(apps, schema_editor):
    _execute(schema_editor, {"sqlite": SQLITE, "postgresql": POSTGRESQL})


def drop_engine_index(apps, schema_editor):
    _execute(schema_editor, {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE})


def _execute(schema_editor, statements_by_vendor):
    for statement in statements_by_vendor[schema_editor.connection.vendor]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.BigIntegerField(help_text='The pk of the exchange Message.', unique=True)),
                ('group_id', models.BigIntegerField()),
                ('sender', models.TextField(help_text='Name and address, lower-cased and without diacritics, so that the sender filter is one plain LIKE that behaves the same on both engines.')),
                ('date', models.DateTimeField(null=True)),
                ('subject', models.TextField()),
                ('body', models.TextField(help_text='The new text only; the caller leaves quotes out.')),
            ],
        ),
        migrations.RunPython(create_engine_index, drop_engine_index),
    ]
