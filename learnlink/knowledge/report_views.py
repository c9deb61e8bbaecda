"""The network report and the diffusion downloads. The report is public and reads only
published practices (`permissions.reported_practices`); a practice's download follows its
page (`permissions.practice_for_reader`)."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from learnlink.exchange.permissions import visible_groups
from learnlink.knowledge import permissions
from learnlink.knowledge.diffusion import (
    CSV_TYPE,
    GRAPHML_TYPE,
    diffusion_csv,
    diffusion_graphml,
    network_csv,
    network_graphml,
)
from learnlink.knowledge.journeys import diffusion_of
from learnlink.knowledge.network import leading_threads, network

FASTEST = 5


def report(request: HttpRequest) -> HttpResponse:
    """Six queries however many practices: they are measured together, not one by one."""
    found = network()
    page = Paginator(found.reaches, settings.LEARNLINK_PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "knowledge/report.html", {
        "page": page, "fastest": found.fastest(FASTEST), "channels": found.channels(),
        "threads": leading_threads(visible_groups(request.user)),
        "practices": len(found.reaches)})


def network_download(request: HttpRequest, kind: str) -> HttpResponse:
    found = network()
    if kind == "csv":
        return _download(network_csv(found.diffusions.values()), CSV_TYPE, "diffusion.csv")
    return _download(network_graphml((str(pk), diffusion)
                                     for pk, diffusion in found.diffusions.items()),
                     GRAPHML_TYPE, "diffusion.graphml")


def practice_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    journey = diffusion_of(permissions.practice_for_reader(request, pk))
    if journey is None:
        raise Http404
    name = f"practice-{pk}-diffusion"
    if kind == "csv":
        return _download(diffusion_csv(journey), CSV_TYPE, f"{name}.csv")
    return _download(diffusion_graphml(journey), GRAPHML_TYPE, f"{name}.graphml")


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
