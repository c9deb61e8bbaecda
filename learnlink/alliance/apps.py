from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllianceConfig(AppConfig):
    name = "learnlink.alliance"
    label = "alliance"
    verbose_name = _("Learning alliances")

    def ready(self) -> None:
        from learnlink.alliance.plan_sections import register_sections

        register_sections()
