from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "learnlink.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self) -> None:
        """Put each tool's mail in the catalogue, its addresses in the mail routing, its rows on
        the dashboard and its blocks on the exchange's thread pages."""
        from learnlink.exchange import thread_blocks
        from learnlink.mentoring.labels.blocks import BLOCK as LABELS_BLOCK

        thread_blocks.register(LABELS_BLOCK)
