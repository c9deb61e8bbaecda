from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "learnlink.mail"
    label = "mail"
    verbose_name = _("Mail")

    def ready(self) -> None:
        """Take the bounce addresses (SLUG+bounces+TOKEN@), before any group's route."""
        from learnlink.mail.bounces import ROUTE
        from learnlink.mail.routing import register

        register(ROUTE)
