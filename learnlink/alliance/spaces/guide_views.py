"""The library of best-practice guides: public, like a bookshelf in the resource centre.
Documents are always downloads, never rendered in the browser."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, render

from learnlink.alliance.models import Guide, GuideDocument
from learnlink.alliance.permissions import visible_alliances


def guide_list(request: HttpRequest) -> HttpResponse:
    guides = Guide.objects.annotate(n_steps=Count("steps", distinct=True),
                                    n_documents=Count("documents", distinct=True)
                                    ).order_by("title", "pk")
    page = Paginator(guides, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "alliance/guide_list.html", {"page": page})


def guide(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Guide, slug=slug)
    steps = found.steps.prefetch_related("documents")
    readable = visible_alliances(request.user)
    return render(request, "alliance/guide.html", {
        "guide": found, "steps": steps,
        "documents": found.documents.filter(step__isnull=True),
        "alliances": readable.filter(cycles__spaces__steps__guide=found).distinct()})


def guide_document(request: HttpRequest, slug: str, pk: int, filename: str) -> HttpResponseBase:
    document = get_object_or_404(GuideDocument, guide__slug=slug, pk=pk)
    response = FileResponse(document.file.open("rb"), as_attachment=True,
                            filename=document.filename,
                            content_type="application/octet-stream")
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
