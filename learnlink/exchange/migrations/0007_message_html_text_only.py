"""A message's stored HTML is its text alone, reflowed and escaped. Its quotes were stored with it,
folded under an empty <summary> that the thread page filled in the reader's language; the page's
template now writes them from `quoted`, label and all. Rows stored before lose the wrapper."""

from html import escape

from django.db import migrations, models

from learnlink.lib.bulk import update_rows

BATCH = 2000
TEXT_OPEN, TEXT_CLOSE = '<div class="text">', "</div>"


def _in_batches(apps, columns, change):
    Message = apps.get_model("exchange", "Message")
    messages = Message.objects.filter(is_placeholder=False).only(*columns).order_by("pk")
    last = 0
    while batch := list(messages.filter(pk__gt=last)[:BATCH]):
        changed = [message for message in batch if change(message)]
        update_rows(changed, ["html"])
        last = batch[-1].pk


def text_only(message):
    """The text is escaped, so the first </div> closes its div."""
    if not message.html.startswith(TEXT_OPEN):
        return False
    message.html = message.html[len(TEXT_OPEN):message.html.index(TEXT_CLOSE)]
    return True


def with_quotes(message):
    if message.html.startswith(TEXT_OPEN):
        return False
    message.html = f"{TEXT_OPEN}{message.html}{TEXT_CLOSE}"
    if message.quoted:
        message.html += (f'<details><summary></summary><div class="quote">{escape(message.quoted)}'
                         "</div></details>")
    return True


def store_text_only(apps, schema_editor):
    _in_batches(apps, ["html"], text_only)


def store_with_quotes(apps, schema_editor):
    _in_batches(apps, ["html", "quoted"], with_quotes)


class Migration(migrations.Migration):
    dependencies = [("exchange", "0006_pending_change")]
    operations = [
        migrations.AlterField("message", "html", models.TextField(
            blank=True, help_text="The text as the thread page shows it, reflowed and escaped "
                                  "when the message is archived (the same for every reader)")),
        migrations.RunPython(store_text_only, store_with_quotes),
    ]
