"""The peer finder's page: a question, the peers who have done it, and why."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learnlink.mentoring.peers.finder import find_peers
from learnlink.mentoring.peers.forms import PeerForm
from learnlink.mentoring.permissions import may_introduce, peer_finder_groups

SHOWN = 20


def finder(request: HttpRequest) -> HttpResponse:
    """Open to everyone, each with the evidence they may read (permissions say why); a GET
    form, so an answer can be bookmarked and sent on."""
    groups = peer_finder_groups(request.user)
    form = PeerForm(request.GET or None)
    answer = None
    if "q" in request.GET and form.is_valid():
        data = form.cleaned_data
        answer = find_peers(data["q"], set(groups.values_list("pk", flat=True)),
                            country=data["country"], enterprise=data["enterprise"],
                            limit=SHOWN)
    return render(request, "mentoring/peers/finder.html", {
        "form": form, "answer": answer, "may_introduce": may_introduce(request.user)})
