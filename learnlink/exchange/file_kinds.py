"""The kinds of file a group's page of files filters by, told apart by content type: a learner
looks for "the price list" (a spreadsheet) or "the photo of the grading table" (an image), not
for a MIME type."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

DOCUMENTS = ("application/pdf", "application/msword", "application/rtf", "text/plain",
             "text/rtf", "application/vnd.openxmlformats-officedocument.wordprocessingml",
             "application/vnd.oasis.opendocument.text")
SPREADSHEETS = ("application/vnd.ms-excel", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml",
                "application/vnd.oasis.opendocument.spreadsheet")
IMAGES = ("image/",)

# Each kind's content types, as prefixes: an .xlsx is "...spreadsheetml.sheet", a template
# "...spreadsheetml.template", both spreadsheets.
PREFIXES: dict[str, tuple[str, ...]] = {
    "documents": DOCUMENTS, "spreadsheets": SPREADSHEETS, "images": IMAGES}
CHOICES = [("", _("All files")), ("documents", _("Documents")),
           ("spreadsheets", _("Spreadsheets")), ("images", _("Images")), ("other", _("Other"))]
LABELS = dict(CHOICES[1:])


def _any_of(prefixes: tuple[str, ...]) -> Q:
    condition = Q()
    for prefix in prefixes:
        condition |= Q(content_type__istartswith=prefix)
    return condition


def of_kind(kind: str) -> Q:
    """The condition on an attachment's content type for a kind ("other": none of the rest)."""
    if kind == "other":
        return ~_any_of(tuple(p for prefixes in PREFIXES.values() for p in prefixes))
    return _any_of(PREFIXES[kind])


def kind_of(content_type: str) -> str:
    """The kind a content type belongs to, as the page and the API name it."""
    lowered = content_type.lower()
    return next((kind for kind, prefixes in PREFIXES.items() if lowered.startswith(prefixes)),
                "other")
