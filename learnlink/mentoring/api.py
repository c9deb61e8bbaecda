"""The mentoring part of the JSON API. Every endpoint asks `permissions`, as the web does;
each tool's endpoints are a router of their own, added here."""

from ninja import Router

from learnlink.mentoring.peers.api import router as peers_router

router = Router(tags=["mentoring"])
router.add_router("", peers_router)
