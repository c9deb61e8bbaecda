from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "learnlink.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge library")

    def ready(self) -> None:
        """Put the library's practices and the published stories, news and interviews in the
        answers to searches (page and search@)."""
        from learnlink.exchange import search_sections
        from learnlink.knowledge import story_search
        from learnlink.knowledge.search_section import search_section

        search_sections.register(search_sections.Section(
            "practices", search_section, "knowledge/search_section.txt",
            "knowledge/search_section.html"))
        search_sections.register(search_sections.Section(
            "stories", story_search.search_section, "knowledge/stories/search_section.txt",
            "knowledge/stories/search_section.html"))
