"""The indexed texts and vectors compressed with lz4 on PostgreSQL (see
learnlink/lib/compression.py)."""

from django.db import migrations

from learnlink.lib.compression import lz4_columns


class Migration(migrations.Migration):
    dependencies = [("search", "0003_rank_vector")]
    operations = [lz4_columns("search_searchdocument", "body", "search_vector", "rank_vector")]
