"""GET /api/peers: the peer finder for scripts and other tools, with the web's rules: the
caller (a session or a Bearer token) gets evidence only from the groups they may read."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from learnlink.lib.links import absolute
from learnlink.mentoring.peers.finder import MOST_PEERS, Peer, find_peers
from learnlink.mentoring.peers.forms import PeerForm
from learnlink.mentoring.permissions import peer_finder_groups
from learnlink.people.api_auth import api_user

router = Router(tags=["mentoring"])


class EvidenceOut(Schema):
    url: str
    snippet: str


class PlaceOut(Schema):
    district: str
    region: str
    country: str


class PeerOut(Schema):
    kind: str
    id: int
    name: str
    place: PlaceOut
    score: float
    evidence: list[EvidenceOut]


class PeersOut(Schema):
    items: list[PeerOut]
    words: str  # the question's words that were searched for
    notice: str  # why there are no items or fewer words were searched; "" otherwise


@router.get("/peers", response=PeersOut)
def peers(request: HttpRequest, q: str = "", country: str = "", enterprise: str = "",
          limit: int = 10) -> dict[str, object]:
    """Who has done what `q` asks, best first. `country` is a country's id or name,
    `enterprise` an enterprise's slug or name in any of the three languages."""
    groups = peer_finder_groups(api_user(request))
    form = PeerForm({"q": q, "country": country, "enterprise": enterprise})
    if not form.is_valid():
        raise HttpError(400, "; ".join(f"{field}: {' '.join(str(e) for e in errors)}"
                                       for field, errors in form.errors.items()))
    data = form.cleaned_data
    answer = find_peers(data["q"], set(groups.values_list("pk", flat=True)),
                        country=data["country"], enterprise=data["enterprise"],
                        limit=max(1, min(limit, MOST_PEERS)))
    return {"items": [_item(peer) for peer in answer.peers], "words": answer.question.shown,
            "notice": answer.notice_text}


def _item(peer: Peer) -> dict[str, object]:
    return {"kind": peer.kind, "id": peer.id, "name": peer.name, "place": peer.place,
            "score": peer.score,
            "evidence": [{"url": absolute(item.url), "snippet": item.snippet}
                         for item in peer.evidence]}
