"""The mentoring part of the JSON API. Every endpoint asks `permissions`, as the web does;
each tool's endpoints are a router of their own, added here."""

from ninja import Router

from learnlink.mentoring.agenda.api import router as agenda_router
from learnlink.mentoring.cleanup.api import router as cleanup_router
from learnlink.mentoring.monitor.api import router as monitor_router
from learnlink.mentoring.peers.api import router as peers_router
from learnlink.mentoring.syntheses.api import router as syntheses_router

router = Router(tags=["mentoring"])
router.add_router("", syntheses_router)
router.add_router("", cleanup_router)
router.add_router("", peers_router)
router.add_router("", agenda_router)
router.add_router("", monitor_router)
