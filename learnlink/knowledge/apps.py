from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "learnlink.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge library")

    def ready(self) -> None:
        """Published stories, news and interviews in the answers to searches."""
        from learnlink.exchange import search_sections
        from learnlink.knowledge import story_search

        search_sections.register(search_sections.Section(
            "stories", story_search.search_section, "knowledge/stories/search_section.txt",
            "knowledge/stories/search_section.html"))
