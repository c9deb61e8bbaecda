"""The raw messages compressed with lz4 on PostgreSQL (see learnlink/lib/compression.py)."""

from django.db import migrations

from learnlink.lib.compression import lz4_columns


class Migration(migrations.Migration):
    dependencies = [("mail", "0004_reminder_budget")]
    operations = [lz4_columns("mail_inboundmessage", "raw")]
