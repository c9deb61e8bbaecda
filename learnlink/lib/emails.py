"""The catalogue of the mail Learnlink writes to people, and the one function that writes it.

Each kind of mail is one set of templates under its app, `APP/email/NAME_subject.txt`,
`NAME.txt` and optionally `NAME.html`, rendered here in the recipient's language and handed to
Django's mail, whose backend (mail.backend.OutboxBackend) puts it in the outbox. Bulk mail
(digests) renders its parts here and is queued by its own code. Apps register their kinds from
their AppConfig.ready(), each with a sample context, so that the catalogue page shows every
kind in any language and a test renders them all; this module imports no app, so every app,
people's included, may use it (healthchecks' hc/lib/emails.py, Zulip's email templates).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.template import Context, Engine, TemplateDoesNotExist
from django.utils import translation
from django.utils.functional import Promise


@dataclass(frozen=True)
class Kind:
    """One kind of mail: its templates are `APP/email/NAME*`; `to` says in a few words who
    receives it, and `sample` gives a context drawn from the demo network, for the catalogue
    page and the test (no database needed)."""

    app: str
    name: str
    to: str | Promise
    sample: Callable[[], dict[str, Any]]

    @property
    def key(self) -> str:
        return f"{self.app}.{self.name}"

    def template(self, suffix: str) -> str:
        return f"{self.app}/email/{self.name}{suffix}"

    @property
    def templates(self) -> list[str]:
        """The files of this kind that exist: subject, text and (when there is one) HTML."""
        found = [self.template("_subject.txt"), self.template(".txt")]
        return found + ([self.template(".html")] if _exists(self.template(".html")) else [])


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str  # "" for a kind sent as plain text only


_KINDS: dict[str, Kind] = {}


def register(*kinds: Kind) -> None:
    """Called from an AppConfig.ready(); registering a key again replaces it."""
    for kind in kinds:
        _KINDS[kind.key] = kind


def kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.key)


def render(key: str, context: Mapping[str, Any], language: str | None) -> Rendered:
    """The kind's subject, text and HTML in `language` (None: the site's default). Subject and
    text are plain text, never HTML-escaped; the subject is also in the texts' context, for a
    mail that repeats it as its title."""
    kind = _KINDS[key]
    with translation.override(language):
        subject = _render(kind.template("_subject.txt"), context, escape=False).strip()
        context = {**context, "subject": subject}
        text = _render(kind.template(".txt"), context, escape=False).strip() + "\n"
        html = (_render(kind.template(".html"), context, escape=True)
                if _exists(kind.template(".html")) else "")
    return Rendered(subject, text, html)


def render_sample(kind: Kind, language: str) -> Rendered:
    """The kind rendered from its sample, the sample built in `language` too: a caller may
    give text it translated itself (a command's outcome, a list footer)."""
    with translation.override(language):
        return render(kind.key, kind.sample(), language)


def send(key: str, to: str, context: Mapping[str, Any], language: str | None, *,
         from_address: str | None = None, reply_to: str = "",
         headers: Mapping[str, str] | None = None, cc: Sequence[str] = (),
         attachments: Iterable[tuple[str, bytes, str]] = ()) -> None:
    """Render the kind in the recipient's language and put it in the outbox. `from_address`
    None is DEFAULT_FROM_EMAIL; `attachments` are (file name, content, content type)."""
    rendered = render(key, context, language)
    message = EmailMultiAlternatives(rendered.subject, rendered.text, from_address, [to],
                                     cc=list(cc), reply_to=[reply_to] if reply_to else None,
                                     headers=dict(headers or {}))
    if rendered.html:
        message.attach_alternative(rendered.html, "text/html")
    for attachment in attachments:
        message.attach(*attachment)
    message.send()


def _render(name: str, context: Mapping[str, Any], *, escape: bool) -> str:
    """Text is rendered with autoescaping off ("&" in a subject stays "&"), HTML with it on."""
    template = Engine.get_default().get_template(name)
    return template.render(Context(dict(context), autoescape=escape))


@functools.cache
def _exists(name: str) -> bool:
    try:
        Engine.get_default().get_template(name)
    except TemplateDoesNotExist:
        return False
    return True
