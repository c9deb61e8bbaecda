from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "learnlink.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self) -> None:
        """Put each tool's mail in the catalogue, its addresses in the mail routing, its rows on
        the dashboard and its blocks on the exchange's thread pages."""
        from learnlink.exchange import search_sections, thread_blocks
        from learnlink.mentoring.resources import blocks as resources

        thread_blocks.register(thread_blocks.Block(
            "resources", "mentoring/resources/thread_block.html", resources.thread_block,
            place="bottom"))
        search_sections.register(search_sections.Section(
            "resources", resources.search_section, "mentoring/resources/search_section.txt",
            "mentoring/resources/search_section.html"))
