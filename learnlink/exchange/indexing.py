"""What of a message the search index sees: subject, new text (never the quotes), sender."""

from __future__ import annotations

from collections.abc import Iterable

from learnlink.exchange.models import Message
from learnlink.search.engine import Document, index_documents


def document(message: Message) -> Document:
    return Document(object_id=message.pk, group_id=message.group_id,
                    sender=f"{message.sender_name} {message.sender_address}".strip(),
                    date=message.date, subject=message.subject, body=message.text)


def index_messages(messages: Iterable[Message]) -> None:
    index_documents(document(m) for m in messages if not m.is_placeholder)
