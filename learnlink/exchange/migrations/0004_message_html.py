"""Messages keep their text and quotes as HTML, rendered once when archived, for the thread page
to join; the messages archived before are rendered here, from their stored text."""

from django.db import migrations, models

from learnlink.lib.bulk import update_rows
from learnlink.exchange.display import message_html

BATCH = 2000


def render_archive(apps, schema_editor):
    Message = apps.get_model("exchange", "Message")
    messages = Message.objects.filter(is_placeholder=False).only("text", "quoted").order_by("pk")
    last = 0
    while batch := list(messages.filter(pk__gt=last)[:BATCH]):
        for message in batch:
            message.html = message_html(message.text)
        update_rows(batch, ["html"])
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [("exchange", "0003_delivery")]
    operations = [
        migrations.AddField("message", "html", models.TextField(
            blank=True, help_text="The text and quotes as the thread page shows them, rendered "
                                  "when the message is archived (the same for every reader)")),
        migrations.RunPython(render_archive, migrations.RunPython.noop),
    ]
