"""Statistics for the planner, which PostgreSQL searches now size their plan by.

A server with autovacuum on gathers them by itself, and imports gather them from now on; this
gathers them once for a database filled before, on a server where neither happened. SQLite's
FTS5 needs none.
"""

from django.db import migrations


def gather_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE search_searchdocument")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(gather_statistics, migrations.RunPython.noop)]
