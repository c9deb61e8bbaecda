"""The JSON API: one NinjaAPI, each app adds its router. Schema at /api/openapi.json."""

from ninja import NinjaAPI

from learnlink.alliance.api import router as alliance_router
from learnlink.exchange.api import router as exchange_router
from learnlink.exchange.api_posting import router as posting_router
from learnlink.impact.api import router as impact_router
from learnlink.knowledge.api import router as knowledge_router
from learnlink.mentoring.api import router as mentoring_router

api = NinjaAPI(title="Learnlink", version="1", urls_namespace="api", docs_url=None)
api.add_router("", exchange_router)
api.add_router("", posting_router)
api.add_router("", alliance_router)
api.add_router("", impact_router)
api.add_router("", mentoring_router)
api.add_router("", knowledge_router)
