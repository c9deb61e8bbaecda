"""What an introduction's evidence link points at, and who may open it.

The evidence is a page of this site: a message, a thread, a group's archive, an organisation
or a person in the directory, or the page of another tool that registers a reader here
(a write-up, a synthesis). A reader turns the page's URL arguments into an `Evidence`: what
the mail calls it (names and subjects, in no one language: the mail may be in two), and the
group whose readers may open it (None: anyone). A page no reader knows is refused: Learnlink
does not mail a link when it cannot tell who may open it, since a side who cannot read a
private group must not be sent into it (nor told what it holds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve

from learnlink.exchange.models import Group, Message, Thread
from learnlink.people.models import Organisation, Person


@dataclass(frozen=True)
class Evidence:
    path: str  # on this site, with its query and fragment
    label: str
    group: Group | None  # whose readers may open it; None: anyone


Reader = Callable[[dict[str, Any]], tuple[str, Group | None] | None]
_READERS: dict[str, Reader] = {}


def register(view_name: str, reader: Reader) -> None:
    """Another tool's page as evidence: `reader(url kwargs)` gives its label and group, or
    None when the object is not there."""
    _READERS[view_name] = reader


def path_on_site(url: str) -> str | None:
    """The path of a link to this site (absolute on LEARNLINK_BASE_URL, or a path), else None."""
    url = url.strip()
    base = settings.LEARNLINK_BASE_URL
    if url.startswith(base + "/"):
        url = url.removeprefix(base)
    if not url.startswith("/") or url.startswith("//"):
        return None
    return url


def resolve_evidence(url: str) -> Evidence | None:
    """The evidence a link names; None for a link elsewhere, to nothing, or to a page whose
    readers Learnlink cannot tell."""
    path = path_on_site(url)
    if path is None:
        return None
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    reader = _READERS.get(match.view_name)
    found = reader(match.kwargs) if reader else None
    if found is None:
        return None
    label, group = found
    return Evidence(path[:500], label[:500], group)


def _group(kwargs: dict[str, Any]) -> tuple[str, Group | None] | None:
    group = Group.objects.filter(slug=kwargs["slug"]).first()
    return (group.name, group) if group else None


def _thread(kwargs: dict[str, Any]) -> tuple[str, Group | None] | None:
    thread = (Thread.objects.select_related("group")
              .filter(group__slug=kwargs["slug"], pk=kwargs["pk"]).first())
    return (f"{thread.subject} ({thread.group.name})", thread.group) if thread else None


def _message(kwargs: dict[str, Any]) -> tuple[str, Group | None] | None:
    message = (Message.objects.select_related("group", "sender")
               .filter(group__slug=kwargs["slug"], pk=kwargs["pk"], is_placeholder=False)
               .first())
    if message is None:
        return None
    return f"{message.subject or message.group.name} – {message.sender_label()}", message.group


def _organisation(kwargs: dict[str, Any]) -> tuple[str, Group | None] | None:
    organisation = Organisation.objects.filter(slug=kwargs["slug"]).first()
    return (organisation.name, None) if organisation else None


def _person(kwargs: dict[str, Any]) -> tuple[str, Group | None] | None:
    person = Person.objects.filter(slug=kwargs["slug"]).first()
    return (person.name, None) if person else None


for _name, _reader in [("exchange:group", _group), ("exchange:month", _group),
                       ("exchange:thread", _thread), ("exchange:message", _message),
                       ("exchange:whole", _message), ("people:organisation", _organisation),
                       ("people:person", _person)]:
    register(_name, _reader)
