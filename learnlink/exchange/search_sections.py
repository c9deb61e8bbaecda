"""Other apps' sections of a search's answer: below the messages found, by mail (`search@`) and
on the search page. The exchange depends on no app above it; an app (mentoring's library of
resources) registers a section here from its AppConfig.ready(), and both answers show every
registered section that has something for the query."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

AnyUser = User | AnonymousUser


@dataclass(frozen=True)
class Section:
    """`context(query, reader)` gives what the section shows this reader for the query, or None
    (nothing found, or nothing this reader may see); it is rendered with `text_template` in the
    answer by mail and with `html_template` on the search page."""

    key: str
    context: Callable[[str, AnyUser], dict[str, Any] | None]
    text_template: str
    html_template: str


_SECTIONS: dict[str, Section] = {}


def register(section: Section) -> None:
    """Called from an AppConfig.ready(); registering the same key twice replaces it."""
    _SECTIONS[section.key] = section


def as_text(query: str, reader: AnyUser) -> list[str]:
    """The sections for a search's answer by mail, in the current language."""
    return [render_to_string(section.text_template, context)
            for section, context in _found(query, reader)]


def as_html(request: HttpRequest, query: str) -> list[SafeString]:
    """The sections for the search page, for the signed-in reader or a guest."""
    return [SafeString(render_to_string(section.html_template, context, request))
            for section, context in _found(query, request.user)]


def _found(query: str, reader: AnyUser) -> list[tuple[Section, dict[str, Any]]]:
    found = []
    for section in _SECTIONS.values():
        context = section.context(query, reader)
        if context is not None:
            found.append((section, context))
    return found
