"""The messages' texts compressed with lz4 on PostgreSQL (see learnlink/lib/compression.py)."""

from django.db import migrations

from learnlink.lib.compression import lz4_columns


class Migration(migrations.Migration):
    dependencies = [("exchange", "0021_group_subject_prefix_footer")]
    operations = [lz4_columns("exchange_message", "text", "html", "quoted", "signature")]
