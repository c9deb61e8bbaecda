from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "learnlink.exchange"
    label = "exchange"
    verbose_name = _("Exchange")

    def ready(self) -> None:
        """Take the mail addressed to groups (SLUG@ the mail domain), search@ and get@."""
        from learnlink.exchange.mail_routes import ROUTES
        from learnlink.mail.routing import register

        for route in ROUTES:
            register(route)
