"""Diffusion of practices: how a practice travelled from its origin to the groups that took it
up, as pure functions over plain records (no model, no query), so the knowledge app turns its
models into `Diffusion` once and every view, export and report reads the same thing.

`records` holds the input; `lineage` who learned from whom; `validation` the problems a form
shows; `graph` the SVG tree; `timeline` the dated HTML list; `exports` CSV and GraphML;
`measures` the network report's figures.
"""

from learnlink.knowledge.diffusion.exports import (
    CSV_TYPE,
    GRAPHML_TYPE,
    diffusion_csv,
    diffusion_graphml,
    network_csv,
    network_graphml,
)
from learnlink.knowledge.diffusion.graph import graph_svg
from learnlink.knowledge.diffusion.measures import (
    Arrival,
    NetworkReport,
    Reach,
    channel_counts,
    haversine_km,
    network_report,
    reach,
    report_order,
)
from learnlink.knowledge.diffusion.records import (
    Adoption,
    Channel,
    Diffusion,
    Origin,
    Status,
)
from learnlink.knowledge.diffusion.timeline import timeline_html
from learnlink.knowledge.diffusion.validation import problems

__all__ = [
    "CSV_TYPE",
    "GRAPHML_TYPE",
    "Adoption",
    "Arrival",
    "Channel",
    "Diffusion",
    "NetworkReport",
    "Origin",
    "Reach",
    "Status",
    "channel_counts",
    "diffusion_csv",
    "diffusion_graphml",
    "graph_svg",
    "haversine_km",
    "network_csv",
    "network_graphml",
    "network_report",
    "problems",
    "reach",
    "report_order",
    "timeline_html",
]
