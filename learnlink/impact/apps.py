from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "learnlink.impact"
    label = "impact"
    verbose_name = _("Impact")

    def ready(self) -> None:
        """Show the impact table on the alliance dashboard and its export, and take the mail
        sent to sales@."""
        from learnlink.alliance.sections import register as register_section
        from learnlink.impact.mail_routes import SALES
        from learnlink.impact.sections import IMPACT
        from learnlink.mail.routing import register as register_route

        register_section(IMPACT)
        register_route(SALES)
