"""The stylesheet's storage: hashed and compressed names once `learnlink collectstatic` has run,
the plain names before.

WhiteNoise's manifest storage answers every page with an error (Missing staticfiles manifest
entry) when the files were never collected. Before they are, this storage gives each file its
plain name and WhiteNoise serves it from the app's folder (settings: WHITENOISE_USE_FINDERS),
so pages work, only without the year-long caching; `learnlink check` says what to run.
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFiles(CompressedManifestStaticFilesStorage):
    def stored_name(self, name: str) -> str:
        if not self.hashed_files:  # no manifest: collectstatic has not run
            return name
        return str(super().stored_name(name))


def static_files_collected(**kwargs: object) -> list[checks.CheckMessage]:
    """A system check: with DEBUG off, say when the files are served uncollected."""
    if settings.DEBUG or (settings.STATIC_ROOT / "staticfiles.json").exists():
        return []
    return [checks.Warning(
        "The static files are not collected: pages work, but the stylesheet is served "
        "uncompressed and without long caching.",
        hint="Run `learnlink collectstatic --noinput` (again after each upgrade).",
        id="learnlink.W001")]
