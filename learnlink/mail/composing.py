"""Mail written on a person's behalf, as their mail client would write it: a post made on the
web (or through the API) becomes these bytes and enters the inbox like any other mail. The
mail app is the one place that builds messages (the catalogue of mail writes ours to people);
the app that posts says what to write."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    content: bytes


def as_written(sender: tuple[str, str], to: tuple[str, str], subject: str, text: str,
               replied: tuple[str, list[str]] | None = None,
               upload: Upload | None = None) -> EmailMessage:
    """A text/plain UTF-8 message with our Message-ID and the date of now; `replied` is the
    Message-ID answered and its References, `upload` one attached file."""
    mail = EmailMessage()
    mail["From"] = formataddr(sender)
    mail["To"] = formataddr(to)
    mail["Subject"] = subject
    mail["Date"] = format_datetime(timezone.now())
    mail["Message-ID"] = make_msgid("web", domain=settings.LEARNLINK_MAIL_DOMAIN)
    if replied is not None:
        message_id, references = replied
        mail["In-Reply-To"] = f"<{message_id}>"
        mail["References"] = " ".join(f"<{ref.strip('<>')}>"
                                      for ref in [*references, message_id])
    mail.set_content(text, charset="utf-8")
    if upload is not None:
        maintype, _slash, subtype = (upload.content_type or "application/octet-stream") \
            .partition("/")
        mail.add_attachment(upload.content, maintype=maintype,
                            subtype=subtype or "octet-stream", filename=upload.filename)
    return mail
