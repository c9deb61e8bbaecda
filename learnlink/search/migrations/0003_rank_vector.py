"""PostgreSQL ranks by a small second vector (see backends/postgresql.py); SQLite needs none.

A search ranks it for thousands of rows, so it is kept in the row (compressed) rather than out
of line. Documents indexed before have none and rank by their whole vector until indexed again.
"""

from django.db import migrations


def add_rank_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdocument ADD COLUMN rank_vector tsvector")
        schema_editor.execute(
            "ALTER TABLE search_searchdocument ALTER COLUMN rank_vector SET STORAGE MAIN")


def drop_rank_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdocument DROP COLUMN rank_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_statistics")]
    operations = [migrations.RunPython(add_rank_vector, drop_rank_vector)]
