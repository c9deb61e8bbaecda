"""The mentoring app's admin: each tool registers its models in its own package's admin."""

from learnlink.mentoring.agenda import admin as agenda_admin  # noqa: F401
from learnlink.mentoring.labels import admin as labels_admin  # noqa: F401
from learnlink.mentoring.resources import admin as resources_admin  # noqa: F401
