"""What changes the library, and what reads it for a screen: named functions that the web
views, the demo and the tests all call."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet

from learnlink.exchange.models import Thread
from learnlink.lib.fields import fitted
from learnlink.mentoring.models import Resource, ResourceKind, Theme, ThreadResource
from learnlink.mentoring.models.resources import ResourceQuerySet
from learnlink.mentoring.resources.matching import (
    best_matching,
    index_resource,
    matching_all,
    unindex_resource,
)
from learnlink.people.models import Enterprise


@transaction.atomic
def save_resource(resource: Resource, enterprises: Iterable[Enterprise],
                  themes: Iterable[Theme], upload: File | None = None) -> Resource:
    """Add or change a resource with its tags (and, for a document, its new file), and write
    the words it is found by."""
    if upload is not None:
        store_document(resource, upload)
    resource.save()
    resource.enterprises.set(enterprises)
    resource.themes.set(themes)
    index_resource(resource)
    return resource


def store_document(resource: Resource, upload: File) -> None:
    """Keep the file as the exchange keeps attachments, under its SHA-256: a form a group
    already sent to the archive and a mentor uploads again is stored once."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    resource.sha256 = digest.hexdigest()
    resource.filename = fitted(Resource, "filename", upload.name or "document")
    resource.content_type = fitted(Resource, "content_type",
                                   getattr(upload, "content_type", "") or "")
    resource.size = upload.size or 0
    if not default_storage.exists(resource.storage_name):
        upload.seek(0)
        default_storage.save(resource.storage_name, upload)


@transaction.atomic
def remove_resource(resource: Resource) -> None:
    """Out of the library and off every thread it was attached to. Its file stays stored: the
    same bytes may be an attachment of the archive."""
    unindex_resource(resource)
    resource.delete()


def attach(thread: Thread, resource: Resource, by: User) -> ThreadResource:
    """Put a resource under "Resources for this discussion"; attaching it twice changes
    nothing."""
    attached, _created = ThreadResource.objects.get_or_create(
        thread=thread, resource=resource, defaults={"attached_by": by})
    return attached


def detach(thread: Thread, resource: Resource) -> None:
    ThreadResource.objects.filter(thread=thread, resource=resource).delete()


def filtered(resources: ResourceQuerySet, filters: dict[str, Any]) -> QuerySet[Resource]:
    """The library's list as the filters say: its words (all of them), an enterprise, a theme
    and a kind; none given, the whole library, newest first."""
    resources = resources.for_library()
    if filters.get("q"):
        found = matching_all(filters["q"])
        resources = (resources.none() if found is None
                     else resources.filter(pk__in=found.values("pk")))
    if filters.get("enterprise"):
        resources = resources.filter(enterprises=filters["enterprise"])
    if filters.get("theme"):
        resources = resources.filter(themes=filters["theme"])
    if filters.get("kind") in ResourceKind.values:
        resources = resources.filter(kind=filters["kind"])
    return resources


def found_for(query: str, limit: int) -> list[Resource]:
    """The best `limit` resources having every word of `query` (for a search's answer)."""
    ids = best_matching(query, limit)
    found = Resource.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
