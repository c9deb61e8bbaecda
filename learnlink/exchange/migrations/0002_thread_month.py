"""Threads remember the month they started in, so the month archive reads an index."""

from django.db import migrations, models
from django.utils import timezone


def fill_months(apps, schema_editor):
    Thread = apps.get_model("exchange", "Thread")
    for thread in Thread.objects.only("pk", "started").iterator():
        thread.month = timezone.localtime(thread.started).date().replace(day=1)
        thread.save(update_fields=["month"])


class Migration(migrations.Migration):
    dependencies = [("exchange", "0001_initial")]
    operations = [
        migrations.AddField("thread", "month", models.DateField(null=True)),
        migrations.RunPython(fill_months, migrations.RunPython.noop),
        migrations.AlterField("thread", "month", models.DateField(
            help_text="The first day of the month (local time) the thread started in, for the "
                      "month archive", verbose_name="month")),
        migrations.AddIndex("thread", models.Index(fields=["group", "month"],
                                                   name="thread_group_month")),
    ]
