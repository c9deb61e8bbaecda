"""Admin of the mentoring app: each tool's, from its own package."""

from learnlink.mentoring.labels import admin as labels  # noqa: F401
