from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "learnlink.people"
    label = "people"
    verbose_name = _("People and organisations")

    def ready(self) -> None:
        """Put sign-in links and the mail about addresses in the catalogue of mail."""
        from learnlink.lib.emails import register
        from learnlink.people.mail_kinds import KINDS

        register(*KINDS)
